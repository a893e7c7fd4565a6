package org.pulsedl.daq.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.daq.bench.Method;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.daq.sim.PulseSimulator;
import org.pulsedl.daq.sim.SimulatorConfig;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.data.DatasetIo;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.importer.tflite.TfliteImporter;
import org.pulsedl.quantizer.io.Npy;
import org.pulsedl.quantizer.qmodel.QModelFormat;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.quant.Width;
import org.pulsedl.quantizer.testing.TestSeed;

/** {@code pulsedl predict} on the shipped model through the real command line, against the reference GoldenModel. */
class PredictCommandTest {
    private static final Path SHIPPED = Path.of("..", "models", "pdl2");

    @TempDir
    Path dir;

    private static QuantizedModel pdl2() throws IOException {
        return QModelFormat.read(SHIPPED.resolve("model.qmodel"));
    }

    /** pdl2 windows as model input codes: simulated pulses through the input stage, plus uniformly random codes. */
    private static int[][] codes(QuantizedModel m, int n, long seed) {
        GoldenModel golden = new GoldenModel(m);
        Dataset d = PulseSimulator.generate(SimulatorConfig.pdl2(), n / 2);
        SplittableRandom rnd = new SplittableRandom(seed);
        int size = m.inputShape().size();
        int[][] x = new int[n][];
        for (int i = 0; i < n; i++) {
            if (i < n / 2) {
                x[i] = golden.inputFromAdc(new short[][] {d.waveform(i, 0)});
            } else {
                x[i] = rnd.ints(size, m.input().width().min(), m.input().width().max() + 1).toArray();
            }
        }
        return x;
    }

    /** The model's input dtype: int8 or int16 codes. */
    private static String codeType(QuantizedModel m) {
        return m.input().width() == Width.INT8 ? "|i1" : "<i2";
    }

    private static long[] flat(int[][] x) {
        return Arrays.stream(x).flatMapToInt(Arrays::stream).asLongStream().toArray();
    }

    private static int[] shape(int n, QuantizedModel m) {
        int[] d = m.inputShape().dims();
        int[] s = new int[d.length + 1];
        s[0] = n;
        System.arraycopy(d, 0, s, 1, d.length);
        return s;
    }

    @Test
    void integerCodesGiveTheGoldenModelsOutputCodes() throws IOException {
        QuantizedModel m = pdl2();
        int[][] x = codes(m, 600, TestSeed.of("predict integer", 41L));
        Path in = dir.resolve("x.npy");
        Npy.writeIntegers(in, codeType(m), shape(x.length, m), flat(x));
        Path out = dir.resolve("y.npy");
        CliRun r = CliRun.of("predict", "--model", SHIPPED.toString(), "--in", in.toString(), "--out", out.toString())
                .assertSuccess();
        assertTrue(r.out().contains("600 windows"), r::toString);
        Npy y = Npy.read(out);
        GoldenModel golden = new GoldenModel(m);
        int per = m.outputShape().size();
        assertEquals(m.rawOutput() ? (m.input().width() == Width.INT8 ? "<i4" : "<i8")
                : m.lastLayer().output().width() == Width.INT8 ? "|i1" : "<i2", y.dtype());
        assertEquals(600 * per, y.size());
        assertEquals(600, y.shape()[0]);
        for (int i = 0; i < x.length; i++) {
            long[] want = golden.run(x[i]);
            for (int j = 0; j < per; j++) assertEquals(want[j], y.getLong(i * per + j), "window " + i + " output " + j);
        }

        // one window [length, channels] gives one output without the batch dimension
        Npy.writeIntegers(in, codeType(m), m.inputShape().dims(), Arrays.stream(x[3]).asLongStream().toArray());
        CliRun.of("predict", "-m", SHIPPED.resolve("model.qmodel").toString(), "--in", in.toString(), "-o", out.toString())
                .assertSuccess();
        assertArrayEquals(m.outputShape().dims(), Npy.read(out).shape());
        assertArrayEquals(golden.run(x[3]), Npy.read(out).toLongs());
    }

    @Test
    void realValuesAreQuantisedAsTfliteDoesAndDequantised() throws IOException {
        QuantizedModel m = pdl2();
        SplittableRandom rnd = new SplittableRandom(TestSeed.of("predict float", 42L));
        int[][] q = codes(m, 300, rnd.nextLong());
        int size = m.inputShape().size();
        double[] real = new double[q.length * size];
        for (int i = 0; i < q.length; i++) {
            for (int j = 0; j < size; j++) {
                // near the codes, with exact ties (x.5 steps) and values beyond the range that must clamp
                double jitter = j % 7 == 0 ? 0.5 : j % 11 == 0 ? (i % 2 == 0 ? 1 : -1) * 70_000 : rnd.nextDouble(-0.6, 0.6);
                real[i * size + j] = m.input().dequantize(q[i][j] + (long) 0) + jitter * m.input().scale();
            }
        }
        Path in = dir.resolve("x.npy");
        Npy.writeFloats(in, "<f4", shape(q.length, m), real);
        Path codesOut = dir.resolve("codes.npy");
        Path realOut = dir.resolve("real.npy");
        CliRun.of("predict", "--model", SHIPPED.toString(), "--in", in.toString(), "--out", codesOut.toString()).assertSuccess();
        CliRun.of("predict", "--model", SHIPPED.toString(), "--in", in.toString(), "--out", realOut.toString(), "--dequantize")
                .assertSuccess();
        Npy codes = Npy.read(codesOut);
        Npy deq = Npy.read(realOut);
        assertEquals("<f4", deq.dtype());
        GoldenModel golden = new GoldenModel(m);
        int per = m.outputShape().size();
        int clamped = 0;
        for (int i = 0; i < q.length; i++) {
            int[] xq = new int[size];
            for (int j = 0; j < size; j++) {
                xq[j] = TfliteImporter.quantizeInput((float) real[i * size + j], m.input());
                clamped += xq[j] == m.input().width().max() || xq[j] == m.input().width().min() ? 1 : 0;
            }
            long[] want = golden.run(xq);
            double[] wantReal = m.dequantizeOutput(want);
            for (int j = 0; j < per; j++) {
                assertEquals(want[j], codes.getLong(i * per + j), "window " + i);
                assertEquals((float) wantReal[j], deq.getDouble(i * per + j), 0.0, "window " + i);
            }
        }
        assertTrue(clamped > 0, "some inputs reach the clamp");
    }

