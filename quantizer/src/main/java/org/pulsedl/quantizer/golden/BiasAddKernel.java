package org.pulsedl.quantizer.golden;

import org.pulsedl.quantizer.qmodel.QBiasAdd;
import org.pulsedl.quantizer.quant.MultiplyByQuantizedMultiplier;

/**
 * The integer per-channel ADD of a {@link QBiasAdd}, like TFLite's reference {@code BroadcastAdd} for int8 and
 * for int16 with general scales (both run the same 32-bit arithmetic, with left shift 20 resp. 15). Each
 * {@code MBQM} is {@code MultiplyByQuantizedMultiplierSmallerThanOneExp}: double rounding, shift ≤ 0. The one
 * definition the golden model and {@code FastGoldenModel} share.
 */
public final class BiasAddKernel {
    private BiasAddKernel() {}

    /** Every element: channel = index mod channels (the last axis is the fastest). */
    static int[] apply(QBiasAdd p, int[] x, ClampCounts counts) {
        int channels = p.channels();
        int[] b = scaledBias(p);
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            long v = unclamped(p, x[i], b[i % channels]);
            if (v < p.actMin()) {
                counts.belowMin++;
                v = p.actMin();
            } else if (v > p.actMax()) {
                counts.aboveMax++;
                v = p.actMax();
            }
            y[i] = (int) v;
        }
        return y;
    }

    /** The bias operand of each channel after its rescaling ({@code b_c}), constant for the model. */
    public static int[] scaledBias(QBiasAdd p) {
        QBiasAdd.Rescale r = p.rescale();
        int[] b = new int[p.channels()];
        for (int c = 0; c < b.length; c++) {
            int shifted = (p.bias()[c] - p.biasQuant().zeroPoint()) * (1 << r.leftShift());
            b[c] = mbqm(shifted, r.biasM0(), r.biasShift());
        }
        return b;
    }

    /** One element before the activation clamp: {@code z_out + MBQM(a + b_c)} for input code {@code x}. */
    public static long unclamped(QBiasAdd p, int x, int scaledBias) {
        QBiasAdd.Rescale r = p.rescale();
        int a = mbqm((x - p.input().zeroPoint()) * (1 << r.leftShift()), r.inputM0(), r.inputShift());
        return (long) p.output().zeroPoint() + mbqm(a + scaledBias, r.outputM0(), r.outputShift());
    }

    /** One element with the clamp. */
    public static int output(QBiasAdd p, int x, int scaledBias) {
        return (int) Math.max(p.actMin(), Math.min(p.actMax(), unclamped(p, x, scaledBias)));
    }

    private static int mbqm(int x, int m0, int shift) {
        return MultiplyByQuantizedMultiplier.multiplyDouble(x, m0, shift, QBiasAdd.M_BITS);
    }
}
