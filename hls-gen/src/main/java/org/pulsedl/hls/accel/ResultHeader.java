package org.pulsedl.hls.accel;

/**
 * The words in front of each window's outputs in the result FIFO (docs/accelerator.md §4.6, "Result words"), declared
 * once: {@link ArraySimulator} builds them, the RTL unloader packs the same fields, {@link ProgramHeader} counts them,
 * and the firmware's {@code pulsedl_config.h} gets the matching macros. Per window: the header word (marker, tag,
 * sequence number), the capture timestamp word, then the outputs.
 */
public final class ResultHeader {
    /** Bits 31:24 of the header word: a fixed marker. */
    public static final int MARKER = 0xA5;
    public static final int MARKER_SHIFT = 24;
    /** Bits 23:16: the window's tag from the input port. */
    public static final int TAG_SHIFT = 16;
    public static final int TAG_BITS = 8;
    /** Bits 15:0: the window's sequence number (every arriving window since the last reset, mod 2^16). */
    public static final int SEQUENCE_SHIFT = 0;
    public static final int SEQUENCE_BITS = 16;

    /** Index of the header word within the window's result words. */
    public static final int HEADER_WORD = 0;
    /**
     * Index of the timestamp word: the window's capture timestamp as the input port took it with the window's first
     * sample ({@code i_in_time}, or {@code INPUT_TIME} for windows pushed through {@code INPUT_PUSH}), all 32 bits.
     */
    public static final int TIMESTAMP_WORD = 1;
    public static final int TIMESTAMP_BITS = 32;
    /** Words in front of the outputs. */
    public static final int WORDS = 2;

    private ResultHeader() {}

    public static int word(int sequence, int tag) {
        return MARKER << MARKER_SHIFT | (tag & (1 << TAG_BITS) - 1) << TAG_SHIFT
                | (sequence & (1 << SEQUENCE_BITS) - 1) << SEQUENCE_SHIFT;
    }

    /** Result-FIFO words of one window: these {@link #WORDS}, then one word per output (two, low first, when wide). */
    public static int wordsPerWindow(int outputs, boolean wide) {
        return WORDS + outputs * (wide ? 2 : 1);
    }
}
