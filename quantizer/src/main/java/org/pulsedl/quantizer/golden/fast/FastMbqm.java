package org.pulsedl.quantizer.golden.fast;

import org.pulsedl.quantizer.quant.MultiplyByQuantizedMultiplier;

/**
 * Branch-light forms of {@link MultiplyByQuantizedMultiplier} with the per-channel
 * constants precomputed, plus the all-int32 form of the int64 (16x8) path used on vectorised rows. Every method
 * equals the reference routine bit for bit on its stated domain ({@code FastMbqmTest}).
 */
public final class FastMbqm {
    private FastMbqm() {}

    /** The 16x8 path's multiplier ({@link MultiplyByQuantizedMultiplier#reducedMultiplier}, the one definition). */
    public static int reducedMultiplier(int m0, int mBits) {
        return MultiplyByQuantizedMultiplier.reducedMultiplier(m0, mBits);
    }

    /** The 16x8 path's right shift {@code k = min(mBits, 15) − shift}. */
    public static int int64Shift(int shift, int mBits) {
        return Math.min(mBits, 15) - shift;
    }

    /**
     * {@code multiplyInt64(acc, m0, shift, mBits)} with {@code m = reducedMultiplier(m0, mBits)},
     * {@code k = int64Shift(shift, mBits)}, for {@code |acc · m| < 2^62} (the validator's {@code |acc| < 2^47}).
     */
    public static int int64(long acc, int m, int k) {
        return (int) ((acc * m + (1L << (k - 1))) >> k);
    }

    /** {@code multiplySingle(acc, m0, shift, mBits)} with {@code k = mBits − shift}, for {@code |acc · m0| < 2^62}. */
    public static int single(long acc, int m0, int k) {
        long r = (acc * m0 + (1L << (k - 1))) >> k;
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, r));
    }

    /**
     * {@code multiplyDouble(acc, m0, shift, mBits)}: SRDHM with the truncating division by {@code 2^mBits} done as
     * a shift with a sign correction, then RoundingDivideByPOT. Exact for every int argument (incl. the
     * {@code INT32_MIN · INT32_MIN} saturation at 31 bits).
     */
    public static int doubleRounding(int acc, int m0, int shift, int mBits) {
        int left = Math.max(shift, 0);
        int right = Math.max(-shift, 0);
        int a = acc << left;
        int h;
        if (mBits == 31 && a == Integer.MIN_VALUE && m0 == Integer.MIN_VALUE) {
            h = Integer.MAX_VALUE;
        } else {
            long ab = (long) a * m0;
            long half = 1L << (mBits - 1);
            long x = ab + (ab >= 0 ? half : 1 - half);
            long q = (x + ((x >> 63) & ((1L << mBits) - 1))) >> mBits;     // x / 2^mBits, truncated toward zero
            h = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, q));
        }
        int mask = (int) ((1L << right) - 1);
        int threshold = (mask >> 1) + (h >>> 31);
        return (h >> right) + ((h & mask) > threshold ? 1 : 0);
    }

    /**
     * The int64 path entirely in int32 arithmetic (the form the vectorised rows use): for {@code |acc| ≤ 2^31 − 1},
     * {@code 0 ≤ m ≤ 0x7FFF}, {@code 1 ≤ k ≤ 47}, and a true result within int32, equals {@link #int64}. With
     * {@code acc = hi · 2^16 + lo}: for {@code k ≤ 16}, {@code (hi·m) << (16−k) + ((lo·m + 2^(k−1)) >> k)};
     * for {@code k > 16}, {@code (hi·m + ((lo·m) >> 16) + 2^(k−17)) >> (k−16)} (nested floors).
     */
    public static int int64ViaInt32(int acc, int m, int k) {
        int hi = acc >> 16;
        int lo = acc & 0xFFFF;
        if (k <= 16) {
            return ((hi * m) << (16 - k)) + ((lo * m + (1 << (k - 1))) >> k);
        }
        return (hi * m + ((lo * m) >> 16) + (1 << (k - 17))) >> (k - 16);
    }
}
