package org.pulsedl.quantizer.importer.tflite;

import java.util.ArrayList;
import java.util.List;
import org.pulsedl.quantizer.qmodel.QDense;
import org.pulsedl.quantizer.qmodel.Requant;
import org.pulsedl.quantizer.quant.MultiplyByQuantizedMultiplier;
import org.pulsedl.quantizer.quant.QuantizedMultiplier;
import org.pulsedl.quantizer.quant.Width;

/**
 * A {@code .tflite} built (not trained) so that the two candidate formulas for a per-channel FULLY_CONNECTED
 * multiplier give a different multiplier <em>as the kernel uses it</em> on every output channel:
 * {@code double(s_in)·double(s_w[c])/double(s_out)} (CONV_2D's rule) and
 * {@code double(float(s_in·s_w[c]))/double(s_out)} (GetQuantizedConvolutionMultipler's float product). For int16
 * activations the kernel first reduces the 31-bit {@code M0} to 15 bits, which erases most such differences, so
 * each weight scale is chosen where they survive that reduction; for int8 where the float product's rounding error
 * is large. Everything here is Java integer and IEEE arithmetic, so the model and the inputs are the same on every
 * machine.
 *
 * <p>The graph is one FULLY_CONNECTED on the input (LiteRT flattens it). Row {@code c} of the weights is 127
 * everywhere except a 1 at position {@code c}, so any accumulator in range is reached exactly by
 * {@link #inputFor}: the inputs are constructed for accumulators where the two formulas' outputs differ, not
 * searched for.
 */
final class DenseMultiplierModel {
    static final int LENGTH = 32;
    static final int CHANNELS = 16;
    static final int UNITS = 8;
    static final float INPUT_SCALE = 0.013f;
    /** Large enough accumulators: an int8 output step spans ~6·10^4 accumulator values, so the float product's
     *  relative error (~10^-8) moves a step boundary by a fraction of an integer, and across some integer now and
     *  then; for int16 the 15-bit multipliers differ by a whole unit, and boundaries move by many integers. */
    static final float OUTPUT_SCALE_INT8 = 1.5f;
    static final float OUTPUT_SCALE_INT16 = 0.14f;
    static final int INPUT_ZERO_POINT_INT8 = -5;
    /** Float32 values tried per channel before giving up (a few hundred are needed on average). */
    static final int MAX_SCALE_STEPS = 1 << 20;

    private DenseMultiplierModel() {}

    /** The model's flatbuffer; int16 activations (16x8) or int8. */
    static byte[] build(boolean int16) {
        SyntheticTflite m = new SyntheticTflite();
        m.actType = int16 ? SyntheticTflite.INT16 : SyntheticTflite.INT8;
        int x = m.tensor("input", m.actType, new int[] {1, LENGTH, CHANNELS}, null, new float[] {INPUT_SCALE},
                new long[] {int16 ? 0 : INPUT_ZERO_POINT_INT8}, 0);
        m.inputs = new int[] {x};
        int n = LENGTH * CHANNELS;
        byte[] w = new byte[UNITS * n];
        for (int c = 0; c < UNITS; c++) {
            for (int i = 0; i < n; i++) {
                w[c * n + i] = (byte) (i == c ? 1 : 127);
            }
        }
        float out = int16 ? OUTPUT_SCALE_INT16 : OUTPUT_SCALE_INT8;
        m.outputs = new int[] {m.fullyConnected(x, w, weightScales(INPUT_SCALE, out, int16), out, SyntheticTflite.NONE)};
        return m.build();
    }

    /** Per channel, the first float32 at or above a spread of starting values where the formulas differ in use. */
    static float[] weightScales(float sIn, float sOut, boolean int16) {
        float[] ws = new float[UNITS];
        for (int c = 0; c < UNITS; c++) {
            float start = 0.0021f + 0.00007f * c;
            float s = start;
            for (int steps = 0; !differsInUse(sIn, s, sOut, int16); steps++) {
                if (steps == MAX_SCALE_STEPS) {
                    throw new IllegalStateException("no weight scale from " + start + " separates the two multiplier "
                            + "formulas within " + MAX_SCALE_STEPS + " float32 steps");
                }
                s = Math.nextUp(s);
            }
            ws[c] = s;
        }
        return ws;
    }

