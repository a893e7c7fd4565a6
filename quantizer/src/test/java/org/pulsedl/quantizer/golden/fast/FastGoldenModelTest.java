package org.pulsedl.quantizer.golden.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.model.Activation;
import org.pulsedl.quantizer.model.Padding;
import org.pulsedl.quantizer.model.Shape;
import org.pulsedl.quantizer.qmodel.QConv1D;
import org.pulsedl.quantizer.qmodel.QDense;
import org.pulsedl.quantizer.qmodel.QFlatten;
import org.pulsedl.quantizer.qmodel.QLayer;
import org.pulsedl.quantizer.qmodel.QModelFormat;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.qmodel.Requant;
import org.pulsedl.quantizer.quant.QuantParams;
import org.pulsedl.quantizer.quant.RoundingMode;
import org.pulsedl.quantizer.testing.RandomQModels;
import org.pulsedl.quantizer.testing.RandomQModels.Profile;
import org.pulsedl.quantizer.testing.TestSeed;
import org.pulsedl.quantizer.quant.Width;

/** {@link FastGoldenModel} equals {@link GoldenModel} output for output, on random models and on models/pdl2. */
class FastGoldenModelTest {

    /** One family of random models: everything the validator accepts, for one rounding, m_bits, input width. */
    record Options(RoundingMode rounding, int mBits, Width inputWidth, boolean rawLast) {
        QuantizedModel make(SplittableRandom rnd) {
            return RandomQModels.make(rnd, "random", Profile.specification(inputWidth, rawLast), rounding, mBits, true);
        }

        /** A default seed per family that is the same in every JVM (a record's hashCode is not: enums). */
        long defaultSeed() {
            return 1000L + Math.floorMod(toString().hashCode(), 1000);
        }
    }

    static List<Arguments> families() {
        List<Arguments> a = new ArrayList<>();
        for (RoundingMode mode : RoundingMode.values()) {
            for (int mBits : new int[] {31, 15}) {
                for (Width w : Width.values()) {
                    for (boolean raw : new boolean[] {false, true}) {
                        a.add(Arguments.of(new Options(mode, mBits, w, raw)));
                    }
                }
            }
        }
        return a;
    }

