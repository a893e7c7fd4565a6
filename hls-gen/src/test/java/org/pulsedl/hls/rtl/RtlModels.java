package org.pulsedl.hls.rtl;

import static org.pulsedl.hls.accel.RandomModels.bias;
import static org.pulsedl.hls.accel.RandomModels.quant;
import static org.pulsedl.hls.accel.RandomModels.scales;
import static org.pulsedl.hls.accel.RandomModels.weights;

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
 * Random quantised models for the RTL tests (DESIGN §2 subset): Conv1D with random K, S, valid/same padding, max and
 * average pools, Flatten, Dense, int8 or int16 tensors, fused ReLU/ReLU6-style clamps, requantised or raw last layer.
 */
final class RtlModels {
    private RtlModels() {}

    static QuantizedModel random(SplittableRandom rnd, String name, RoundingMode rounding, int mBits, boolean int16) {
        int len = 4 + rnd.nextInt(20);
        int ch = 1 + rnd.nextInt(3);
        Width inW = int16 && rnd.nextInt(3) == 0 ? Width.INT16 : Width.INT8;
        QuantParams q = quant(rnd, inW);
        QuantParams input = q;
        Shape shape = Shape.of(len, ch);
        List<QLayer> layers = new ArrayList<>();
        int convs = rnd.nextInt(4);
        int denses = convs == 0 || rnd.nextBoolean() ? 1 + rnd.nextInt(2) : 0;
        boolean raw = rnd.nextInt(3) == 0;
        int total = convs + denses;
        int made = 0;
        for (int i = 0; i < convs; i++) {
            boolean last = ++made == total;
            if (rnd.nextInt(3) == 0 && shape.length() >= 2) {
                int pool = 1 + rnd.nextInt(Math.min(4, shape.length()));
                int stride = 1 + rnd.nextInt(3);
                Padding pad = rnd.nextBoolean() ? Padding.SAME : Padding.VALID;
                QLayer pl = rnd.nextBoolean() ? new QMaxPool1D("maxpool" + i, shape, pool, stride, pad, q)
                        : new QAvgPool1D("avgpool" + i, shape, pool, stride, pad, q);
                layers.add(pl);
                shape = pl.outputShape();
            }
            int k = 1 + rnd.nextInt(Math.min(5, shape.length()));
            int s = 1 + rnd.nextInt(3);
            Padding pad = rnd.nextBoolean() ? Padding.SAME : Padding.VALID;
            int filters = 1 + rnd.nextInt(12);
            Width outW = int16 && rnd.nextInt(3) == 0 ? Width.INT16 : Width.INT8;
            Requant rq = last && raw ? null : requant(rnd, q, outW, filters, mBits);
            QConv1D c = new QConv1D("conv" + i, shape, filters, k, s, pad, Activation.NONE, q,
                    weights(rnd, filters, k * shape.channels()), scales(filters), bias(rnd, filters, q), rq);
            layers.add(c);
            shape = c.outputShape();
            q = rq != null ? rq.output() : q;
        }
        if (denses > 0 && shape.rank() == 2) {
            layers.add(new QFlatten("flatten", shape, q));
            shape = Shape.flat(shape.size());
        }
        for (int i = 0; i < denses; i++) {
            boolean last = ++made == total;
            int units = 1 + rnd.nextInt(10);
            Width outW = int16 && rnd.nextInt(3) == 0 ? Width.INT16 : Width.INT8;
            Requant rq = last && raw ? null : requant(rnd, q, outW, units, mBits);
            QDense d = new QDense("dense" + i, shape.size(), units, Activation.NONE, q,
                    weights(rnd, units, shape.size()), scales(units), bias(rnd, units, q), rq);
            layers.add(d);
            shape = d.outputShape();
            q = rq != null ? rq.output() : q;
        }
        return new QuantizedModel(name, Shape.of(len, ch), input, null, layers, rounding, mBits, List.of(), Map.of());
    }

    static Requant requant(SplittableRandom rnd, QuantParams in, Width outW, int channels, int mBits) {
        QuantParams out = quant(rnd, outW);
        int[] m0 = new int[channels];
        int[] shift = new int[channels];
        for (int c = 0; c < channels; c++) {
            double m = Math.scalb(0.5 + rnd.nextDouble() * 0.5,
                    -(in.width() == Width.INT16 ? 12 : 5) - rnd.nextInt(8) + (outW == Width.INT16 ? 6 : 0));
            QuantizedMultiplier qm = QuantizedMultiplier.of(m, mBits);
            m0[c] = qm.m0();
            shift[c] = qm.shift();
        }
        int min = outW.min();
        int max = outW.max();
        switch (rnd.nextInt(3)) {
            case 1 -> min = Math.max(min, out.zeroPoint());
            case 2 -> {
                min = Math.max(min, out.zeroPoint());
                max = Math.min(max, out.zeroPoint() + 1 + rnd.nextInt(100));
            }
            default -> { }
        }
        return new Requant(out, m0, shift, min, max);
    }

    static int[] tags(SplittableRandom rnd, int count) {
        int[] t = new int[count];
        for (int i = 0; i < count; i++) {
            t[i] = rnd.nextInt(256);
        }
        return t;
    }
}
