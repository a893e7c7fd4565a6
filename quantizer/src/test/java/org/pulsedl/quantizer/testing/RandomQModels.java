package org.pulsedl.quantizer.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.pulsedl.quantizer.model.Activation;
import org.pulsedl.quantizer.model.Padding;
import org.pulsedl.quantizer.model.Shape;
import org.pulsedl.quantizer.qmodel.InputStage;
import org.pulsedl.quantizer.qmodel.QAvgPool1D;
import org.pulsedl.quantizer.qmodel.QConv1D;
import org.pulsedl.quantizer.qmodel.QDense;
import org.pulsedl.quantizer.qmodel.QFlatten;
import org.pulsedl.quantizer.qmodel.QLayer;
import org.pulsedl.quantizer.qmodel.QMaxPool1D;
import org.pulsedl.quantizer.qmodel.QReshape;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.qmodel.Requant;
import org.pulsedl.quantizer.quant.QuantParams;
import org.pulsedl.quantizer.quant.RoundingMode;
import org.pulsedl.quantizer.quant.Width;

/**
 * The one generator of seeded random quantised models (DESIGN §2 subset) for every module's tests: an optional
 * first Reshape, up to {@link Profile#maxConvs} Conv1D layers (any K, S, valid/same), each optionally after a max or
 * average pool, then (after an optional pool) Flatten and one or two Dense layers; int8 or int16 tensors, fused
 * clamps (ReLU, ReLU6-like or a random range), a requantised or raw last layer, optionally an input stage. A
 * {@link Profile} says what a family may contain and which {@link Values} distributions it draws from; the named
 * profiles are those of the existing tests, and a profile's draws depend only on the seed.
 */
public final class RandomQModels {
    private RandomQModels() {}

    /** Validator refusals tolerated per model before giving up (random shapes sometimes collapse to nothing). */
    static final int MAX_ATTEMPTS = 1000;

    /**
     * What one family of models may contain.
     *
     * @param inputWidth  the input tensor's width, or {@code null} to draw it (int16 one time in three when allowed)
     * @param rawLast     whether the last layer is raw, or {@code null} to draw it (one time in three)
     * @param int16Odds   a tensor is int16 one time in {@code int16Odds} when int16 is allowed
     * @param poolOdds    a pool precedes a conv one time in {@code poolOdds}
     * @param trailingPoolOdds a pool follows the last conv one time in this many; 0 never
     * @param reshapeOdds an input Reshape ([L·C] → [L, C]) one time in this many; 0 never
     * @param inputStageOdds an ADC input stage one time in this many; 0 never
     * @param sameKernelBeyondLength same-padded convs may have kernels longer than their input
     */
    public record Profile(Width inputWidth, Boolean rawLast, int minLength, int lengthSpan, int maxChannels,
                          int maxConvs, int maxKernel, boolean sameKernelBeyondLength, int maxUnits, int int16Odds,
                          int poolOdds, boolean poolBeforeLastConv, int trailingPoolOdds, int reshapeOdds,
                          int inputStageOdds, Values values) {

        /** The accelerator tests' models (hls-gen accel): small multipliers, biases and lengths the array takes. */
        public static Profile accelerator() {
            return new Profile(null, null, 3, 22, 3, 3, 5, false, 10, 4, 4, false, 0, 0, 0, Values.HARDWARE);
        }

        /** The RTL tests' models: as {@link #accelerator}, with more int16 tensors and pools. */
        public static Profile rtl() {
            return new Profile(null, null, 4, 20, 3, 3, 5, false, 10, 3, 3, true, 0, 0, 0, Values.HARDWARE_RTL);
        }

        /**
         * Everything the validator accepts: arbitrary multipliers and activation ranges, biases up to the
         * accumulator bound, extreme weights, reshape, trailing pools, input stages (the golden/fast tests).
         */
        public static Profile specification(Width inputWidth, boolean rawLast) {
            return new Profile(inputWidth, rawLast, 1, 40, 4, 4, 6, true, 16, 2, 2, true, 3, 5, 2, Values.SPECIFICATION);
        }
    }

    /** A model of {@code profile}; a draw the validator refuses is replaced by the next one (bounded). */
    public static QuantizedModel make(SplittableRandom rnd, String name, Profile profile, RoundingMode rounding,
                                      int mBits, boolean allowInt16) {
        for (int attempt = 0; ; attempt++) {
            try {
                return tryMake(rnd, name, profile, rounding, mBits, allowInt16);
            } catch (IllegalArgumentException e) {   // incl. QModelException
                if (attempt == MAX_ATTEMPTS) {
                    throw new IllegalStateException("no valid random model after " + MAX_ATTEMPTS + " attempts", e);
                }
            }
        }
    }

