package org.pulsedl.quantizer.golden.fast;

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
import org.pulsedl.quantizer.quant.QuantizedMultiplier;
import org.pulsedl.quantizer.quant.RoundingMode;
import org.pulsedl.quantizer.quant.Width;

/**
 * Seeded random models the validator accepts: random stacks of Conv1D (both paddings, strides), max/average
 * pools, an optional first Reshape, Flatten and Dense layers; random widths per tensor, zero points, per-channel
 * multipliers (normalised or arbitrary {@code m0}), activation ranges, biases up to the accumulator bound, raw or
 * requantised last layer, and optionally an input stage.
 */
final class RandomModels {
    private RandomModels() {}

    /** Knobs for one model family. */
    record Options(RoundingMode rounding, int mBits, Width inputWidth, boolean rawLast) {}

    static QuantizedModel make(SplittableRandom rnd, Options o) {
        for (int attempt = 0; ; attempt++) {
            try {
                return tryMake(rnd, o);
            } catch (IllegalArgumentException e) {   // incl. QModelException
                if (attempt > 1000) {
                    throw new IllegalStateException("no valid random model after 1000 attempts", e);
                }
            }
        }
    }

    private static QuantizedModel tryMake(SplittableRandom rnd, Options o) {
        int len = 1 + rnd.nextInt(40);
        int ch = 1 + rnd.nextInt(4);
        QuantParams q = quant(rnd, o.inputWidth());
        List<QLayer> layers = new ArrayList<>();
        Shape inputShape = Shape.of(len, ch);
        Shape shape = inputShape;
        if (rnd.nextInt(5) == 0) {
            inputShape = Shape.flat(len * ch);
            layers.add(new QReshape("reshape", inputShape, shape, q));
        }
        int blocks = 1 + rnd.nextInt(4);
        for (int b = 0; b < blocks; b++) {
            String name = "l" + layers.size();
            if (rnd.nextInt(10) < 6) {
                int filters = 1 + rnd.nextInt(12);
                Padding pad = rnd.nextBoolean() ? Padding.SAME : Padding.VALID;
                int k = 1 + rnd.nextInt(pad == Padding.VALID ? Math.min(6, shape.length()) : 6);
                int stride = 1 + rnd.nextInt(3);
                int fanIn = k * shape.channels();
                QuantParams out = quant(rnd, rnd.nextBoolean() ? Width.INT8 : Width.INT16);
                QConv1D c = new QConv1D(name, shape, filters, k, stride, pad, Activation.NONE, q,
                        weights(rnd, filters, fanIn), scales(filters), bias(rnd, filters, fanIn, q), null);
                c = new QConv1D(name, shape, filters, k, stride, pad, Activation.NONE, q, c.weights(),
                        c.weightScales(), c.bias(), requant(rnd, filters, out, q.width(), o));
                layers.add(c);
                shape = c.outputShape();
                q = out;
            } else {
                Padding pad = rnd.nextBoolean() ? Padding.SAME : Padding.VALID;
                int pool = 1 + rnd.nextInt(pad == Padding.VALID ? Math.min(4, shape.length()) : 4);
                int stride = 1 + rnd.nextInt(3);
                QLayer p = rnd.nextBoolean()
                        ? new QMaxPool1D(name, shape, pool, stride, pad, q)
                        : new QAvgPool1D(name, shape, pool, stride, pad, q);
                layers.add(p);
                shape = p.outputShape();
            }
        }
        boolean dense = rnd.nextInt(10) < 6 || layers.get(layers.size() - 1) instanceof QMaxPool1D
                || layers.get(layers.size() - 1) instanceof QAvgPool1D;
        if (dense) {
            layers.add(new QFlatten("flatten", shape, q));
            int n = shape.size();
            int denseLayers = 1 + rnd.nextInt(2);
            for (int d = 0; d < denseLayers; d++) {
                int units = 1 + rnd.nextInt(16);
                QuantParams out = quant(rnd, rnd.nextBoolean() ? Width.INT8 : Width.INT16);
                layers.add(new QDense("d" + d, n, units, Activation.NONE, q, weights(rnd, units, n), scales(units),
                        bias(rnd, units, n, q), requant(rnd, units, out, q.width(), o)));
                n = units;
                q = out;
            }
        }
        if (o.rawLast()) {
            QLayer last = layers.remove(layers.size() - 1);
            if (last instanceof QConv1D c) {
                layers.add(new QConv1D(c.name(), c.inputShape(), c.filters(), c.kernelSize(), c.stride(), c.padding(),
                        c.activation(), c.input(), c.weights(), c.weightScales(), c.bias(), null));
            } else {
                QDense d = (QDense) last;
                layers.add(new QDense(d.name(), d.inputs(), d.units(), d.activation(), d.input(), d.weights(),
                        d.weightScales(), d.bias(), null));
            }
        }
        InputStage stage = rnd.nextBoolean() ? inputStage(rnd, inputShape, o) : null;
        return new QuantizedModel("random", inputShape, quant0(layers.get(0)), stage, layers, o.rounding(), o.mBits(),
                List.of(), Map.of());
    }

    private static QuantParams quant0(QLayer first) { return first.input(); }

