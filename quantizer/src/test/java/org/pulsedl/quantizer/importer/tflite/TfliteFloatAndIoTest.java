package org.pulsedl.quantizer.importer.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.model.FloatInference;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.oracle.Npy;
import org.pulsedl.quantizer.oracle.Oracle;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/**
 * The other kinds of converter output: float {@code .tflite} files (imported as a float {@link Model} whose
 * inference equals LiteRT's and Keras'), quantised files with float I/O ({@code QUANTIZE … DEQUANTIZE}, still
 * bit-exact), and the stock Keras 3 conv-bias form (the float file imports with the bias folded; the quantised
 * files are refused naming the operator, the layer and the reason).
 */
class TfliteFloatAndIoTest {

    @Test
    void floatModelsMatchLiteRtAndKeras() throws IOException {
        for (String model : TfliteOracleData.MODELS) {
            Path file = TfliteOracleData.tflite(model, "float");
            TfliteImport imp = TfliteImporter.read(file);
            assertEquals(TfliteImport.Kind.FLOAT, imp.kind());
            Model m = imp.floatModel();
            Path k = TfliteOracleData.keras(model);
            Path run = Oracle.cached("tflite-run-float-" + model, dir -> Oracle.run("tflite_run.py", "--model",
                    file.toString(), "--inputs", k.resolve("inputs.npy").toString(), "--out", dir.toString()));
            Npy inputs = Npy.read(k.resolve("inputs.npy"));
            Npy lite = Npy.read(run.resolve("outputs.npy"));
            Npy keras = Npy.read(k.resolve("float_outputs.npy"));
            FloatInference inf = new FloatInference(m);
            double worstLite = 0;     // error / (1e-5·|reference| + 1e-6): ≤ 1 passes
            double worstKeras = 0;
            for (int i = 0; i < inputs.shape()[0]; i++) {
                double[] y = inf.run(inputs.row(i));
                double[] a = lite.row(i);
                double[] b = keras.row(i);
                for (int j = 0; j < y.length; j++) {
                    worstLite = Math.max(worstLite, Math.abs(y[j] - a[j]) / (1e-5 * Math.abs(a[j]) + 1e-6));
                    worstKeras = Math.max(worstKeras, Math.abs(y[j] - b[j]) / (1e-5 * Math.abs(b[j]) + 1e-6));
                }
            }
            System.out.printf("%s float .tflite: worst error / (1e-5·|ref| + 1e-6) = %.2g to LiteRT, %.2g to Keras%n",
                    model, worstLite, worstKeras);
            assertTrue(worstLite <= 1, model + ": " + worstLite);
            assertTrue(worstKeras <= 1, model + ": " + worstKeras);
        }
    }

    @Test
    void floatIoModelsAreBitExactBetweenQuantizeAndDequantize() throws IOException {
        for (String model : TfliteOracleData.MODELS) {
            for (String mode : new String[] {"int8", "16x8"}) {
                Path file = TfliteOracleData.converted(model, "float", "fused").resolve("model_" + mode + ".tflite");
                TfliteImport imp = TfliteImporter.read(file);
                assertTrue(imp.floatIo(), model + " " + mode);
                assertEquals("float", imp.quantized().metadata().get("tflite_io"));
                QuantizedModel q = imp.quantized();
                Path k = TfliteOracleData.keras(model);
                Path run = Oracle.cached("tflite-run-floatio-" + model + "-" + mode, dir -> Oracle.run("tflite_run.py",
                        "--model", file.toString(), "--inputs", k.resolve("inputs.npy").toString(), "--out",
                        dir.toString()));
                Npy inputs = Npy.read(run.resolve("inputs_fed.npy"));
                Npy outputs = Npy.read(run.resolve("outputs.npy"));
                GoldenModel golden = new GoldenModel(q);
                int n = inputs.shape()[0];
                int doubleDivisionDiffers = 0;
                for (int i = 0; i < n; i++) {
                    double[] x = inputs.row(i);
                    int[] xq = new int[x.length];
                    for (int j = 0; j < x.length; j++) {
                        xq[j] = TfliteImporter.quantizeInput((float) x[j], q.input());   // TFLite's QUANTIZE
                        doubleDivisionDiffers += xq[j] != q.input().quantize(x[j]) ? 1 : 0;
                    }
                    long[] y = golden.run(xq);
                    double[] expected = outputs.row(i);
                    for (int j = 0; j < y.length; j++) {
                        float deq = (float) (q.lastLayer().output().scale() * (y[j] - q.lastLayer().output().zeroPoint()));
                        assertEquals(expected[j], deq, 0.0, model + " " + mode + " input " + i + " output " + j);
                    }
                }
                assertTrue(n >= 1000);
                System.out.println(model + " " + mode + " float I/O: " + n + " inputs bit-exact; a double division in "
                        + "QUANTIZE would change " + doubleDivisionDiffers + " input values");
            }
        }
    }

    /** The trained pdl2 in the stock conv-bias form: its quantised bias ADDs run as steps, bit-exact with LiteRT. */
    @Test
    void stockKerasConvBiasFormImportsAndIsBitExact() throws IOException {
        Path dir = TfliteOracleData.converted("pdl2", "int", "keras");
        assertEquals(TfliteImport.Kind.FLOAT, TfliteImporter.read(dir.resolve("model_float.tflite")).kind());
        Path inputs = TfliteOracleData.keras("pdl2").resolve("inputs.npy");
        for (String mode : new String[] {"int8", "16x8"}) {
            Path file = dir.resolve("model_" + mode + ".tflite");
            QuantizedModel q = TfliteImporter.readQuantized(file);
            assertEquals("bias_add", q.layers().get(1).type(), mode);
            Path run = Oracle.cached("tflite-run-keras-bias-" + mode, out -> Oracle.run("tflite_run.py", "--model",
                    file.toString(), "--inputs", inputs.toString(), "--out", out.toString(), "--kernels", "reference"));
            int[][] fed = TfliteOracleData.intRows(run.resolve("inputs_fed.npy"));
            int[][] expected = TfliteOracleData.intRows(run.resolve("outputs.npy"));
            long[][] actual = new GoldenModel(q).runBatch(fed);
            for (int i = 0; i < fed.length; i++) {
                for (int j = 0; j < expected[i].length; j++) {
                    assertEquals(expected[i][j], actual[i][j], "pdl2 stock bias " + mode + ": input " + i + " output " + j);
                }
            }
            assertTrue(fed.length >= 1000);
        }
    }
}
