package org.pulsedl.daq.event;

import java.util.Arrays;

/**
 * A run of RESULT records in arrival order (DESIGN §5): per record the channel, the flags, the timestamp in ADC-clock
 * ticks and the network's raw integer outputs exactly as the board produced them. Stored column by column so that
 * a million records a second cost no allocation per record. Mutable: a producer fills it, a consumer reads it.
 */
public final class ResultBatch {
    private final int outputs;
    private int size;
    private int[] channel;
    private int[] flags;
    private long[] timestamp;
    private long[] values;

    /** An empty batch for records of {@code outputs} raw outputs, room for {@code capacity} records. */
    public ResultBatch(int outputs, int capacity) {
        if (outputs < 1) throw new IllegalArgumentException("a result has at least one output, got " + outputs);
        this.outputs = outputs;
        int cap = Math.max(1, capacity);
        channel = new int[cap];
        flags = new int[cap];
        timestamp = new long[cap];
        values = new long[cap * outputs];
    }

    public int outputs() { return outputs; }

    public int size() { return size; }

    public int channel(int i) { return channel[check(i)]; }

    public int flags(int i) { return flags[check(i)]; }

    public long timestamp(int i) { return timestamp[check(i)]; }

    /** Raw output {@code j} of record {@code i}. */
    public long output(int i, int j) { return values[check(i) * outputs + j]; }

    /** The raw outputs of record {@code i}, a copy. */
    public long[] outputsOf(int i) {
        check(i);
        return Arrays.copyOfRange(values, i * outputs, (i + 1) * outputs);
    }

    /** Appends one record; {@code raw} holds at least {@link #outputs()} values. */
    public void add(int channel, int flags, long timestamp, long[] raw) {
        if (size == this.channel.length) grow();
        this.channel[size] = channel;
        this.flags[size] = flags;
        this.timestamp[size] = timestamp;
        System.arraycopy(raw, 0, values, size * outputs, outputs);
        size++;
    }

    /** Appends record {@code i} of {@code other} (same number of outputs). */
    public void addFrom(ResultBatch other, int i) {
        if (other.outputs != outputs) {
            throw new IllegalArgumentException("records of " + other.outputs + " outputs cannot join a batch of " + outputs);
        }
        if (size == channel.length) grow();
        channel[size] = other.channel(i);
        flags[size] = other.flags[i];
        timestamp[size] = other.timestamp[i];
        System.arraycopy(other.values, i * outputs, values, size * outputs, outputs);
        size++;
    }

    public void clear() { size = 0; }

    private void grow() {
        int cap = channel.length * 2;
        channel = Arrays.copyOf(channel, cap);
        flags = Arrays.copyOf(flags, cap);
        timestamp = Arrays.copyOf(timestamp, cap);
        values = Arrays.copyOf(values, cap * outputs);
    }

    private int check(int i) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException("record " + i + " of " + size);
        return i;
    }
}
