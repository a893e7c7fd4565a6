package org.pulsedl.quantizer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pulsedl.quantizer.quant.FakeQuantNudge;
import org.pulsedl.quantizer.quant.QuantParams;
import org.pulsedl.quantizer.quant.WeightQuantizer;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.quantization.FakeQuantWithMinMaxVars;
import org.tensorflow.op.quantization.FakeQuantWithMinMaxVarsPerChannel;
import org.tensorflow.types.TFloat32;

/** TensorFlow's FakeQuant ops in TF Java against the project's Java nudging (issue 3: "test against that op"). */
class FakeQuantOpTest {
    private static final float[][] RANGES = {
        {-0.1f, 0.9f}, {0f, 6f}, {-1f, 1f}, {-3.7f, 0.2f}, {0.0f, 0.0312f}, {-0.5f, 12.25f}, {-2.5e-3f, 7.1f}};

    @Test
    void fakeQuantWithMinMaxVarsUsesTheGridOfFakeQuantNudge() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (float[] r : RANGES) {
            for (int bits : new int[] {8, 16, 4}) {
                for (boolean narrow : new boolean[] {false, true}) {
                    float[] x = new float[2000];
                    float span = r[1] - r[0];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = r[0] - 0.2f * span + (float) rnd.nextDouble() * 1.4f * span;
                    }
                    x[0] = 0f;
                    x[1] = r[0];
                    x[2] = r[1];
                    float[] tf = runOp(x, r[0], r[1], bits, narrow);
                    FakeQuantNudge n = FakeQuantNudge.nudge(r[0], r[1], bits, narrow);
                    for (int i = 0; i < x.length; i++) {
                        // same grid point; the op's vectorised arithmetic may differ from the scalar formula in the last bit
                        String what = "x=" + x[i] + " range " + r[0] + ".." + r[1] + " bits " + bits + " narrow " + narrow;
                        double pos = ((double) x[i] - n.nudgedMin()) / n.scale();
                        if (Math.abs(pos - Math.floor(pos) - 0.5) < 1e-3 + 2e-7 * pos) {
                            continue;                                  // a rounding tie: float32 order decides
                        }
                        long javaIndex = Math.round((n.fakeQuant(x[i]) - n.nudgedMin()) / n.scale());
                        long tfIndex = Math.round((tf[i] - n.nudgedMin()) / n.scale());
                        // at 16 bits one grid step is ~2^-16 of the range, within float32's error of (x - min) / scale
                        assertTrue(Math.abs(javaIndex - tfIndex) <= (bits == 16 ? 1 : 0), what + ": " + javaIndex + " vs " + tfIndex);
                        assertEquals(n.fakeQuant(x[i]), tf[i], (bits == 16 ? n.scale() : 0) + 2 * Math.ulp(Math.max(Math.abs(r[0]), Math.abs(r[1]))), what);
                    }
                    assertEquals(n.nudgedMin(), runOp(new float[] {-1e9f}, r[0], r[1], bits, narrow)[0], 0f, "nudged min");
                    assertEquals(n.nudgedMax(), runOp(new float[] {1e9f}, r[0], r[1], bits, narrow)[0],
                            Math.ulp(n.nudgedMax()), "nudged max");
                }
            }
        }
    }

    @Test
    void perChannelWeightFakeQuantEqualsTheWeightQuantizerGrid() {
        SplittableRandom rnd = new SplittableRandom(8);
        int in = 24;
        int units = 5;
        float[][] w = new float[in][units];
        double[][] rows = new double[units][in];
        for (int i = 0; i < in; i++) {
            for (int u = 0; u < units; u++) {
                w[i][u] = (float) ((rnd.nextDouble() * 2 - 1) * (u + 1) * 0.1);
                rows[u][i] = w[i][u];
            }
        }
        WeightQuantizer.Quantized q = WeightQuantizer.quantize(rows, true);
        float[] fq = runPerChannel(w);
        for (int i = 0; i < in; i++) {
            for (int u = 0; u < units; u++) {
                assertEquals((float) (q.weights()[u][i] * q.scales()[u]), fq[i * units + u], 1e-7f * (u + 1),
                        "w[" + i + "][" + u + "]");
            }
        }
    }

    @Test
    void eightBitNudgeIsTheQuantizersActivationGrid() {
        FakeQuantNudge n = FakeQuantNudge.nudge(0f, 5.3f, 8, false);
        QuantParams p = n.toInt8();
        for (float x = 0; x < 5.3f; x += 0.0173f) {
            assertEquals(n.fakeQuant(x), (float) p.dequantize(p.quantize(x)), 2e-6f, "x=" + x);
        }
    }

    private static float[] runOp(float[] x, float min, float max, int bits, boolean narrow) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> in = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(x.length)));
            var out = tf.quantization.fakeQuantWithMinMaxVars(in, tf.constant(min), tf.constant(max),
                    FakeQuantWithMinMaxVars.numBits((long) bits), FakeQuantWithMinMaxVars.narrowRange(narrow));
            return run(g, in, out, x, Shape.of(x.length));
        }
    }

    /** The graph's weight fake-quant: per output channel, symmetric, 8 bits narrow range on ±max|w|. */
    private static float[] runPerChannel(float[][] w) {
        int in = w.length;
        int units = w[0].length;
        float[] flat = new float[in * units];
        for (int i = 0; i < in; i++) {
            System.arraycopy(w[i], 0, flat, i * units, units);
        }
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(in, units)));
            var m = tf.max(tf.math.abs(x), tf.constant(new int[] {0}));
            var out = tf.quantization.fakeQuantWithMinMaxVarsPerChannel(x, tf.math.neg(m), m,
                    FakeQuantWithMinMaxVarsPerChannel.numBits(8L), FakeQuantWithMinMaxVarsPerChannel.narrowRange(true));
            return run(g, x, out, flat, Shape.of(in, units));
        }
    }

    private static float[] run(Graph g, Placeholder<TFloat32> in, org.tensorflow.Operand<TFloat32> out, float[] x, Shape shape) {
        try (Session s = new Session(g);
             TFloat32 t = TFloat32.tensorOf(shape, DataBuffers.of(x, true, false));
             Result r = s.runner().feed(in, t).fetch(out).run()) {
            float[] y = new float[x.length];
            ((TFloat32) r.get(0)).copyTo(DataBuffers.of(y, false, false));
            return y;
        }
    }
}
