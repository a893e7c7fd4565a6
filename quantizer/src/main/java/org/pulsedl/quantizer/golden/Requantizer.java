package org.pulsedl.quantizer.golden;

import org.pulsedl.quantizer.qmodel.Requant;
import org.pulsedl.quantizer.quant.MultiplyByQuantizedMultiplier;
import org.pulsedl.quantizer.quant.RoundingMode;
import org.pulsedl.quantizer.quant.Width;

/**
 * The one requantisation routine every kernel shares (DESIGN §2):
 * {@code q = clamp(z_out + MBQM(acc, M0_c, shift_c), act_min, act_max)}.
 *
 * <p>The MBQM variant follows the accumulator: a layer with an int8 input has an int32 accumulator and uses
 * the model's rounding mode; a layer with an int16 input has an int64 accumulator and uses TFLite's int64
 * (16x8) path in both modes.
 */
public final class Requantizer {
    private Requantizer() {}

    /** {@code MBQM(acc, m0, shift)} for a layer whose input has width {@code inputWidth}. */
    public static int scale(long acc, int m0, int shift, Width inputWidth, RoundingMode mode, int mBits) {
        if (inputWidth == Width.INT16) {
            return MultiplyByQuantizedMultiplier.multiplyInt64(acc, m0, shift, mBits);
        }
        // The validator's accumulator bound guarantees acc fits in int32 here.
        return mode == RoundingMode.DOUBLE
                ? MultiplyByQuantizedMultiplier.multiplyDouble((int) acc, m0, shift, mBits)
                : MultiplyByQuantizedMultiplier.multiplySingle(acc, m0, shift, mBits);
    }

    /**
     * Requantises accumulators laid out {@code [position][channel]} (channel fastest).
     *
     * @param counts incremented for each value clamped at act_min / act_max
     */
    static int[] requantize(long[] acc, Requant rq, Width inputWidth, RoundingMode mode, int mBits, ClampCounts counts) {
        int channels = rq.m0().length;
        int zOut = rq.output().zeroPoint();
        int[] q = new int[acc.length];
        for (int i = 0; i < acc.length; i++) {
            int c = i % channels;
            long v = (long) zOut + scale(acc[i], rq.m0()[c], rq.shift()[c], inputWidth, mode, mBits);
            if (v < rq.actMin()) {
                counts.belowMin++;
                v = rq.actMin();
            } else if (v > rq.actMax()) {
                counts.aboveMax++;
                v = rq.actMax();
            }
            q[i] = (int) v;
        }
        return q;
    }
}
