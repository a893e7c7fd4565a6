package org.pulsedl.quantizer.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.pulsedl.quantizer.model.FloatInference;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.model.ModelSpec;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.quant.PostTrainingQuantizer;
import org.pulsedl.quantizer.quant.Precision;
import org.pulsedl.quantizer.quant.QuantizationOptions;
import org.pulsedl.quantizer.quant.RangeMethod;
import org.pulsedl.quantizer.quant.RoundingMode;
import org.pulsedl.quantizer.testing.TestSeed;

/** The golden model tracks the float model within quantisation error, for every option family. */
class GoldenVsFloatTest {

    static List<Arguments> options() {
        QuantizationOptions t = QuantizationOptions.tflite();
        return List.of(
                Arguments.of("tflite int8", t, 0.06),
                Arguments.of("tflite int8 single", t.withRounding(RoundingMode.SINGLE), 0.06),
                Arguments.of("pulsedl2 raw 15-bit", QuantizationOptions.pulsedl2(), 0.06),
                Arguments.of("per-tensor mse", t.withPerChannel(false).withRange(new RangeMethod.MseOptimal()), 0.08),
                Arguments.of("percentile", t.withRange(new RangeMethod.Percentile(99.99)), 0.15),
                Arguments.of("input+first int16", t.withPrecision(Precision.INPUT_AND_FIRST_INT16), 0.06),
                Arguments.of("input int16, 15-bit", t.withPrecision(Precision.INPUT_INT16).withMBits(15), 0.06),
                Arguments.of("all int16", t.withPrecision(Precision.INT16), 0.06));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void goldenTracksFloat(String label, QuantizationOptions options, double tolerance) {
        long seed = TestSeed.of("goldenTracksFloat " + label, 1234L);
        SplittableRandom rnd = new SplittableRandom(seed);
        Model model = ModelSpec.paper(32, 2, 2).build("paper", seed);
        List<double[]> calibration = PulseWindows.make(300, 32, 2, rnd);
        QuantizedModel q = new PostTrainingQuantizer(options).quantize(model, calibration);
        GoldenModel golden = new GoldenModel(q);
        FloatInference ref = new FloatInference(model);
        double maxErr = 0;
        double maxOut = 0;
        for (double[] x : PulseWindows.make(200, 32, 2, rnd)) {
            int[] xq = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                xq[i] = q.input().quantize(x[i]);
            }
            double[] got = q.dequantizeOutput(golden.run(xq));
            double[] want = ref.run(x);
            for (int i = 0; i < want.length; i++) {
                maxErr = Math.max(maxErr, Math.abs(got[i] - want[i]));
                maxOut = Math.max(maxOut, Math.abs(want[i]));
            }
        }
        double rel = maxErr / maxOut;
        System.out.printf("%s: max |golden - float| = %.3g of max |float| %.3g (%.2f %%)%n", label, maxErr, maxOut, 100 * rel);
        assertTrue(rel < tolerance, label + ": relative error " + rel);
    }

    @Test
    void traceComparesEveryLayer() {
        long seed = TestSeed.of("traceComparesEveryLayer", 99L);
        SplittableRandom rnd = new SplittableRandom(seed);
        Model model = ModelSpec.paper(32, 1, 2).build("paper", seed);
        QuantizedModel q = new PostTrainingQuantizer(QuantizationOptions.tflite()).quantize(model, PulseWindows.make(100, 32, 1, rnd));
        double[] x = PulseWindows.make(1, 32, 1, rnd).get(0);
        int[] xq = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            xq[i] = q.input().quantize(x[i]);
        }
        Model prepared = PostTrainingQuantizer.prepare(model);
        GoldenTrace t = new GoldenModel(q).trace(xq, prepared, x);
        assertEquals(6, t.layers().size());
        assertArrayEquals(new GoldenModel(q).run(xq), t.last().values());
        assertArrayEquals(new FloatInference(prepared).run(x), t.last().floatRef());
        for (LayerTrace l : t.layers()) {
            assertEquals(l.values().length, l.floatRef().length);
            assertTrue(l.maxAbsDiff() >= l.meanAbsDiff());
        }
        System.out.print(t);
    }
}
