package org.pulsedl.quantizer.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pulsedl.quantizer.model.Activation;
import org.pulsedl.quantizer.model.Padding;
import org.pulsedl.quantizer.model.Shape;
import org.pulsedl.quantizer.qmodel.QAvgPool1D;
import org.pulsedl.quantizer.qmodel.QConv1D;
import org.pulsedl.quantizer.qmodel.QDense;
import org.pulsedl.quantizer.qmodel.QLayer;
import org.pulsedl.quantizer.qmodel.QMaxPool1D;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.qmodel.Requant;
import org.pulsedl.quantizer.quant.QuantParams;
import org.pulsedl.quantizer.quant.RoundingMode;
import org.pulsedl.quantizer.quant.Width;

/** Hand-computable kernels, one model per case, exact equality. */
class KernelsTest {
    private static final int HALF = 1 << 30;          // M = 0.5 with shift 0; M = 0.25 with shift −1
    private static final QuantParams UNIT8 = new QuantParams(1.0, 0, Width.INT8);
    private static final QuantParams UNIT16 = new QuantParams(1.0, 0, Width.INT16);

    private static QuantizedModel model(Shape in, QuantParams inQ, QLayer layer, RoundingMode mode) {
        return new QuantizedModel("t", in, inQ, null, List.of(layer), mode, 31, List.of(), Map.of());
    }

    private static long[] run(QuantizedModel m, int... x) {
        return new GoldenModel(m).run(x);
    }

    /** One filter, taps (1, 2, 3), stride 2, M = 0.5, input zero point {@code zp}. */
    private static QConv1D conv(Padding padding, QuantParams in, long bias, QuantParams out, int actMin, int actMax) {
        return new QConv1D("c", Shape.of(5, 1), 1, 3, 2, padding, Activation.NONE, in, new byte[][] {{1, 2, 3}},
                new double[] {0.5}, new long[] {bias}, new Requant(out, new int[] {HALF}, new int[] {0}, actMin, actMax));
    }

    @Test
    void conv1dValidStride2Int8() {
        // x − z = 1..5; windows [1,2,3] → 14, [3,4,5] → 26; +1 bias; × 0.5 = 7.5 → 8, 13.5 → 14
        QuantParams in = new QuantParams(1.0, 1, Width.INT8);
        QuantizedModel m = model(Shape.of(5, 1), in, conv(Padding.VALID, in, 1, UNIT8, -128, 127), RoundingMode.DOUBLE);
        assertArrayEquals(new long[] {8, 14}, run(m, 2, 3, 4, 5, 6));
    }

    @Test
    void conv1dSamePaddingSkipsPaddedTaps() {
        // out 3, pad left 1: windows [pad,1,2] → 8, [2,3,4] → 20, [4,5,pad] → 14; +1 → ×0.5 → 4.5, 10.5, 7.5 → 5, 11, 8
        QuantParams in = new QuantParams(1.0, 1, Width.INT8);
        QuantizedModel m = model(Shape.of(5, 1), in, conv(Padding.SAME, in, 1, UNIT8, -128, 127), RoundingMode.DOUBLE);
        assertArrayEquals(new long[] {5, 11, 8}, run(m, 2, 3, 4, 5, 6));
    }

    @Test
    void conv1dSamePaddingInt16() {
        // the same numbers through the int64 (16x8) path: (acc·2^14 + 2^14) >> 15, ties up
        QuantizedModel m = model(Shape.of(5, 1), UNIT16, conv(Padding.SAME, UNIT16, 1, UNIT16, -32768, 32767),
                RoundingMode.DOUBLE);
        assertArrayEquals(new long[] {5, 11, 8}, run(m, 1, 2, 3, 4, 5));
        assertArrayEquals(new long[] {-3, -9, -6}, run(m, -1, -2, -3, -4, -5));   // acc −7, −19, −13: −3.5 → −3 (ties up)
    }

