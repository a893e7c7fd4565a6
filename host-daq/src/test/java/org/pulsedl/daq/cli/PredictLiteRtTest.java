package org.pulsedl.daq.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.quantizer.importer.tflite.TfliteImporter;
import org.pulsedl.quantizer.io.Npy;
import org.pulsedl.quantizer.oracle.Oracle;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.quant.Width;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * Issue 10's done-criterion for {@code predict}: on an integer {@code .tflite} made by the standard converter,
 * {@code pulsedl predict} equals LiteRT's reference kernels bit for bit. The models are the committed fixed
 * conversions (quantizer test resources, tflite/fixed/, with the command that made them in their README), so the
 * verdict does not depend on a model trained on this machine; the inputs are their calibration windows, quantised,
 * and uniformly random codes over the whole input range. {@code biased/} holds the default converter's separate
 * Conv1D bias ADDs, which predict runs as {@code bias_add} steps.
 */
class PredictLiteRtTest {
    private static final Path FIXED = Path.of("..", "quantizer", "src", "test", "resources", "org", "pulsedl", "quantizer",
            "importer", "tflite", "fixed");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"pdl2/model_int8.tflite", "pdl2/model_16x8.tflite", "variant/model_int8.tflite",
            "variant/model_16x8.tflite", "biased/model_int8.tflite", "biased/model_16x8.tflite"})
    void predictEqualsLiteRtReferenceKernels(String file) throws IOException {
        Path model = FIXED.resolve(file);
        QuantizedModel q = TfliteImporter.read(model).quantized();
        Npy calib = Npy.read(model.resolveSibling("calib.npy"));
        int size = q.inputShape().size();
        int calibWindows = calib.shape()[0];
        int n = calibWindows + 500;
        long[] codes = new long[n * size];
        for (int i = 0; i < calibWindows * size; i++) {
            codes[i] = TfliteImporter.quantizeInput(calib.getFloat(i), q.input());
        }
        SplittableRandom rnd = new SplittableRandom(TestSeed.of("predict LiteRT " + file, 10L));
        Width w = q.input().width();
        for (int i = calibWindows * size; i < codes.length; i++) codes[i] = rnd.nextInt(w.min(), w.max() + 1);
        int[] shape = new int[] {n, q.inputShape().dims()[0], q.inputShape().dims()[1]};
        if (file.startsWith("biased")) {
            assertEquals(3, q.layers().stream().filter(l -> l.type().equals("bias_add")).count(), file);
        }
        Path in = dir.resolve("x.npy");
        Npy.writeIntegers(in, w == Width.INT8 ? "|i1" : "<i2", shape, codes);

        Path lite = dir.resolve("litert");
        Oracle.run("tflite_run.py", "--model", model.toAbsolutePath().toString(), "--inputs", in.toAbsolutePath().toString(),
                "--input-kind", "quantized", "--kernels", "reference", "--out", lite.toAbsolutePath().toString());
        Path out = dir.resolve("y.npy");
        CliRun.of("predict", "--model", model.toString(), "--in", in.toString(), "--out", out.toString()).assertSuccess();

        Npy want = Npy.read(lite.resolve("outputs.npy"));
        Npy got = Npy.read(out);
        assertEquals(want.dtype(), got.dtype(), file);
        assertArrayEquals(want.shape(), got.shape(), file);
        long[] a = want.toLongs();
        long[] b = got.toLongs();
        for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], file + ": output value " + i);
        System.out.println(file + ": predict equals LiteRT's reference kernels on " + n + " windows, " + a.length + " values");
    }
}
