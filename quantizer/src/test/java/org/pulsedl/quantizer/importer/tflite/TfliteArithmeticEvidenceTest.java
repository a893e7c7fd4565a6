package org.pulsedl.quantizer.importer.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pulsedl.quantizer.golden.Conv1dKernel;
import org.pulsedl.quantizer.golden.DenseKernel;
import org.pulsedl.quantizer.golden.PoolKernels;
import org.pulsedl.quantizer.qmodel.QAvgPool1D;
import org.pulsedl.quantizer.qmodel.QConv1D;
import org.pulsedl.quantizer.qmodel.QDense;
import org.pulsedl.quantizer.qmodel.QLayer;
import org.pulsedl.quantizer.qmodel.QMaxPool1D;
import org.pulsedl.quantizer.oracle.Oracle;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.qmodel.Requant;
import org.pulsedl.quantizer.quant.MultiplyByQuantizedMultiplier;
import org.pulsedl.quantizer.quant.QuantizedMultiplier;
import org.pulsedl.quantizer.quant.Width;

/**
 * Evidence that the bit-exact test discriminates, and which of the candidate formulas LiteRT uses: the same
 * layers are run with a plausible alternative for one piece of arithmetic and the number of output values that
 * then differ from the interpreter is asserted (and printed). The golden model's own arithmetic differs in 0
 * (TfliteBitExactTest); each alternative here must differ somewhere, except where noted. "Somewhere" is a search
 * result, so every model here is fixed: the committed {@link TfliteOracleData#fixed} models on their own
 * calibration windows and seeded random inputs, and {@link DenseMultiplierModel}, built in Java.
 */
class TfliteArithmeticEvidenceTest {

    /** How one requantisation is computed: {@code MBQM(acc, m0, shift)} for a layer with this input width. */
    @FunctionalInterface
    interface Mbqm {
        long apply(long acc, int m0, int shift, Width inputWidth);
    }

    /** What the golden model does (TFLite reference kernels). */
    static final Mbqm GOLDEN = (acc, m0, shift, w) -> w == Width.INT16
            ? MultiplyByQuantizedMultiplier.multiplyInt64(acc, m0, shift, 31)
            : MultiplyByQuantizedMultiplier.multiplyDouble((int) acc, m0, shift, 31);

    /** Single rounding with the full 31-bit multiplier, for every accumulator width. */
    static final Mbqm SINGLE_31 = (acc, m0, shift, w) -> MultiplyByQuantizedMultiplier.multiplySingle(acc, m0, shift, 31);

    /** int16 inputs: DOUBLE rounding (SRDHM + RDBP) on the accumulator narrowed to int32, as for int8. */
    static final Mbqm INT16_AS_INT32_DOUBLE = (acc, m0, shift, w) ->
            MultiplyByQuantizedMultiplier.multiplyDouble((int) acc, m0, shift, 31);

    @Test
    void int8DoubleRoundingIsWhatLiteRtDoes() throws IOException {
        for (String model : TfliteOracleData.MODELS) {
            QuantizedModel q = TfliteImporter.readQuantized(TfliteOracleData.fixedTflite(model, "int8"));
            Path run = TfliteOracleData.runFixed(model, "int8");
            assertEquals(0, differences(q, GOLDEN, run), model + " golden");
            int single = differences(q, SINGLE_31, run);
            System.out.println(model + " int8: SINGLE rounding would differ in " + single + " output values");
            assertTrue(single > 0, model + ": SINGLE rounding should be distinguishable");
        }
    }

    @Test
    void int16ReducedMultiplierPathIsWhatLiteRtDoes() throws IOException {
        for (String model : TfliteOracleData.MODELS) {
            QuantizedModel q = TfliteImporter.readQuantized(TfliteOracleData.fixedTflite(model, "16x8"));
            Path run = TfliteOracleData.runFixedRandom(model, "16x8", 7L);
            Path realistic = TfliteOracleData.runFixed(model, "16x8");
            assertEquals(0, differences(q, GOLDEN, run) + differences(q, GOLDEN, realistic), model + " golden");
            int full = differences(q, SINGLE_31, run) + differences(q, SINGLE_31, realistic);
            int dbl = differences(q, INT16_AS_INT32_DOUBLE, run) + differences(q, INT16_AS_INT32_DOUBLE, realistic);
            System.out.println(model + " 16x8: 31-bit single rounding would differ in " + full
                    + " output values, int32 DOUBLE rounding in " + dbl);
            assertTrue(full > 0 && dbl > 0, model + ": the 15-bit reduced multiplier should be distinguishable");
        }
    }

