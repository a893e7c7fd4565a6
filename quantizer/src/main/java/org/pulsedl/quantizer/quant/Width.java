package org.pulsedl.quantizer.quant;

import java.util.Locale;

/**
 * Width of an activation tensor (DESIGN §2). INT8 activations accumulate into int32 with an int32 bias;
 * INT16 activations (TFLite's 16x8 mode, zero point 0) into int64 with an int64 bias.
 */
public enum Width {
    INT8(-128, 127, 32),
    INT16(-32768, 32767, 64);

    private final int min;
    private final int max;
    private final int biasBits;

    Width(int min, int max, int biasBits) {
        this.min = min;
        this.max = max;
        this.biasBits = biasBits;
    }

    public int min() { return min; }

    public int max() { return max; }

    /** Bits of the bias and of the accumulator contract for a layer whose <em>input</em> has this width. */
    public int biasBits() { return biasBits; }

    /** Smallest bias value allowed for a layer whose input has this width. */
    public long biasMin() { return biasBits == 32 ? Integer.MIN_VALUE : Long.MIN_VALUE; }

    /** Largest bias value allowed for a layer whose input has this width. */
    public long biasMax() { return biasBits == 32 ? Integer.MAX_VALUE : Long.MAX_VALUE; }

    public int clamp(long q) { return (int) Math.max(min, Math.min(max, q)); }

    /** {@code int8} or {@code int16}, the spelling used in {@code .qmodel} files. */
    public String label() { return name().toLowerCase(Locale.ROOT); }

    public static Width parse(String text) {
        for (Width w : values()) {
            if (w.label().equalsIgnoreCase(text)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown width '" + text + "' (expected int8 or int16)");
    }
}