    private static void assertSame(GoldenModel golden, int[][] x, long[][] got, String what) {
        assertEquals(x.length, got.length);
        for (int i = 0; i < x.length; i++) {
            long[] want = golden.run(x[i]);
            int idx = i;
            assertArrayEquals(want, got[i], () -> what + ": window " + idx);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void randomModelsEqualGolden(Options o) {
        long seed = TestSeed.of("FastGoldenModel random " + o, o.defaultSeed());
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int model = 0; model < 40; model++) {
            QuantizedModel m = o.make(rnd);
            GoldenModel golden = new GoldenModel(m);
            int tile = 1 + rnd.nextInt(80);
            FastGoldenModel fast = FastGoldenModel.compile(m, tile);
            int[][] x = RandomQModels.windows(rnd, m, 1 + rnd.nextInt(150), true);
            String what = "seed " + seed + " model " + model + " tile " + tile + "\n" + fast.describe();
            assertSame(golden, x, fast.runBatch(x), what);
            assertSame(golden, x, fast.runBatchParallel(x), what + " (parallel)");
            assertArrayEquals(golden.run(x[0]), fast.run(x[0]), what);
            if (m.inputStage() != null) {
                short[][][] adc = RandomQModels.adc(rnd, m, 40);
                long[][] got = fast.runBatchFromAdc(adc);
                long[][] gotPar = fast.runBatchFromAdcParallel(adc);
                long[] flat = runFlat(fast, adc, rnd.nextInt(adc.length + 1));
                for (int i = 0; i < adc.length; i++) {
                    long[] want = golden.runFromAdc(adc[i]);
                    assertArrayEquals(want, got[i], what + " adc " + i);
                    assertArrayEquals(want, gotPar[i], what + " adc parallel " + i);
                    assertArrayEquals(want, java.util.Arrays.copyOfRange(flat, i * want.length, (i + 1) * want.length),
                            what + " adc flat " + i);
                }
            }
        }
    }

    /**
     * {@link FastGoldenModel#runFromAdcFlat} over {@code adc} laid out flat, in two calls split at {@code split} (so a
     * range that does not start at 0 is covered); the array is padded with one window of out-of-range codes after the
     * last, which must not be read.
     */
    static long[] runFlat(FastGoldenModel fast, short[][][] adc, int split) {
        int size = fast.inputSize();
        short[] codes = new short[(adc.length + 1) * size];
        java.util.Arrays.fill(codes, Short.MIN_VALUE);
        for (int i = 0; i < adc.length; i++) {
            int channels = adc[i].length;
            for (int c = 0; c < channels; c++) System.arraycopy(adc[i][c], 0, codes, (i * channels + c) * adc[i][c].length, adc[i][c].length);
        }
        long[] out = new long[adc.length * fast.outputSize()];
        fast.runFromAdcFlat(codes, 0, split, out);
        fast.runFromAdcFlat(codes, split, adc.length, out);
        return out;
    }

    /** Every accumulator and requantisation kind of the plan occurs among the random models. */
    @Test
    void randomModelsCoverEveryPlanKind() {
        long seed = TestSeed.of("FastGoldenModel plan kinds", 77L);
        SplittableRandom rnd = new SplittableRandom(seed);
        TreeSet<String> kinds = new TreeSet<>();
        for (Arguments a : families()) {
            for (int i = 0; i < 60; i++) {
                String d = FastGoldenModel.compile(((Options) a.get()[0]).make(rnd)).describe();
                for (String line : d.split("\n")) {
                    kinds.add(line.substring(line.indexOf(':') + 1).replaceAll("\\d+ (rows|positions)", "").trim());
                }
            }
        }
        System.out.println("plan kinds: " + kinds);
        for (String k : List.of("accumulator int32,", "accumulator int32 sum + int64 bias", "int64 path in int32 (vector)",
                "scalar int64 path", "scalar DOUBLE", "scalar SINGLE", "requantisation raw", "max pool", "average pool")) {
            assertTrue(kinds.stream().anyMatch(s -> s.contains(k)), "no plan with '" + k + "': " + kinds);
        }
    }

    /** Fan-in 640 with int16 input and ±127 weights: Σ|w|·32768 exceeds int32, so the products are summed in int64. */
    @Test
    void int64AccumulatorForLargeInt16FanIn() {
        long seed = TestSeed.of("FastGoldenModel int64 accumulator", 5L);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (boolean raw : new boolean[] {false, true}) {
            QuantParams in = new QuantParams(1e-3, 0, Width.INT16);
            QuantParams out = new QuantParams(1e-2, 0, Width.INT16);
            byte[][] w = new byte[3][640];
            for (byte[] row : w) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = (byte) (i % 7 == 0 ? rnd.nextInt(-127, 128) : (rnd.nextBoolean() ? 127 : -127));
                }
            }
            w[0] = new byte[640];
            java.util.Arrays.fill(w[0], (byte) 127);
            Requant rq = raw ? null : new Requant(out, new int[] {1 << 30, 1 << 30, 1 << 30}, new int[] {-10, -14, -20},
                    -32768, 32767);
            List<QLayer> layers = List.of(new QFlatten("f", Shape.of(40, 16), in),
                    new QDense("d", 640, 3, Activation.NONE, in, w, new double[] {1, 1, 1},
                            new long[] {1L << 40, -(1L << 40), 12345}, rq));
            QuantizedModel m = new QuantizedModel("wide", Shape.of(40, 16), in, null, layers, RoundingMode.DOUBLE, 31,
                    List.of(), Map.of());
            FastGoldenModel fast = FastGoldenModel.compile(m, 16);
            assertTrue(fast.describe().contains("accumulator int64"), fast.describe());
            int[][] x = RandomQModels.windows(rnd, m, 100, true);
            assertSame(new GoldenModel(m), x, fast.runBatch(x), "wide raw=" + raw);
        }
    }

    /** Saturation at both ends of int16 and int8 outputs, with extreme inputs and weights. */
    @Test
    void saturationAndClamping() {
        for (Width inW : Width.values()) {
            for (RoundingMode mode : RoundingMode.values()) {
                QuantParams in = new QuantParams(1.0, inW == Width.INT8 ? -3 : 0, inW);
                QuantParams out = new QuantParams(1.0, inW == Width.INT8 ? 5 : 0, Width.INT8);
                byte[][] w = {{127, 127, 127}, {-127, -127, -127}, {127, -127, 1}};
                // M ≈ 1.9 with shift 0 (large): everything saturates; act range [−100, 90] clamps the rest
                Requant rq = new Requant(out, new int[] {Integer.MAX_VALUE - 5, 1 << 30, 1 << 29}, new int[] {0, 0, -3},
                        -100, 90);
                QConv1D c = new QConv1D("c", Shape.of(7, 1), 3, 3, 2, Padding.SAME, Activation.NONE, in, w,
                        new double[] {1, 1, 1}, new long[] {7, -7, 0}, rq);
                QuantizedModel m = new QuantizedModel("sat", Shape.of(7, 1), in, null, List.of(c), mode, 31, List.of(),
                        Map.of());
                int[][] x = RandomQModels.windows(new SplittableRandom(3), m, 50, true);
                FastGoldenModel fast = FastGoldenModel.compile(m, 8);
                long[][] got = fast.runBatch(x);
                assertSame(new GoldenModel(m), x, got, "saturation " + inW + " " + mode);
                boolean low = false;
                boolean high = false;
                for (long[] r : got) {
                    for (long v : r) {
                        low |= v == -100;
                        high |= v == 90;
                    }
                }
                assertTrue(low && high, "both clamps reached");
            }
        }
    }

    @Test
    void rejectsBadInputsLikeGolden() {
        QuantizedModel m = new Options(RoundingMode.DOUBLE, 31, Width.INT8, false).make(new SplittableRandom(9));
        FastGoldenModel fast = FastGoldenModel.compile(m);
        int n = m.inputShape().size();
        assertThrows(IllegalArgumentException.class, () -> fast.runBatch(new int[][] {new int[n + 1]}));
        int[] bad = new int[n];
        bad[n - 1] = 128;
        assertThrows(IllegalArgumentException.class, () -> fast.runBatch(new int[][] {bad}));
        assertThrows(IllegalArgumentException.class, () -> new GoldenModel(m).run(bad));
        assertEquals(0, fast.runBatch(new int[0][]).length);
        assertEquals(0, fast.runBatchParallel(new int[0][]).length);
    }

    // ---------------------------------------------------------------------------------------------------------
    // models/pdl2

    static Path pdl2() {
        for (Path p : List.of(Path.of("../models/pdl2/model.qmodel"), Path.of("models/pdl2/model.qmodel"))) {
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IllegalStateException("models/pdl2/model.qmodel not found from " + Path.of("").toAbsolutePath());
    }

    /** pdl2-like ADC windows: pulses of random amplitude and phase on the baseline, with noise, 12-bit. */
    static short[][][] pdl2Windows(SplittableRandom rnd, int n, int samples, int baseline) {
        short[][][] w = new short[n][1][samples];
        for (int i = 0; i < n; i++) {
            double amp = i % 50 == 0 ? 5000 : 30 + 3900 * rnd.nextDouble();
            double t0 = 4 + 8 * rnd.nextDouble();
            for (int l = 0; l < samples; l++) {
                double t = (l - t0) / 2.0;
                double p = t > 0 ? amp * t * Math.exp(1 - t) : 0;
                long code = Math.round(baseline + p + 3 * rnd.nextGaussian());
                w[i][0][l] = (short) Math.max(0, Math.min(4095, code));
            }
        }
        return w;
    }

    /**
     * The work the plan skips changes no result: input rows that are zero in every window of a tile are left out of
     * the sums, and ReLU rows whose accumulator bound (from the input ranges, carried from layer to layer) proves
     * them off for the tile are filled without computing them. pdl2 (whose tiles have ~95 such rows) on tiles of 1,
     * 5, 64 and 1,024 windows over pulses, quiet windows (baseline and a few codes of noise: nearly every ReLU row
     * off) and a mixture with extreme codes; and random models of every family on windows where a random subset of
     * the input features is zero in every window.
     */
    @Test
    void skippedWorkChangesNoResult() throws Exception {
        QuantizedModel m = QModelFormat.read(pdl2());
        long seed = TestSeed.of("FastGoldenModel skipped work", 4242L);
        SplittableRandom rnd = new SplittableRandom(seed);
        GoldenModel golden = new GoldenModel(m);
        int samples = m.inputShape().size();
        int baseline = m.inputStage().baseline()[0];
        short[][][] pulses = pdl2Windows(rnd, 300, samples, baseline);
        short[][][] quiet = new short[300][1][samples];
        for (short[][] w : quiet) {
            for (int l = 0; l < samples; l++) w[0][l] = (short) (baseline + rnd.nextInt(-3, 4));
        }
        short[][][] mixed = new short[301][][];
        for (int i = 0; i < 300; i++) mixed[i] = i % 2 == 0 ? quiet[i] : pulses[i];
        mixed[300] = new short[][] {new short[samples]};
        java.util.Arrays.fill(mixed[300][0], (short) 4095);
        for (short[][][] set : List.of(pulses, quiet, mixed)) {
            for (int tile : new int[] {1, 5, 64, 1024}) {
                long[] flat = runFlat(FastGoldenModel.compile(m, tile), set, rnd.nextInt(set.length + 1));
                for (int i = 0; i < set.length; i++) {
                    assertArrayEquals(golden.runFromAdc(set[i]), java.util.Arrays.copyOfRange(flat, 2 * i, 2 * i + 2),
                            "seed " + seed + ", tile " + tile + ", window " + i);
                }
            }
        }
        for (Arguments a : families()) {
            Options o = (Options) a.get()[0];
            for (int model = 0; model < 8; model++) {
                QuantizedModel r = o.make(rnd);
                int[][] x = RandomQModels.windows(rnd, r, 1 + rnd.nextInt(120), true);
                for (int f = 0; f < x[0].length; f++) {
                    if (rnd.nextInt(3) == 0) {
                        for (int[] window : x) window[f] = 0;
                    }
                }
                FastGoldenModel fast = FastGoldenModel.compile(r, 1 + rnd.nextInt(80));
                assertSame(new GoldenModel(r), x, fast.runBatch(x), "seed " + seed + " " + o + " model " + model
                        + " with zeroed inputs\n" + fast.describe());
            }
        }
    }

    @Test
    void pdl2EqualsGolden() throws Exception {
        QuantizedModel m = QModelFormat.read(pdl2());
        long seed = TestSeed.of("FastGoldenModel pdl2", 2024L);
        SplittableRandom rnd = new SplittableRandom(seed);
        GoldenModel golden = new GoldenModel(m);
        FastGoldenModel fast = FastGoldenModel.compile(m);
        System.out.print(fast.describe());
        int samples = m.inputShape().size();
        short[][][] adc = pdl2Windows(rnd, 3000, samples, m.inputStage().baseline()[0]);
        // plus uniformly random codes over the whole 12-bit range, and constant extremes
        short[][][] wild = new short[300][1][samples];
        for (int i = 0; i < wild.length; i++) {
            for (int l = 0; l < samples; l++) {
                wild[i][0][l] = (short) (i == 0 ? 0 : i == 1 ? 4095 : rnd.nextInt(4096));
            }
        }
        for (short[][][] set : List.of(adc, wild)) {
            long[][] one = fast.runBatchFromAdc(set);
            long[][] par = fast.runBatchFromAdcParallel(set);
            int[][] q = new int[set.length][];
            for (int i = 0; i < set.length; i++) {
                long[] want = golden.runFromAdc(set[i]);
                assertArrayEquals(want, one[i], "window " + i);
                assertArrayEquals(want, par[i], "window " + i + " (parallel)");
                q[i] = golden.inputFromAdc(set[i]);
            }
            assertSame(golden, q, fast.runBatch(q), "pdl2 quantised input");
            long[] flat = runFlat(fast, set, set.length / 3);
            for (int i = 0; i < set.length; i++) {
                assertArrayEquals(golden.runFromAdc(set[i]), java.util.Arrays.copyOfRange(flat, 2 * i, 2 * i + 2), "window " + i + " (flat)");
            }
        }
        // every tile size gives the same numbers
        short[][][] some = java.util.Arrays.copyOf(adc, 200);
        long[][] ref = fast.runBatchFromAdc(some);
        for (int tile : new int[] {1, 3, 17, 64, 128, 300}) {
            long[][] got = FastGoldenModel.compile(m, tile).runBatchFromAdc(some);
            for (int i = 0; i < some.length; i++) {
                assertArrayEquals(ref[i], got[i], "tile " + tile);
            }
        }
    }
}