    /**
     * Whether the double-product and float-product multipliers differ as the kernel uses them: the 15-bit
     * reduced {@code M0} or the shift (int16 activations); for int8 the 31-bit {@code M0}, with the float product
     * at least a quarter of its ulp away from the exact one (a larger error moves more output boundaries).
     */
    static boolean differsInUse(float sIn, float sW, float sOut, boolean int16) {
        float product = sIn * sW;
        QuantizedMultiplier a = QuantizedMultiplier.of((double) sIn * sW / sOut, 31);
        QuantizedMultiplier b = QuantizedMultiplier.of((double) product / sOut, 31);
        if (int16) {
            return a.shift() != b.shift() || MultiplyByQuantizedMultiplier.reducedMultiplier(a.m0(), 31)
                    != MultiplyByQuantizedMultiplier.reducedMultiplier(b.m0(), 31);
        }
        return a.m0() != b.m0() && Math.abs(product - (double) sIn * sW) >= Math.ulp(product) / 4;
    }

    /** Requantises one accumulator of channel {@code c} of {@code d} the way {@code mbqm} does, then clamps. */
    static long output(QDense d, int c, long acc, TfliteArithmeticEvidenceTest.Mbqm mbqm) {
        Requant r = d.requant();
        long v = r.output().zeroPoint() + mbqm.apply(acc, r.m0()[c], r.shift()[c], d.input().width());
        return Math.max(r.actMin(), Math.min(r.actMax(), v));
    }

    /**
     * For each channel, the largest reachable accumulator below the top of the output range where {@code a} and
     * {@code b} (the same layer with the two multiplier formulas) requantise differently, turned into an input
     * ({@link #inputFor}). A channel with none adds nothing. The scan starts where the output leaves saturation
     * and stops at the reachable range or where it saturates below.
     */
    static List<int[]> discriminatingInputs(QDense a, QDense b, TfliteArithmeticEvidenceTest.Mbqm mbqm) {
        List<int[]> inputs = new ArrayList<>();
        long reach = reach(a);
        Requant r = a.requant();
        for (int c = 0; c < UNITS; c++) {
            double m = Math.scalb((double) r.m0()[c], r.shift()[c] - 31);
            long top = Math.min(reach, (long) Math.ceil((r.actMax() - r.output().zeroPoint() + 1) / m));
            for (long acc = a.bias()[c] + top; acc >= a.bias()[c] - reach; acc--) {
                if (output(a, c, acc, mbqm) != output(b, c, acc, mbqm)) {
                    inputs.add(inputFor(a, c, acc));
                    break;
                }
                if (output(a, c, acc, mbqm) < a.requant().actMin() + 1) {
                    break;   // saturated below: no boundary left
                }
            }
        }
        return inputs;
    }

    /** How far from the bias {@link #inputFor} can move channel {@code c}'s accumulator (any channel: same rows). */
    private static long reach(QDense d) {
        Width w = d.input().width();
        int z = d.input().zeroPoint();
        long per = Math.min(w.max() - z, z - w.min());
        return 127L * per * (d.inputs() - 1);
    }

    /**
     * An input whose channel-{@code c} accumulator is exactly {@code acc}: the 127-weight inputs carry
     * {@code round((acc − bias)/127)} spread evenly, the unit-weight input {@code c} the remainder.
     */
    static int[] inputFor(QDense d, int c, long acc) {
        int z = d.input().zeroPoint();
        long rest = acc - d.bias()[c];
        long q = Math.round(rest / 127.0);
        int others = d.inputs() - 1;
        int[] x = new int[d.inputs()];
        for (int i = 0, k = 0; i < x.length; i++) {
            if (i != c) {
                x[i] = (int) (z + q / others + (k++ < Math.abs(q % others) ? Long.signum(q) : 0));
            }
        }
        x[c] = (int) (z + rest - 127 * q);
        return x;
    }
}