    static QuantParams quant(SplittableRandom rnd, Width w) {
        double scale = Math.pow(10, -4 + 3 * rnd.nextDouble());
        return new QuantParams(scale, w == Width.INT16 ? 0 : -128 + rnd.nextInt(256), w);
    }

    static byte[][] weights(SplittableRandom rnd, int rows, int fanIn) {
        byte[][] w = new byte[rows][fanIn];
        int kind = rnd.nextInt(4);
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < fanIn; i++) {
                w[r][i] = (byte) switch (kind) {
                    case 0 -> rnd.nextBoolean() ? 127 : -127;                     // extremes
                    case 1 -> -8 + rnd.nextInt(17);                              // small
                    default -> -127 + rnd.nextInt(255);
                };
            }
        }
        return w;
    }

    static double[] scales(int n) {
        double[] s = new double[n];
        java.util.Arrays.fill(s, 0.01);
        return s;
    }

    /** Biases within the validator's accumulator bound; sometimes at the bound, mostly small. */
    static long[] bias(SplittableRandom rnd, int rows, int fanIn, QuantParams in) {
        long maxAbsX = Math.max(in.width().max() - in.zeroPoint(), in.zeroPoint() - (long) in.width().min());
        long limit = in.width() == Width.INT8 ? Integer.MAX_VALUE : (1L << 47) - 1;
        long room = limit - (long) fanIn * maxAbsX * 127;
        long[] b = new long[rows];
        for (int r = 0; r < rows; r++) {
            int bits = rnd.nextInt(4) == 0 ? 63 : rnd.nextInt(in.width() == Width.INT8 ? 24 : 40);
            long mag = bits >= 62 ? room : Math.min(room, 1L << bits);
            b[r] = mag <= 0 ? 0 : rnd.nextLong(-mag, mag + 1);
        }
        return b;
    }

    static Requant requant(SplittableRandom rnd, int channels, QuantParams out, Width inWidth, Options o) {
        int[] m0 = new int[channels];
        int[] shift = new int[channels];
        int maxShift = inWidth == Width.INT16 && o.mBits() > 15 ? 14 : o.mBits() - 1;
        boolean arbitrary = rnd.nextInt(4) == 0;
        for (int c = 0; c < channels; c++) {
            if (arbitrary) {
                m0[c] = o.mBits() == 31 ? rnd.nextInt(Integer.MAX_VALUE) : rnd.nextInt(1 << o.mBits());
                shift[c] = -31 + rnd.nextInt(Math.min(maxShift, 2) + 32);
            } else {
                QuantizedMultiplier m = QuantizedMultiplier.of(Math.pow(10, -7 + 7.5 * rnd.nextDouble()), o.mBits());
                m0[c] = m.m0();
                shift[c] = Math.min(m.shift(), maxShift);
            }
        }
        int lo = out.width().min();
        int hi = out.width().max();
        switch (rnd.nextInt(3)) {
            case 0 -> lo = out.zeroPoint();                                              // ReLU
            case 1 -> {
                int a = lo + rnd.nextInt(hi - lo + 1);
                int b = lo + rnd.nextInt(hi - lo + 1);
                lo = Math.min(a, b);
                hi = Math.max(a, b);
            }
            default -> { }
        }
        return new Requant(out, m0, shift, lo, hi);
    }

    static InputStage inputStage(SplittableRandom rnd, Shape inputShape, Options o) {
        int channels = inputShape.rank() == 2 ? inputShape.channels() : 1;
        int bits = 1 + rnd.nextInt(16);
        int[] base = new int[channels];
        double[] scale = new double[channels];
        int[] m0 = new int[channels];
        int[] shift = new int[channels];
        for (int c = 0; c < channels; c++) {
            base[c] = rnd.nextInt(1 << bits);
            scale[c] = 1.0;
            QuantizedMultiplier m = QuantizedMultiplier.of(Math.pow(10, -4 + 5 * rnd.nextDouble()), o.mBits());
            m0[c] = m.m0();
            shift[c] = m.shift();
        }
        return new InputStage(bits, base, scale, m0, shift);
    }

    /** Random windows for a model: uniform over the width, near the zero point, and the extremes. */
    static int[][] inputs(SplittableRandom rnd, QuantizedModel m, int n) {
        int size = m.inputShape().size();
        Width w = m.input().width();
        int z = m.input().zeroPoint();
        int[][] x = new int[n][size];
        for (int i = 0; i < n; i++) {
            int kind = i < 4 ? i : 4 + rnd.nextInt(3);
            for (int j = 0; j < size; j++) {
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

    /** Random ADC windows {@code [window][channel][sample]} (16-bit codes arrive as signed shorts). */
    static short[][][] adc(SplittableRandom rnd, QuantizedModel m, int n) {
        InputStage s = m.inputStage();
        int channels = s.channels();
        int samples = m.inputShape().size() / channels;
        int codes = 1 << s.adcBits();
        short[][][] a = new short[n][channels][samples];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                for (int l = 0; l < samples; l++) {
                    int code = i == 0 ? 0 : i == 1 ? codes - 1 : rnd.nextInt(codes);
                    a[i][c][l] = (short) code;
                }
            }
        }
        return a;
    }
}
