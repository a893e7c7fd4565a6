package org.pulsedl.protocol;

import java.nio.ByteBuffer;

/** The STATS payload ({@link Payloads#STATS}): the board's cumulative counters since START. */
public record StatsMessage(long timestamp, long triggers, long results, long waveforms, long droppedEvents,
                           long fifoOverruns, long crcErrors, long sequenceGaps, long oversizeFrames,
                           long nacksSent) {
    private static final Layout L = Payloads.STATS;

    public byte[] encode() {
        ByteBuffer b = PayloadBuffer.allocate(L.fixedSize());
        L.field("timestamp").put(b, 0, timestamp);
        L.field("triggers").put(b, 0, triggers);
        L.field("results").put(b, 0, results);
        L.field("waveforms").put(b, 0, waveforms);
        L.field("dropped_events").put(b, 0, droppedEvents);
        L.field("fifo_overruns").put(b, 0, fifoOverruns);
        L.field("crc_errors").put(b, 0, crcErrors);
        L.field("sequence_gaps").put(b, 0, sequenceGaps);
        L.field("oversize_frames").put(b, 0, oversizeFrames);
        L.field("nacks_sent").put(b, 0, nacksSent);
        return b.array();
    }

    public static StatsMessage decode(byte[] payload) {
        PayloadBuffer.expect(MessageType.STATS, payload, L.fixedSize());
        ByteBuffer b = PayloadBuffer.wrap(payload);
        return new StatsMessage(L.field("timestamp").get(b, 0), L.field("triggers").get(b, 0),
                L.field("results").get(b, 0), L.field("waveforms").get(b, 0), L.field("dropped_events").get(b, 0),
                L.field("fifo_overruns").get(b, 0), L.field("crc_errors").get(b, 0),
                L.field("sequence_gaps").get(b, 0), L.field("oversize_frames").get(b, 0),
                L.field("nacks_sent").get(b, 0));
    }
}
