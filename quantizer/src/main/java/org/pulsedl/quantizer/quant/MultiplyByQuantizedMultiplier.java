package org.pulsedl.quantizer.quant;

/**
 * {@code MBQM(acc, M0, shift)} — the requantisation multiply of DESIGN §2 in its three variants, with
 * the multiplier in {@code mBits} bits ({@link QuantizedMultiplier}). Every method is pure integer
 * arithmetic and is the single definition the golden model, the RTL and the firmware must equal.
 *
 * <p>For {@code mBits = 31} the DOUBLE and SINGLE paths are TFLite's. For fewer bits they are the same
 * definitions with {@code 2^31} replaced by {@code 2^mBits}; the DOUBLE path then equals TFLite's applied
 * to {@code M0 · 2^(31 − mBits)} exactly (the nudge scales with the product), so a 15-bit model is also a
 * valid 31-bit model.
 */
public final class MultiplyByQuantizedMultiplier {
    private MultiplyByQuantizedMultiplier() {}

    /** Dispatch on rounding mode for an int32 accumulator. */
    public static int multiply(int acc, QuantizedMultiplier m, RoundingMode mode) {
        return mode == RoundingMode.DOUBLE
                ? multiplyDouble(acc, m.m0(), m.shift(), m.mBits())
                : multiplySingle(acc, m.m0(), m.shift(), m.mBits());
    }

    /**
     * DOUBLE: {@code RoundingDivideByPOT(SRDHM(acc · 2^left, M0), right)}, {@code left = max(shift, 0)},
     * {@code right = max(−shift, 0)}. The left shift wraps in 32 bits like TFLite's {@code x * (1 << left)};
     * the quantiser never produces a left shift that can overflow for the layer's accumulator range.
     */
    public static int multiplyDouble(int acc, int m0, int shift, int mBits) {
        int left = Math.max(shift, 0);
        int right = Math.max(-shift, 0);
        return roundingDivideByPot(saturatingRoundingDoublingHighMul(acc << left, m0, mBits), right);
    }

    /**
     * gemmlowp's {@code SaturatingRoundingDoublingHighMul(a, b)} = {@code (a·b + nudge) / 2^31} truncated
     * toward zero, {@code nudge = 2^30} for {@code a·b ≥ 0} else {@code 1 − 2^30}; the only overflow,
     * {@code INT32_MIN · INT32_MIN}, saturates to {@code INT32_MAX}.
     */
    public static int saturatingRoundingDoublingHighMul(int a, int b) {
        return saturatingRoundingDoublingHighMul(a, b, 31);
    }

    /** SRDHM with {@code 2^mBits} as the fixed-point one; results outside int32 saturate. */
    public static int saturatingRoundingDoublingHighMul(int a, int b, int mBits) {
        if (mBits == 31 && a == Integer.MIN_VALUE && b == Integer.MIN_VALUE) {
            return Integer.MAX_VALUE;
        }
        long ab = (long) a * b;
        long half = 1L << (mBits - 1);
        long nudge = ab >= 0 ? half : 1 - half;
        long q = (ab + nudge) / (1L << mBits);             // Java division truncates toward zero, as C++
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, q));
    }

    /**
     * gemmlowp's {@code RoundingDivideByPOT(x, e)}: arithmetic shift right by {@code e} in [0, 31],
     * rounding to nearest with ties away from zero.
     */
    public static int roundingDivideByPot(int x, int exponent) {
        if (exponent < 0 || exponent > 31) {
            throw new IllegalArgumentException("exponent " + exponent + " outside [0, 31]");
        }
        int mask = (int) ((1L << exponent) - 1);
        int remainder = x & mask;
        int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
        return (x >> exponent) + (remainder > threshold ? 1 : 0);
    }

    /**
     * SINGLE: {@code (acc · M0 + 2^(k−1)) >> k} with {@code k = mBits − shift} (TFLite single rounding for
     * {@code mBits = 31}; PulseDL-II's {@code (acc·M0) >> n} with round-half-up for 15). Results outside
     * int32 saturate (TFLite only asserts they do not occur).
     */
    public static int multiplySingle(long acc, int m0, int shift, int mBits) {
        int k = mBits - shift;
        long result = (Math.multiplyExact(acc, (long) m0) + (1L << (k - 1))) >> k;
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, result));
    }

    /**
     * The int64-accumulator variant TFLite's 16x8 kernels use, in both rounding modes. The multiplier is
     * first reduced to 15 bits, {@code M0' = min((M0 + 2^(mBits−16)) >> (mBits−15), 0x7FFF)} (for
     * {@code mBits = 31}: {@code (M0 + 2^15) >> 16}, or {@code 0x7FFF} when {@code M0 ≥ 0x7FFF0000}); with
     * {@code mBits ≤ 15} it is used as is. Then {@code (acc · M0' + 2^(k−1)) >> k}, {@code k = 15 − shift}
     * (resp. {@code mBits − shift}), truncated to 32 bits like TFLite's {@code int32_t result = x >> k}.
     *
     * <p>Verified against LiteRT 1.0.1's 16x8 reference kernels: bit-exact on every output of the oracle models
     * (docs/qmodel.md §8.2, {@code TfliteBitExactTest}); everything that depends on it goes through this method.
     */
    public static int multiplyInt64(long acc, int m0, int shift, int mBits) {
        int k = Math.min(mBits, 15) - shift;
        long x = Math.multiplyExact(acc, (long) reducedMultiplier(m0, mBits)) + (1L << (k - 1));
        return (int) (x >> k);
    }

    /**
     * The multiplier {@link #multiplyInt64} actually multiplies by: {@code m0} reduced to 15 bits when
     * {@code mBits > 15} (see there), else {@code m0} itself. Two multipliers that differ only below the
     * reduction give identical int64-path results.
     */
    public static int reducedMultiplier(int m0, int mBits) {
        return mBits > 15 ? (int) Math.min((m0 + (1L << (mBits - 16))) >> (mBits - 15), 0x7FFF) : m0;
    }
}
