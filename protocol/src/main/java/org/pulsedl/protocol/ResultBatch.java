package org.pulsedl.protocol;

import java.nio.ByteBuffer;

/**
 * A decoded RESULT payload ({@link Payloads#RESULT}): {@link #size()} records, each with a timestamp in ADC-clock
 * ticks, channel, flags and {@link #outputCount()} raw integer network outputs (record-major in {@code outputs}).
 * Build one to send with {@link ResultBatchWriter}.
 */
public record ResultBatch(int outputCount, long[] timestamps, int[] channels, int[] flags, int[] outputs) {
    static final Layout L = Payloads.RESULT;
    static final Layout R = Payloads.RESULT_RECORD;
    static final int OUTPUT = R.tail().elementFixedSize();

    public int size() {
        return timestamps.length;
    }

    /** Raw output {@code k} of record {@code i}. */
    public int output(int i, int k) {
        return outputs[i * outputCount + k];
    }

    /** Bytes of one record with {@code outputCount} outputs. */
    public static int recordSize(int outputCount) {
        return R.fixedSize() + outputCount * OUTPUT;
    }

    /** Most records one frame carries with {@code outputCount} outputs each. */
    public static int maxRecords(int outputCount) {
        return Math.min(0xffff, (FrameHeader.MAX_PAYLOAD - L.fixedSize()) / recordSize(outputCount));
    }

    public static ResultBatch decode(byte[] payload) {
        PayloadBuffer.expectFixed(MessageType.RESULT, payload);
        ByteBuffer b = PayloadBuffer.wrap(payload);
        int n = L.field("record_count").getInt(b, 0);
        int k = L.field("output_count").getInt(b, 0);
        int size = recordSize(k);
        PayloadBuffer.expect(MessageType.RESULT, payload, L.fixedSize() + n * size);
        long[] timestamps = new long[n];
        int[] channels = new int[n];
        int[] flags = new int[n];
        int[] outputs = new int[n * k];
        Field ts = R.field("timestamp");
        Field ch = R.field("channel");
        Field fl = R.field("flags");
        for (int i = 0, at = L.fixedSize(); i < n; i++, at += size) {
            timestamps[i] = ts.get(b, at);
            channels[i] = ch.getInt(b, at);
            flags[i] = fl.getInt(b, at);
            for (int j = 0; j < k; j++) {
                outputs[i * k + j] = b.getInt(at + R.fixedSize() + j * OUTPUT);
            }
        }
        return new ResultBatch(k, timestamps, channels, flags, outputs);
    }
}
