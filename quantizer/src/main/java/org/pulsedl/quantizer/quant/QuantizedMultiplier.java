package org.pulsedl.quantizer.quant;

/**
 * A real multiplier {@code M ≈ m0 · 2^(shift − mBits)} as produced by TFLite's {@code QuantizeMultiplier}
 * (REFERENCES §1), generalised to {@code mBits} multiplier bits.
 *
 * <p>{@code m0} is the integer the hardware multiplies by: for a non-zero M it lies in
 * {@code [2^(mBits−1), 2^mBits − 1]}. With {@code mBits = 31} this is exactly TFLite's
 * {@code (quantized_multiplier, shift)}; with fewer bits it equals TFLite's value rounded to
 * {@code mBits} significant bits and shifted right by {@code 31 − mBits} — the {@code shift} keeps
 * TFLite's meaning (the frexp exponent), so it never depends on {@code mBits}.
 */
public record QuantizedMultiplier(int m0, int shift, int mBits) {

    /** Smallest shift kept; below it M is treated as 0, as in TFLite. */
    public static final int MIN_SHIFT = -31;

    public QuantizedMultiplier {
        checkMBits(mBits);
        if (m0 < 0 || (mBits < 31 && m0 >= (1 << mBits))) {
            throw new IllegalArgumentException("m0 " + m0 + " outside [0, 2^" + mBits + ")");
        }
        if (shift < MIN_SHIFT || shift > mBits - 1) {
            throw new IllegalArgumentException("shift " + shift + " outside [" + MIN_SHIFT + ", " + (mBits - 1) + "]");
        }
    }

    static void checkMBits(int mBits) {
        if (mBits < 2 || mBits > 31) {
            throw new IllegalArgumentException("m_bits must be in [2, 31], got " + mBits);
        }
    }

    /**
     * TFLite's {@code QuantizeMultiplier} with {@code mBits} bits: {@code q, shift = frexp(M)};
     * {@code m0 = round(q · 2^mBits)}; if that reaches {@code 2^mBits}, halve it and increment shift;
     * if {@code shift < −31}, M is too small to matter and becomes {@code (0, 0)}.
     *
     * @throws IllegalArgumentException for a negative, non-finite or too large ({@code ≥ 2^(mBits−1)}) M
     */
    public static QuantizedMultiplier of(double m, int mBits) {
        checkMBits(mBits);
        if (!(m >= 0) || Double.isInfinite(m)) {
            throw new IllegalArgumentException("multiplier must be finite and >= 0, got " + m);
        }
        if (m == 0) {
            return new QuantizedMultiplier(0, 0, mBits);
        }
        int shift = Math.getExponent(m) + 1;                 // frexp: m = q * 2^shift, q in [0.5, 1)
        if (Math.getExponent(m) < Double.MIN_EXPONENT) {
            return new QuantizedMultiplier(0, 0, mBits);     // subnormal: far below 2^-31
        }
        double q = Math.scalb(m, -shift);
        long m0 = Rounding.halfAwayFromZero(Math.scalb(q, mBits));
        if (m0 == (1L << mBits)) {
            m0 /= 2;
            shift++;
        }
        if (shift < MIN_SHIFT) {
            return new QuantizedMultiplier(0, 0, mBits);
        }
        if (shift > mBits - 1) {
            throw new IllegalArgumentException("multiplier " + m + " is too large for " + mBits + "-bit requantisation");
        }
        return new QuantizedMultiplier((int) m0, shift, mBits);
    }

    /** TFLite's default: 31 bits. */
    public static QuantizedMultiplier of(double m) { return of(m, 31); }

    /** The real value represented, {@code m0 · 2^(shift − mBits)}. */
    public double value() { return Math.scalb((double) m0, shift - mBits); }
}
