package org.pulsedl.quantizer.quant;

/** Rounding helpers with the semantics of C's {@code std::round} (ties away from zero), which TFLite uses. */
public final class Rounding {
    private Rounding() {}

    public static long halfAwayFromZero(double x) {
        return x >= 0 ? (long) Math.floor(x + 0.5) : -(long) Math.floor(-x + 0.5);
    }

    /** {@code std::round} on a float value (TFLite computes several quantities in float32). */
    public static long halfAwayFromZero(float x) {
        return x >= 0 ? (long) Math.floor(x + 0.5) : -(long) Math.floor(-x + 0.5);
    }
}