    /**
     * FULLY_CONNECTED with per-channel weights: LiteRT computes {@code M = double(s_in)·double(s_w[c])/double(s_out)}
     * like CONV_2D, not from the float32 product {@code double(s_in·s_w)} that GetQuantizedConvolutionMultipler uses
     * for per-tensor weights. A trained model rarely shows the difference (and for int16 activations the 15-bit
     * reduction of {@code M0} usually erases it), so the proof runs on {@link DenseMultiplierModel}, built so that
     * the two formulas give a different multiplier as the kernel uses it on every channel, and inputs are
     * constructed where the two golden variants' outputs differ (pure Java arithmetic: the same inputs on every
     * machine). Fed to the interpreter, LiteRT agrees with the double product on every one and with the float
     * product on none.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"int8", "16x8"})
    void perChannelDenseMultipliersUseDoubleProducts(String mode) throws IOException {
        boolean int16 = mode.equals("16x8");
        Path file = Oracle.cached("dense-multiplier-model-" + mode,
                dir -> Files.write(dir.resolve("model.tflite"), DenseMultiplierModel.build(int16))).resolve("model.tflite");
        QuantizedModel q = TfliteImporter.readQuantized(file);
        QuantizedModel alt = withFloatProductDenseMultipliers(q);
        Width w = q.input().width();
        assertEquals(int16 ? Width.INT16 : Width.INT8, w);
        assertEquals(DenseMultiplierModel.UNITS, multipliersDifferingInUse(q, alt),
                mode + ": the built model should separate the two formulas on every channel");
        QDense dense = (QDense) q.layers().get(q.layers().size() - 1);
        QDense denseAlt = (QDense) alt.layers().get(alt.layers().size() - 1);
        List<int[]> found = DenseMultiplierModel.discriminatingInputs(dense, denseAlt, GOLDEN);
        for (int[] x : found) {
            assertFalse(Arrays.equals(execute(q, x, GOLDEN), execute(alt, x, GOLDEN)), mode + ": constructed input");
        }
        System.out.println(mode + ": " + found.size() + " of " + DenseMultiplierModel.UNITS
                + " channels have an input where the formulas' outputs differ");
        assertTrue(found.size() >= MIN_FOUND, mode + ": only " + found.size() + " discriminating inputs");
        Path run = runQuantized(file, "dense-multiplier-probe-" + mode, found, w);
        int[][] expected = TfliteOracleData.intRows(run.resolve("outputs.npy"));
        int goldenAgrees = 0;
        int floatAgrees = 0;
        for (int i = 0; i < found.size(); i++) {
            goldenAgrees += Arrays.equals(execute(q, found.get(i), GOLDEN), expected[i]) ? 1 : 0;
            floatAgrees += Arrays.equals(execute(alt, found.get(i), GOLDEN), expected[i]) ? 1 : 0;
        }
        System.out.println(mode + ": LiteRT equals the double product on " + goldenAgrees + ", the float product on "
                + floatAgrees + " of " + found.size());
        assertEquals(found.size(), goldenAgrees);
        assertEquals(0, floatAgrees);
    }

    /** Channels of {@link DenseMultiplierModel} that must yield a discriminating input (of 8). */
    private static final int MIN_FOUND = 6;

    /** LiteRT (reference kernels) on integer inputs {@code [n, L, C]} fed as they are, cached per JVM under {@code key}. */
    private static Path runQuantized(Path model, String key, List<int[]> inputs, Width w) {
        return Oracle.cached(key, dir -> {
            Path in = dir.resolve("inputs.npy");
            ByteBuffer b = ByteBuffer.allocate(inputs.size() * inputs.get(0).length * (w == Width.INT8 ? 1 : 2))
                    .order(ByteOrder.LITTLE_ENDIAN);
            for (int[] x : inputs) {
                for (int v : x) {
                    if (w == Width.INT8) {
                        b.put((byte) v);
                    } else {
                        b.putShort((short) v);
                    }
                }
            }
            TfliteOracleData.writeNpy(in, w == Width.INT8 ? "|i1" : "<i2",
                    new int[] {inputs.size(), DenseMultiplierModel.LENGTH, DenseMultiplierModel.CHANNELS}, b.array());
            Oracle.run("tflite_run.py", "--model", model.toString(), "--inputs", in.toString(), "--out", dir.toString(),
                    "--kernels", "reference", "--input-kind", "quantized");
        });
    }

