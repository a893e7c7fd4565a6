package org.pulsedl.protocol;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Fills one RESULT payload record by record without per-record allocation (the emulator's and firmware's hot
 * path): {@link #add} until {@link #isFull()}, then {@link #payload()} or {@link #writeFrame}, then {@link #clear()}.
 */
public final class ResultBatchWriter {
    private static final Field RECORD_COUNT = ResultBatch.L.field("record_count");
    private static final Field OUTPUT_COUNT = ResultBatch.L.field("output_count");
    private static final Field TIMESTAMP = ResultBatch.R.field("timestamp");
    private static final Field CHANNEL = ResultBatch.R.field("channel");
    private static final Field FLAGS = ResultBatch.R.field("flags");
    private static final Field RESERVED = ResultBatch.R.field("reserved");

    private final int outputCount;
    private final int capacity;
    private final int recordSize;
    private final ByteBuffer buffer;
    private int count;

    /** A writer of records with {@code outputCount} outputs, at most {@code maxRecords} per frame. */
    public ResultBatchWriter(int outputCount, int maxRecords) {
        if (outputCount < 0 || outputCount > 255) {
            throw new IllegalArgumentException("output count " + outputCount + " is not 0..255");
        }
        int limit = ResultBatch.maxRecords(outputCount);
        if (maxRecords < 1 || maxRecords > limit) {
            throw new IllegalArgumentException(maxRecords + " records per RESULT frame; with " + outputCount
                    + " outputs 1.." + limit + " fit");
        }
        this.outputCount = outputCount;
        this.capacity = maxRecords;
        this.recordSize = ResultBatch.recordSize(outputCount);
        this.buffer = PayloadBuffer.allocate(ResultBatch.L.fixedSize() + maxRecords * recordSize);
        clear();
    }

    /** A writer that packs as many records as one frame holds. */
    public ResultBatchWriter(int outputCount) {
        this(outputCount, ResultBatch.maxRecords(outputCount));
    }

    public void add(long timestamp, int channel, int flags, int[] outputs, int off) {
        if (count == capacity) {
            throw new IllegalStateException("RESULT batch full (" + capacity + " records)");
        }
        int at = ResultBatch.L.fixedSize() + count * recordSize;
        TIMESTAMP.put(buffer, at, timestamp);
        CHANNEL.put(buffer, at, channel);
        FLAGS.put(buffer, at, flags);
        RESERVED.put(buffer, at, 0);
        at += ResultBatch.R.fixedSize();
        for (int k = 0; k < outputCount; k++, at += ResultBatch.OUTPUT) {
            buffer.putInt(at, outputs[off + k]);
        }
        count++;
        RECORD_COUNT.put(buffer, 0, count);
    }

    public int count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public boolean isFull() {
        return count == capacity;
    }

    /** Payload bytes of the records added so far. */
    public int payloadLength() {
        return ResultBatch.L.fixedSize() + count * recordSize;
    }

    /** A copy of the payload. */
    public byte[] payload() {
        return Arrays.copyOf(buffer.array(), payloadLength());
    }

    /** Appends the RESULT frame of the records so far to {@code out}, numbered by {@code encoder}. */
    public void writeFrame(FrameEncoder encoder, int flags, ByteBuffer out) {
        encoder.encode(MessageType.RESULT.code(), flags, buffer.array(), 0, payloadLength(), out);
    }

    public void clear() {
        count = 0;
        RECORD_COUNT.put(buffer, 0, 0);
        OUTPUT_COUNT.put(buffer, 0, outputCount);
    }
}
