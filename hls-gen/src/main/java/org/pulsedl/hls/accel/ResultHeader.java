package org.pulsedl.hls.accel;

/**
 * The header word in front of each window's results in the result FIFO (docs/accelerator.md §4.8, "Result words"),
 * declared once: {@link ArraySimulator} builds it, the RTL unloader packs the same fields, and the firmware's
 * {@code pulsedl_config.h} gets the matching macros.
 */
public final class ResultHeader {
    /** Bits 31:24: a fixed marker. */
    public static final int MARKER = 0xA5;
    public static final int MARKER_SHIFT = 24;
    /** Bits 23:16: the window's tag from the input port. */
    public static final int TAG_SHIFT = 16;
    public static final int TAG_BITS = 8;
    /** Bits 15:0: the window's sequence number (every arriving window since the last reset, mod 2^16). */
    public static final int SEQUENCE_SHIFT = 0;
    public static final int SEQUENCE_BITS = 16;

    private ResultHeader() {}

    public static int word(int sequence, int tag) {
        return MARKER << MARKER_SHIFT | (tag & (1 << TAG_BITS) - 1) << TAG_SHIFT
                | (sequence & (1 << SEQUENCE_BITS) - 1) << SEQUENCE_SHIFT;
    }
}
