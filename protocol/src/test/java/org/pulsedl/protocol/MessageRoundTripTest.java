package org.pulsedl.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Every message type encodes, travels as a frame and decodes to the same values; the wire bytes follow §5. */
class MessageRoundTripTest {
    private final FrameEncoder encoder = new FrameEncoder(41);
    private final List<Frame> received = new ArrayList<>();
    private final FrameDecoder decoder = new FrameDecoder(received::add);

    private byte[] travel(MessageType type, byte[] payload) {
        decoder.feed(encoder.encode(type, FrameFlag.REPLY.mask(), payload));
        Frame f = received.remove(received.size() - 1);
        assertEquals(type, f.messageType());
        assertEquals(FrameFlag.REPLY.mask(), f.flags());
        return f.payload();
    }

    @Test
    void headerBytesAreTheNormativeLayout() {
        byte[] frame = new FrameEncoder(0x01020304L).encode(MessageType.STOP, 0x0506, new byte[0]);
        assertEquals(16, frame.length);
        assertArrayEquals(new byte[] {'P', 'D', 1, 0x08, 0x06, 0x05, 0, 0, 0x04, 0x03, 0x02, 0x01},
                java.util.Arrays.copyOf(frame, 12));
        CRC32 crc = new CRC32();
        crc.update(frame, 0, 12);
        long c = crc.getValue();
        assertArrayEquals(new byte[] {(byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24)},
                java.util.Arrays.copyOfRange(frame, 12, 16));
    }

    @Test
    void everyMessageRoundTrips() {
        InfoMessage info = new InfoMessage(1, 2, 14, 2, 250_000_000L, 64, 1400, 0x000102, 0xdeadbeefL, 7);
        assertEquals(info, InfoMessage.decode(travel(MessageType.INFO, info.encode())));

        ConfigMessage config = new ConfigMessage(ConfigOperation.SET, List.of(
                new ConfigMessage.Entry(ConfigKey.TRIGGER_THRESHOLD, -300), new ConfigMessage.Entry(999, 1)));
        assertEquals(config, ConfigMessage.decode(travel(MessageType.CONFIG, config.encode())));

        WaveformMessage w = new WaveformMessage(1L << 40, 1, EventFlag.PILE_UP.mask(), new short[] {-1, 2, 32767, -32768});
        WaveformMessage w2 = WaveformMessage.decode(travel(MessageType.WAVEFORM, w.encode()));
        assertEquals(w.timestamp(), w2.timestamp());
        assertEquals(w.channel(), w2.channel());
        assertEquals(w.flags(), w2.flags());
        assertArrayEquals(w.samples(), w2.samples());

        StatsMessage s = new StatsMessage(-1L, 2, 3, 4, 0xffff_ffffL, 6, 7, 8, 9, 10);
        assertEquals(s, StatsMessage.decode(travel(MessageType.STATS, s.encode())));

        ModelLoadMessage m = new ModelLoadMessage(ModelLoadPhase.CHUNK, 3, 4152, 100_000, 0x12345678L, new byte[] {1, 2, 3});
        ModelLoadMessage m2 = ModelLoadMessage.decode(travel(MessageType.MODEL_LOAD, m.encode()));
        assertEquals(m.phase(), m2.phase());
        assertEquals(m.offset(), m2.offset());
        assertEquals(m.imageCrc(), m2.imageCrc());
        assertArrayEquals(m.data(), m2.data());

        AckMessage nack = new AckMessage(MessageType.MODEL_LOAD.code(), NackReason.IMAGE_CRC_MISMATCH, 77, 0xabcdL);
        assertEquals(MessageType.NACK, nack.messageType());
        assertEquals(nack, AckMessage.decode(travel(MessageType.NACK, nack.encode())));
        assertEquals(0, travel(MessageType.START, new byte[0]).length);
    }

    @Test
    void resultBatchKeepsRawOutputsBitForBit() {
        ResultBatchWriter w = new ResultBatchWriter(3);
        int n = ResultBatch.maxRecords(3);
        assertEquals((1400 - 4) / 24, n);
        int[] outs = new int[3];
        for (int i = 0; i < n; i++) {
            outs[0] = Integer.MIN_VALUE + i;
            outs[1] = -i;
            outs[2] = Integer.MAX_VALUE - i;
            w.add(0xffff_0000_0000L + i, i % 4, i & 0xf, outs, 0);
        }
        assertEquals(true, w.isFull());
        ResultBatch b = ResultBatch.decode(travel(MessageType.RESULT, w.payload()));
        assertEquals(n, b.size());
        for (int i = 0; i < n; i++) {
            assertEquals(0xffff_0000_0000L + i, b.timestamps()[i]);
            assertEquals(i % 4, b.channels()[i]);
            assertEquals(i & 0xf, b.flags()[i]);
            assertEquals(Integer.MIN_VALUE + i, b.output(i, 0));
            assertEquals(-i, b.output(i, 1));
            assertEquals(Integer.MAX_VALUE - i, b.output(i, 2));
        }
    }

    @Test
    void payloadThatDoesNotFitItsLayoutIsRefusedNamingTheType() {
        PayloadException e = assertThrows(PayloadException.class, () -> ResultBatch.decode(new byte[] {2, 0, 1, 0, 9}));
        assertEquals("RESULT payload of 5 bytes; its layout needs 36", e.getMessage());
        e = assertThrows(PayloadException.class, () -> StatsMessage.decode(new byte[3]));
        assertEquals("STATS payload of 3 bytes; its layout needs 56", e.getMessage());
    }
}