    /**
     * Dense channels whose requantisation multiplier differs between the two models as the kernel uses it: the
     * shift, or {@code M0} — reduced to 15 bits for int16 inputs ({@link MultiplyByQuantizedMultiplier#reducedMultiplier}).
     */
    static int multipliersDifferingInUse(QuantizedModel a, QuantizedModel b) {
        int n = 0;
        for (int i = 0; i < a.layers().size(); i++) {
            if (a.layers().get(i) instanceof QDense da && b.layers().get(i) instanceof QDense db && da.requant() != null) {
                boolean int16 = da.input().width() == Width.INT16;
                for (int c = 0; c < da.requant().m0().length; c++) {
                    int ma = da.requant().m0()[c];
                    int mb = db.requant().m0()[c];
                    if (int16) {
                        ma = MultiplyByQuantizedMultiplier.reducedMultiplier(ma, a.mBits());
                        mb = MultiplyByQuantizedMultiplier.reducedMultiplier(mb, b.mBits());
                    }
                    n += ma != mb || da.requant().shift()[c] != db.requant().shift()[c] ? 1 : 0;
                }
            }
        }
        return n;
    }

    static QuantizedModel withFloatProductDenseMultipliers(QuantizedModel q) {
        List<QLayer> layers = new ArrayList<>();
        for (QLayer l : q.layers()) {
            if (l instanceof QDense d && d.requant() != null) {
                Requant r = d.requant();
                int[] m0 = new int[r.m0().length];
                int[] shift = new int[m0.length];
                for (int c = 0; c < m0.length; c++) {
                    double m = (double) ((float) d.input().scale() * (float) d.weightScales()[c]) / r.output().scale();
                    QuantizedMultiplier qm = QuantizedMultiplier.of(m, 31);
                    m0[c] = qm.m0();
                    shift[c] = qm.shift();
                }
                layers.add(new QDense(d.name(), d.inputs(), d.units(), d.activation(), d.input(), d.weights(),
                        d.weightScales(), d.bias(), new Requant(r.output(), m0, shift, r.actMin(), r.actMax())));
            } else {
                layers.add(l);
            }
        }
        return new QuantizedModel(q.name(), q.inputShape(), q.input(), q.inputStage(), layers, q.rounding(), q.mBits(),
                q.outputs(), q.metadata());
    }

    /** Output values of the run that {@code mbqm} gets wrong. */
    static int differences(QuantizedModel q, Mbqm mbqm, Path run) throws IOException {
        int[][] inputs = TfliteOracleData.intRows(run.resolve("inputs_fed.npy"));
        int[][] expected = TfliteOracleData.intRows(run.resolve("outputs.npy"));
        int bad = 0;
        for (int i = 0; i < inputs.length; i++) {
            int[] y = execute(q, inputs[i], mbqm);
            for (int j = 0; j < y.length; j++) {
                bad += y[j] != expected[i][j] ? 1 : 0;
            }
        }
        return bad;
    }

    /** The golden model's layer loop with a pluggable requantisation (the kernels are the golden ones). */
    static int[] execute(QuantizedModel q, int[] input, Mbqm mbqm) {
        int[] x = input;
        for (QLayer layer : q.layers()) {
            long[] acc = null;
            Requant rq = null;
            if (layer instanceof QConv1D c) {
                acc = Conv1dKernel.accumulate(c, x);
                rq = c.requant();
            } else if (layer instanceof QDense d) {
                acc = DenseKernel.accumulate(d, x);
                rq = d.requant();
            } else if (layer instanceof QMaxPool1D m) {
                x = PoolKernels.maxPool(m.name(), m.inputShape(), m.poolSize(), m.stride(), m.padding(), x);
            } else if (layer instanceof QAvgPool1D a) {
                x = PoolKernels.avgPool(a.name(), a.inputShape(), a.poolSize(), a.stride(), a.padding(), x);
            }
            if (acc != null) {
                int channels = rq.m0().length;
                int[] y = new int[acc.length];
                for (int i = 0; i < acc.length; i++) {
                    int c = i % channels;
                    long v = rq.output().zeroPoint() + mbqm.apply(acc[i], rq.m0()[c], rq.shift()[c], layer.input().width());
                    y[i] = (int) Math.max(rq.actMin(), Math.min(rq.actMax(), v));
                }
                x = y;
            }
        }
        return x;
    }

}
