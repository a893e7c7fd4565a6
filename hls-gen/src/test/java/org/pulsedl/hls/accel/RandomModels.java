package org.pulsedl.hls.accel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.pulsedl.quantizer.model.Activation;
import org.pulsedl.quantizer.model.Padding;
import org.pulsedl.quantizer.model.Shape;
import org.pulsedl.quantizer.qmodel.QAvgPool1D;
import org.pulsedl.quantizer.qmodel.QConv1D;
import org.pulsedl.quantizer.qmodel.QDense;
import org.pulsedl.quantizer.qmodel.QFlatten;
import org.pulsedl.quantizer.qmodel.QLayer;
import org.pulsedl.quantizer.qmodel.QMaxPool1D;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.qmodel.Requant;
import org.pulsedl.quantizer.quant.QuantParams;
import org.pulsedl.quantizer.quant.QuantizedMultiplier;
import org.pulsedl.quantizer.quant.RoundingMode;
import org.pulsedl.quantizer.quant.Width;

/**
 * Random quantised models in the DESIGN §2 subset: Conv1D (any K, S, valid/same, fused activation), pools, Flatten,
 * Dense, requantised or raw last layer, random scales, zero points, weights and biases, int8 or int16 tensors.
 */
public final class RandomModels {
    private RandomModels() {}

    static QuantizedModel make(SplittableRandom rnd, String name, RoundingMode rounding, int mBits, boolean allowInt16) {
        int len = 3 + rnd.nextInt(22);
        int ch = 1 + rnd.nextInt(3);
        Width inW = allowInt16 && rnd.nextInt(3) == 0 ? Width.INT16 : Width.INT8;
        QuantParams q = quant(rnd, inW);
        QuantParams input = q;
        Shape shape = Shape.of(len, ch);
        List<QLayer> layers = new ArrayList<>();
        int convs = rnd.nextInt(4);
        boolean dense = convs == 0 || rnd.nextBoolean();
        int total = convs + (dense ? 1 + rnd.nextInt(2) : 0);
        boolean raw = rnd.nextInt(3) == 0;
        int made = 0;
        for (int i = 0; i < convs; i++) {
            boolean last = ++made == total;
            if (!last && rnd.nextInt(4) == 0 && shape.length() >= 2) {
                int pool = 1 + rnd.nextInt(Math.min(4, shape.length()));
                int stride = 1 + rnd.nextInt(3);
                Padding pad = rnd.nextBoolean() ? Padding.SAME : Padding.VALID;
                QLayer pl = rnd.nextBoolean()
                        ? new QMaxPool1D("pool" + i, shape, pool, stride, pad, q)
                        : new QAvgPool1D("pool" + i, shape, pool, stride, pad, q);
                layers.add(pl);
                shape = pl.outputShape();
            }
            int k = 1 + rnd.nextInt(Math.min(5, shape.length()));
            int s = 1 + rnd.nextInt(3);
            Padding pad = rnd.nextBoolean() ? Padding.SAME : Padding.VALID;
            int filters = 1 + rnd.nextInt(12);
            int fanIn = k * shape.channels();
            Width outW = allowInt16 && rnd.nextInt(4) == 0 ? Width.INT16 : Width.INT8;
            Requant rq = last && raw ? null : requant(rnd, q, outW, filters, mBits);
            QConv1D c = new QConv1D("conv" + i, shape, filters, k, s, pad, Activation.NONE, q,
                    weights(rnd, filters, fanIn), scales(filters), bias(rnd, filters, q), rq);
            layers.add(c);
            shape = c.outputShape();
            if (rq != null) {
                q = rq.output();
            }
        }
        if (dense) {
            if (shape.rank() == 2) {
                layers.add(new QFlatten("flatten", shape, q));
                shape = Shape.flat(shape.size());
            }
            for (int i = made; i < total; i++) {
                boolean last = i == total - 1;
                int units = 1 + rnd.nextInt(10);
                Width outW = allowInt16 && rnd.nextInt(4) == 0 ? Width.INT16 : Width.INT8;
                Requant rq = last && raw ? null : requant(rnd, q, outW, units, mBits);
                QDense d = new QDense("dense" + i, shape.size(), units, Activation.NONE, q,
                        weights(rnd, units, shape.size()), scales(units), bias(rnd, units, q), rq);
                layers.add(d);
                shape = d.outputShape();
                if (rq != null) {
                    q = rq.output();
                }
            }
        }
        return new QuantizedModel(name, Shape.of(len, ch), input, null, layers, rounding, mBits, List.of(), Map.of());
    }

    public static QuantParams quant(SplittableRandom rnd, Width w) {
        double scale = Math.scalb(1.0 + rnd.nextDouble(), -rnd.nextInt(10));
        int z = w == Width.INT16 ? 0 : -128 + rnd.nextInt(256);
        return new QuantParams(scale, z, w);
    }

    static Requant requant(SplittableRandom rnd, QuantParams in, Width outW, int channels, int mBits) {
        QuantParams out = quant(rnd, outW);
        int[] m0 = new int[channels];
        int[] shift = new int[channels];
        for (int c = 0; c < channels; c++) {
            // small multipliers: outputs spread over the range, with some clamping
            double m = Math.scalb(0.5 + rnd.nextDouble() * 0.5, -(in.width() == Width.INT16 ? 12 : 5) - rnd.nextInt(8));
            QuantizedMultiplier qm = QuantizedMultiplier.of(m, mBits);
            m0[c] = qm.m0();
            shift[c] = qm.shift();
        }
        int min = outW.min();
        int max = outW.max();
        switch (rnd.nextInt(3)) {
            case 1 -> min = Math.max(min, out.zeroPoint());                       // ReLU
            case 2 -> {                                                           // ReLU6-like
                min = Math.max(min, out.zeroPoint());
                max = Math.min(max, out.zeroPoint() + 1 + rnd.nextInt(100));
            }
            default -> { }
        }
        return new Requant(out, m0, shift, min, max);
    }

    public static byte[][] weights(SplittableRandom rnd, int rows, int cols) {
        byte[][] w = new byte[rows][cols];
        for (byte[] r : w) {
            for (int i = 0; i < cols; i++) {
                r[i] = (byte) (rnd.nextInt(255) - 127);
            }
        }
        return w;
    }

    public static double[] scales(int n) {
        double[] s = new double[n];
        java.util.Arrays.fill(s, 0.01);
        return s;
    }

    public static long[] bias(SplittableRandom rnd, int n, QuantParams in) {
        long[] b = new long[n];
        long range = in.width() == Width.INT16 ? 1L << 24 : 1L << 16;
        for (int i = 0; i < n; i++) {
            b[i] = rnd.nextLong(-range, range);
        }
        return b;
    }

    /** Random quantised inputs for {@code model}. */
    public static List<int[]> inputs(SplittableRandom rnd, QuantizedModel model, int count) {
        Width w = model.input().width();
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[] x = new int[model.inputShape().size()];
            for (int j = 0; j < x.length; j++) {
                x[j] = w.min() + rnd.nextInt(w.max() - w.min() + 1);
            }
            out.add(x);
        }
        return out;
    }
}