    private static QuantizedModel tryMake(SplittableRandom rnd, String name, Profile p, RoundingMode rounding,
                                          int mBits, boolean allowInt16) {
        Values v = p.values();
        int len = p.minLength() + rnd.nextInt(p.lengthSpan());
        int ch = 1 + rnd.nextInt(p.maxChannels());
        Width inW = p.inputWidth() != null ? p.inputWidth()
                : allowInt16 && rnd.nextInt(3) == 0 ? Width.INT16 : Width.INT8;
        QuantParams q = v.quant(rnd, inW);
        QuantParams input = q;
        Shape shape = Shape.of(len, ch);
        Shape inputShape = shape;
        List<QLayer> layers = new ArrayList<>();
        if (p.reshapeOdds() > 0 && rnd.nextInt(p.reshapeOdds()) == 0) {
            inputShape = Shape.flat(len * ch);
            layers.add(new QReshape("reshape", inputShape, shape, q));
        }
        int convs = rnd.nextInt(p.maxConvs() + 1);
        int denses = convs == 0 || rnd.nextBoolean() ? 1 + rnd.nextInt(2) : 0;
        boolean raw = p.rawLast() != null ? p.rawLast() : rnd.nextInt(3) == 0;
        int total = convs + denses;
        int made = 0;
        for (int i = 0; i < convs; i++) {
            boolean last = ++made == total;
            if ((p.poolBeforeLastConv() || !last) && rnd.nextInt(p.poolOdds()) == 0 && shape.length() >= 2) {
                QLayer pool = pool(rnd, "pool" + i, shape, q);
                layers.add(pool);
                shape = pool.outputShape();
            }
            int k = 1 + rnd.nextInt(Math.min(p.maxKernel(), shape.length()));
            int s = 1 + rnd.nextInt(3);
            Padding pad = rnd.nextBoolean() ? Padding.SAME : Padding.VALID;
            if (p.sameKernelBeyondLength() && pad == Padding.SAME && rnd.nextInt(4) == 0) {
                k = shape.length() + 1 + rnd.nextInt(3);
            }
            int filters = 1 + rnd.nextInt(12);
            Width outW = width(rnd, p, allowInt16);
            Requant rq = last && raw ? null : v.requant(rnd, q, outW, filters, mBits);
            int fanIn = k * shape.channels();
            QConv1D c = new QConv1D("conv" + i, shape, filters, k, s, pad, Activation.NONE, q,
                    v.weights(rnd, filters, fanIn), scales(filters), v.bias(rnd, filters, fanIn, q), rq);
            layers.add(c);
            shape = c.outputShape();
            q = rq != null ? rq.output() : q;
        }
        if (p.trailingPoolOdds() > 0 && convs > 0 && denses > 0 && rnd.nextInt(p.trailingPoolOdds()) == 0
                && shape.length() >= 2) {
            QLayer pool = pool(rnd, "pool" + convs, shape, q);
            layers.add(pool);
            shape = pool.outputShape();
        }
        if (denses > 0 && shape.rank() == 2) {
            layers.add(new QFlatten("flatten", shape, q));
            shape = Shape.flat(shape.size());
        }
        for (int i = 0; i < denses; i++) {
            boolean last = ++made == total;
            int units = 1 + rnd.nextInt(p.maxUnits());
            Width outW = width(rnd, p, allowInt16);
            Requant rq = last && raw ? null : v.requant(rnd, q, outW, units, mBits);
            QDense d = new QDense("dense" + i, shape.size(), units, Activation.NONE, q,
                    v.weights(rnd, units, shape.size()), scales(units), v.bias(rnd, units, shape.size(), q), rq);
            layers.add(d);
            shape = d.outputShape();
            q = rq != null ? rq.output() : q;
        }
        InputStage stage = p.inputStageOdds() > 0 && rnd.nextInt(p.inputStageOdds()) == 0
                ? Values.inputStage(rnd, inputShape, mBits) : null;
        return new QuantizedModel(name, inputShape, input, stage, layers, rounding, mBits, List.of(), Map.of());
    }

    private static QLayer pool(SplittableRandom rnd, String name, Shape shape, QuantParams q) {
        int size = 1 + rnd.nextInt(Math.min(4, shape.length()));
        int stride = 1 + rnd.nextInt(3);
        Padding pad = rnd.nextBoolean() ? Padding.SAME : Padding.VALID;
        return rnd.nextBoolean() ? new QMaxPool1D("max" + name, shape, size, stride, pad, q)
                : new QAvgPool1D("avg" + name, shape, size, stride, pad, q);
    }

    private static Width width(SplittableRandom rnd, Profile p, boolean allowInt16) {
        return allowInt16 && rnd.nextInt(p.int16Odds()) == 0 ? Width.INT16 : Width.INT8;
    }

    /** Per-channel weight scales (their value does not enter integer inference). */
    public static double[] scales(int n) {
        double[] s = new double[n];
        java.util.Arrays.fill(s, 0.01);
        return s;
    }

    /**
     * Random windows for {@code model}: uniform over the input width, or with {@code edgeCases} the first four all
     * minimum, all maximum, alternating and all zero point, the rest uniform, near the zero point or at the extremes.
     */
    public static int[][] windows(SplittableRandom rnd, QuantizedModel model, int n, boolean edgeCases) {
        Width w = model.input().width();
        int z = model.input().zeroPoint();
        int[][] x = new int[n][model.inputShape().size()];
        for (int i = 0; i < n; i++) {
            int kind = !edgeCases ? 5 : i < 4 ? i : 4 + rnd.nextInt(3);
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] = switch (kind) {
                    case 0 -> w.min();
                    case 1 -> w.max();
                    case 2 -> (j & 1) == 0 ? w.min() : w.max();
                    case 3 -> z;
                    case 4 -> w.clamp(z + rnd.nextInt(-20, 21));
                    default -> w.min() + rnd.nextInt(w.max() - w.min() + 1);
                };
            }
        }
        return x;
    }

    /** Uniform random windows as a list (the accelerator's input queue). */
    public static List<int[]> inputs(SplittableRandom rnd, QuantizedModel model, int n) {
        return List.of(windows(rnd, model, n, false));
    }

    /** Random ADC windows {@code [window][channel][sample]} for a model with an input stage (16-bit codes as shorts). */
    public static short[][][] adc(SplittableRandom rnd, QuantizedModel m, int n) {
        InputStage s = m.inputStage();
        int channels = s.channels();
        int samples = m.inputShape().size() / channels;
        int codes = 1 << s.adcBits();
        short[][][] a = new short[n][channels][samples];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                for (int l = 0; l < samples; l++) {
                    a[i][c][l] = (short) (i == 0 ? 0 : i == 1 ? codes - 1 : rnd.nextInt(codes));
                }
            }
        }
        return a;
    }
}