    @Test
    void datasetWindowsEqualTheBenchmarksNnInt() throws IOException {
        QuantizedModel m = pdl2();
        Dataset d = PulseSimulator.generate(SimulatorConfig.pdl2(), 250);
        Path data = dir.resolve("events.h5");
        DatasetIo.write(d, data);
        Path out = dir.resolve("y.npy");
        CliRun.of("predict", "--model", SHIPPED.toString(), "--data", data.toString(), "--out", out.toString(), "--physical")
                .assertSuccess();
        Npy y = Npy.read(out);
        int per = m.outputShape().size();
        assertArrayEquals(new int[] {250, d.channels(), per}, y.shape());
        GoldenModel golden = new GoldenModel(m);
        Method nnInt = NeuralModel.load(SHIPPED).method("nn_int");
        double[] est = new double[2];
        short[][] all = new short[d.events() * d.channels()][];
        for (int i = 0; i < all.length; i++) all[i] = d.waveform(i / d.channels(), i % d.channels());
        double[][] batch = new double[all.length][2];
        nnInt.batch().estimate(all, batch);
        for (int e = 0; e < d.events(); e++) {
            for (int c = 0; c < d.channels(); c++) {
                double[] want = golden.physical(golden.runFromAdc(new short[][] {d.waveform(e, c)}));
                int at = (e * d.channels() + c) * per;
                for (int j = 0; j < per; j++) assertEquals(want[j], y.getDouble(at + j), 0.0, "event " + e);
                nnInt.estimator().estimate(d.waveform(e, c), est);
                assertEquals(want[0], est[0], 0.0, "bench nn_int time, event " + e);
                assertEquals(want[1], est[1], 0.0, "bench nn_int energy, event " + e);
                assertArrayEquals(est, batch[e * d.channels() + c], 0.0, "bench nn_int in batch, event " + e);
            }
        }
    }

    @Test
    void refusalsAreOneLineNamingTheFile() throws IOException {
        QuantizedModel m = pdl2();
        Path out = dir.resolve("y.npy");
        String model = SHIPPED.toString();

        Path wrongShape = dir.resolve("shape.npy");
        Npy.writeIntegers(wrongShape, codeType(m), new int[] {2, 31, 1}, new long[62]);
        CliRun.of("predict", "--model", model, "--in", wrongShape.toString(), "--out", out.toString())
                .assertUserError("shape.npy", "shape [2, 31, 1]", "the model takes [N, " + m.inputShape().dims()[0]);

        Path wrongType = dir.resolve("type.npy");
        Npy.writeIntegers(wrongType, "<i4", shape(2, m), new long[2 * m.inputShape().size()]);
        CliRun.of("predict", "--model", model, "--in", wrongType.toString(), "--out", out.toString())
                .assertUserError("type.npy", "dtype int32", "input codes are " + m.input().width().label());

        Path cut = dir.resolve("cut.npy");
        Npy.writeIntegers(cut, codeType(m), shape(4, m), new long[4 * m.inputShape().size()]);
        byte[] whole = Files.readAllBytes(cut);
        Files.write(cut, Arrays.copyOf(whole, whole.length - 5));
        CliRun.of("predict", "--model", model, "--in", cut.toString(), "--out", out.toString())
                .assertUserError("cut.npy", "truncated");

        Path notNpy = Files.writeString(dir.resolve("text.npy"), "time,amplitude\n1,2\n3,4\n");
        CliRun.of("predict", "--model", model, "--in", notNpy.toString(), "--out", out.toString())
                .assertUserError("text.npy", "not a .npy file");

        Path nan = dir.resolve("nan.npy");
        double[] v = new double[m.inputShape().size()];
        v[5] = Double.NaN;
        Npy.writeFloats(nan, "<f8", m.inputShape().dims(), v);
        CliRun.of("predict", "--model", model, "--in", nan.toString(), "--out", out.toString())
                .assertUserError("nan.npy", "must be finite");

        CliRun.of("predict", "--model", SHIPPED.resolve("float-model.json").toString(), "--in", wrongType.toString(),
                "--out", out.toString()).assertUserError("float-model.json", "predict runs integer models");
        CliRun.of("predict", "--model", model, "--in", wrongType.toString(), "--out", dir.resolve("y.csv").toString())
                .assertUserError("y.csv", ".npy");
        assertTrue(Files.notExists(out), "nothing written on a refusal");
    }

    @Test
    void helpNamesTheFormats() {
        CliRun r = CliRun.of("predict", "--help").assertSuccess();
        for (String f : new String[] {"[N, length, channels]", "QUANTIZE", "--dequantize", "--physical", "--data", ".npy"}) {
            assertTrue(r.out().contains(f), () -> "help lacks " + f + "\n" + r);
        }
        assertTrue(CliRun.of("--help").assertSuccess().out().contains("predict"));
    }
}
