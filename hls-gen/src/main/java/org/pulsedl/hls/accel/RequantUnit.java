package org.pulsedl.hls.accel;

/**
 * The arithmetic of the PE's drain path and of the input stage, written as the RTL computes it
 * (docs/accelerator.md §3.5–3.6): the same bits as {@code org.pulsedl.quantizer.golden.Requantizer}, but from the
 * parameter-table words and with the multiplier left-aligned to the hardware's {@code m_bits}.
 */
public final class RequantUnit {
    /** Right shift of the average divider: {@code q = ((|sum| + n/2) · ceil(2^24 / n)) >> 24}. */
    public static final int AVG_SHIFT = 24;

    /**
     * Default multiplier bits of the input stage's requantiser ({@code input_m_bits}): the largest model m_bits, so
     * every model's input stage runs (the PE requantisers use the hardware's m_bits).
     */
    public static final int INPUT_M_BITS = 31;

    private RequantUnit() {}

    /** Two's complement reduction of {@code v} to {@code bits} bits, sign-extended back to 64. */
    public static long wrap(long v, int bits) {
        return bits >= 64 ? v : v << (64 - bits) >> (64 - bits);
    }

    /** The divider's constant for a pool of {@code n} real samples: {@code ceil(2^24 / n)}. */
    public static long reciprocal(int n) {
        return ((1L << AVG_SHIFT) + n - 1) / n;
    }

    /**
     * TFLite's average rounding ({@code (sum ± n/2) / n} truncated, i.e. half away from zero) by a multiply with
     * {@link #reciprocal}: exact while {@code (|sum| + n/2) · (n − 1) < 2^24}, which holds for pools of at most 16
     * int16 samples.
     */
    public static long averageDivide(long sum, int n) {
        long q = ((Math.abs(sum) + (n >> 1)) * reciprocal(n)) >> AVG_SHIFT;
        return sum > 0 ? q : -q;
    }

    /**
     * {@code MBQM} of a requantiser variant: {@link Descriptor#RQ_DOUBLE}, {@link Descriptor#RQ_SINGLE} (both on the
     * low 32 bits of {@code acc}) or {@link Descriptor#RQ_INT64}.
     *
     * <p>The RTL equals this for the parameters the compiler emits and the model validator allows (docs §3.5):
     * SINGLE/INT64 {@code shr >= 1}; INT64 {@code m < 2^15} and {@code |acc| < 2^47}; DOUBLE {@code shl > 0} only with
     * {@code shr = 0} and {@code acc << shl} within int32 (the input stage's requantiser also wraps like this code).
     *
     * @param mBitsHw the multiplier width of the hardware (the SRDHM divisor is {@code 2^mBitsHw})
     */
    public static int scale(long acc, ParamEntry p, int mode, int mBitsHw) {
        long m = p.m() & 0xFFFFFFFFL;
        switch (mode) {
            case Descriptor.RQ_DOUBLE: {
                int t = (int) acc << p.shl();                       // wraps like TFLite; the validator forbids overflow
                long x = t * m;
                x += x >= 0 ? 1L << (mBitsHw - 1) : 1 - (1L << (mBitsHw - 1));
                long q = x >= 0 ? x >> mBitsHw : -((-x) >> mBitsHw);   // truncate toward zero
                return roundingDivideByPot((int) q, p.shr());
            }
            case Descriptor.RQ_SINGLE: {
                long r = ((int) acc * m + (1L << (p.shr() - 1))) >> p.shr();
                return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, r));
            }
            case Descriptor.RQ_INT64:
                return (int) ((acc * m + (1L << (p.shr() - 1))) >> p.shr());   // truncated to 32 bits
            default:
                throw new IllegalArgumentException("requant mode " + mode + " does not scale");
        }
    }

    /** Arithmetic shift right by {@code e}, ties away from zero (gemmlowp's RoundingDivideByPOT). */
    static int roundingDivideByPot(int x, int e) {
        int mask = (int) ((1L << e) - 1);
        int remainder = x & mask;
        int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
        return (x >> e) + (remainder > threshold ? 1 : 0);
    }

    /**
     * One value through the drain path of a MAC layer: {@code acc = wrap(shadow + bias, acc_bits)}; raw layers output
     * {@code acc}, the others {@code clamp(z_out + MBQM(acc), act_min, act_max)}.
     */
    public static long drainMac(long shadow, ParamEntry p, Descriptor d, int accBits, int mBitsHw) {
        long acc = wrap(shadow + p.bias(), accBits);
        if (d.rqMode() == Descriptor.RQ_RAW) {
            return acc;
        }
        long v = (long) d.zOut() + scale(acc, p, d.rqMode(), mBitsHw);
        return Math.max(d.actMin(), Math.min(d.actMax(), v));
    }

    /**
     * The input stage: {@code clamp(z_in + MBQM(code + bias))} with {@code bias = −baseline}, DOUBLE or SINGLE, clamped
     * to the input width. Its requantiser has its own multiplier width, {@code input_m_bits} (default
     * {@link #INPUT_M_BITS}), whatever the PE's are.
     *
     * @param inputMBits the input stage's multiplier bits ({@code AcceleratorConfig.inputMBits})
     */
    public static int inputStage(int code, ParamEntry p, boolean single, int zInput, boolean in16, int inputMBits) {
        long v = zInput + (long) scale(code + p.bias(), p, single ? Descriptor.RQ_SINGLE : Descriptor.RQ_DOUBLE,
                inputMBits);
        int lo = in16 ? -32768 : -128;
        int hi = in16 ? 32767 : 127;
        return (int) Math.max(lo, Math.min(hi, v));
    }
}
