package org.pulsedl.protocol;

/** Bits of a result record's and a waveform's {@code flags} (code = bit number). */
public enum EventFlag implements Coded {
    PILE_UP(0, "a second pulse fell inside the window"),
    ADC_SATURATED(1, "a sample reached the ADC's full scale"),
    OUTPUT_CLIPPED(2, "a network output saturated its integer range"),
    WAVEFORM_SENT(3, "the event's raw samples follow in a WAVEFORM frame with the same timestamp");

    private final int bit;
    private final String description;

    EventFlag(int bit, String description) {
        this.bit = bit;
        this.description = description;
    }

    @Override
    public int code() {
        return bit;
    }

    public int mask() {
        return 1 << bit;
    }

    @Override
    public String description() {
        return description;
    }
}