    @Test
    void conv1dOutputZeroPointAndReluClamp() {
        // output zero point −128, act_min −128 (ReLU): negative accumulators clamp to −128
        QuantParams out = new QuantParams(1.0, -128, Width.INT8);
        QuantizedModel m = model(Shape.of(5, 1), UNIT8, conv(Padding.VALID, UNIT8, 0, out, -128, 127), RoundingMode.DOUBLE);
        assertArrayEquals(new long[] {-128 + 7, -128 + 13}, run(m, 1, 2, 3, 4, 5));
        assertArrayEquals(new long[] {-128, -128}, run(m, -1, -2, -3, -4, -5));
        GoldenTrace t = new GoldenModel(m).trace(new int[] {-1, -2, -3, -4, -5}, null, null);
        assertEquals(2, t.last().belowMin());
        assertEquals(0, t.last().aboveMax());
    }

    private static QDense dense(QuantParams in, Requant rq) {
        return new QDense("d", 3, 2, Activation.NONE, in, new byte[][] {{1, 1, 1}, {2, 0, -1}}, new double[] {0.5, 0.5},
                new long[] {10, -5}, rq);
    }

    @Test
    void denseBothRoundingModes() {
        // x − z = (1, −2, 3): acc = (12, −6); × 0.25 = 3, −1.5
        QuantParams in = new QuantParams(1.0, 5, Width.INT8);
        Requant quarter = new Requant(UNIT8, new int[] {HALF, HALF}, new int[] {-1, -1}, -128, 127);
        assertArrayEquals(new long[] {3, -2}, run(model(Shape.flat(3), in, dense(in, quarter), RoundingMode.DOUBLE), 6, 3, 8));
        assertArrayEquals(new long[] {3, -1}, run(model(Shape.flat(3), in, dense(in, quarter), RoundingMode.SINGLE), 6, 3, 8));
    }

    @Test
    void denseRawReturnsAccumulators() {
        QuantParams in = new QuantParams(0.5, 5, Width.INT8);
        QuantizedModel m = model(Shape.flat(3), in, dense(in, null), RoundingMode.DOUBLE);
        long[] acc = run(m, 6, 3, 8);
        assertArrayEquals(new long[] {12, -6}, acc);
        assertArrayEquals(new double[] {12 * 0.25, -6 * 0.25}, m.dequantizeOutput(acc));
    }

    @Test
    void maxPoolSamePadding() {
        // L = 3, pool 2, stride 2, SAME: windows [0,1] and [2] (right pad never read)
        QuantParams q = new QuantParams(1.0, 0, Width.INT8);
        QuantizedModel m = model(Shape.of(3, 1), q, new QMaxPool1D("p", Shape.of(3, 1), 2, 2, Padding.SAME, q),
                RoundingMode.DOUBLE);
        assertArrayEquals(new long[] {0, -7}, run(m, -3, 0, -7));
    }

    @Test
    void avgPoolRoundsHalfAwayFromZero() {
        QuantParams q = new QuantParams(1.0, 0, Width.INT8);
        QuantizedModel m = model(Shape.of(4, 1), q, new QAvgPool1D("p", Shape.of(4, 1), 2, 2, Padding.VALID, q),
                RoundingMode.DOUBLE);
        assertArrayEquals(new long[] {-2, 4}, run(m, -3, 0, 5, 2));     // −1.5 → −2, 3.5 → 4
        assertArrayEquals(new long[] {-1, 1}, run(m, -1, -1, 1, 0));    // −1, 0.5 → 1
        QuantizedModel same = model(Shape.of(3, 2), q, new QAvgPool1D("p", Shape.of(3, 2), 2, 2, Padding.SAME, q),
                RoundingMode.DOUBLE);
        // channels interleaved: ch0 = (1, 2, 7), ch1 = (−1, −2, −7); last window holds one real sample
        assertArrayEquals(new long[] {2, -2, 7, -7}, run(same, 1, -1, 2, -2, 7, -7));
    }

    @Test
    void batchEqualsSingleRuns() {
        QuantParams in = new QuantParams(1.0, 1, Width.INT8);
        GoldenModel g = new GoldenModel(model(Shape.of(5, 1), in, conv(Padding.SAME, in, 1, UNIT8, -128, 127),
                RoundingMode.DOUBLE));
        int[][] batch = new int[100][5];
        for (int i = 0; i < batch.length; i++) {
            for (int j = 0; j < 5; j++) {
                batch[i][j] = (i * 7 + j * 13) % 256 - 128;
            }
        }
        long[][] out = g.runBatch(batch);
        for (int i = 0; i < batch.length; i++) {
            assertArrayEquals(g.run(batch[i]), out[i]);
        }
    }
}
