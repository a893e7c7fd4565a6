package org.pulsedl.quantizer.importer.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.golden.fast.FastGoldenModel;
import org.pulsedl.quantizer.model.Activation;
import org.pulsedl.quantizer.model.FloatInference;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.oracle.Npy;
import org.pulsedl.quantizer.oracle.Oracle;
import org.pulsedl.quantizer.qmodel.QBiasAdd;
import org.pulsedl.quantizer.qmodel.QLayer;
import org.pulsedl.quantizer.qmodel.QModelFormat;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.quant.QuantParams;

/**
 * Issue 10: {@code .tflite} files made the way a Keras user makes them — {@code TFLiteConverter.from_keras_model}
 * with default options, and one through {@code model.export} + {@code from_saved_model}
 * (scripts/oracle/tflite_default_models.py, one script call per JVM) — import, and every
 * integer one equals LiteRT's reference kernels bit for bit on realistic and uniformly random inputs: int8 I/O,
 * float I/O (QUANTIZE/DEQUANTIZE at the ends) and 16x8, single- and multi-channel windows of 40 and 24 samples,
 * strided and same/valid-padded convs, both pools with odd sizes and same padding, separate ReLU/ReLU6 layers,
 * Dropout, and stock biased Conv1Ds whose bias the converter writes as a separate int8/int16 ADD (run as a
 * {@code bias_add} step; also through {@code FastGoldenModel} and a {@code .qmodel} round trip). The float files import too, including the converter's separate Conv1D bias ADD and a BatchNormalization
 * before the activation (folded), and agree with LiteRT within float32 rounding. What cannot be imported is
 * refused with the layer and the reason. The models have random weights: the claim holds for any valid model.
 */
class TfliteDefaultConverterTest {
    private static Path data() {
        return Oracle.cached("tflite_default_models", dir -> Oracle.run("tflite_default_models.py",
                Oracle.withTrainingSeed("--out", dir.toString())));
    }

    static Stream<Arguments> integerFiles() {
        return Stream.concat(Stream.of("single", "separate_act", "biased").flatMap(m -> Stream.of("int8", "int8f",
                "16x8").map(v -> Arguments.of(m, v))), Stream.of(Arguments.of("single", "saved8")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("integerFiles")
    void goldenEqualsLiteRtReferenceKernels(String model, String variant) throws IOException {
        Path dir = data();
        QuantizedModel q = TfliteImporter.readQuantized(dir.resolve(model + "_" + variant + ".tflite"));
        Npy in = Npy.read(dir.resolve(model + "_" + variant + "_inputs.npy"));
        int n = in.shape()[0];
        int per = in.size() / n;
        int[][] codes = new int[n][per];
        QuantParams inQ = q.input();
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < per; i++) {
                codes[r][i] = in.isFloat()                  // float I/O: TFLite's QUANTIZE in front
                        ? TfliteImporter.quantizeInput((float) in.getDouble(r * per + i), inQ)
                        : (int) in.getLong(r * per + i);
            }
        }
        int[][] expected = TfliteOracleData.intRows(dir.resolve(model + "_" + variant + "_ref.npy"));
        long[][] golden = new GoldenModel(q).runBatch(codes);
        long[][] fast = FastGoldenModel.compile(q).runBatchParallel(codes);
        long[][] reread = new GoldenModel(QModelFormat.fromJson(QModelFormat.toJson(q))).runBatch(codes);
        int values = 0;
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < expected[r].length; j++) {
                String where = model + " " + variant + ": input " + r + " output " + j
                        + (r >= n / 2 ? " (random input)" : " (realistic input)");
                assertEquals(expected[r][j], golden[r][j], where);
                assertEquals(expected[r][j], fast[r][j], "FastGoldenModel, " + where);
                assertEquals(expected[r][j], reread[r][j], ".qmodel written and read back, " + where);
                values++;
            }
        }
        assertTrue(n >= 200 && values >= n, n + " inputs, " + values + " values");
        System.out.println(model + " " + variant + ": golden, FastGoldenModel and the .qmodel equal LiteRT's reference "
                + "kernels on " + n + " inputs, " + values + " values; layers " + q.layers().stream()
                .map(QLayer::type).toList());
    }

    /**
     * The stock Keras Conv1D with a bias, quantised by the default converter: each bias is a separate int8 / int16
     * {@code ADD} after {@code CONV_2D}, which the importer keeps as a {@code bias_add} step (bit-exactness above).
     * The converter gives every ADD output its own scale, so none of them is the identity the importer could fold.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("biasedVariants")
    void separateBiasAddsBecomeSteps(String variant) throws IOException {
        QuantizedModel q = TfliteImporter.readQuantized(data().resolve("biased_" + variant + ".tflite"));
        List<String> types = q.layers().stream().map(QLayer::type).toList();
        assertEquals(List.of("conv1d", "bias_add", "max_pool1d", "conv1d", "bias_add", "average_pool1d", "conv1d",
                "bias_add", "flatten", "dense", "dense"), types, variant);
        QBiasAdd first = (QBiasAdd) q.layers().get(1);
        QBiasAdd second = (QBiasAdd) q.layers().get(4);
        QBiasAdd third = (QBiasAdd) q.layers().get(7);
        assertEquals(List.of(Activation.RELU, Activation.RELU6, Activation.RELU6),
                List.of(first.activation(), second.activation(), third.activation()),
                "fused ReLU, a ReLU(max_value=6) layer fused by the converter, relu6");
        assertEquals(variant.equals("16x8") ? 15 : 20, first.rescale().leftShift());
    }

    static Stream<String> biasedVariants() {
        return Stream.of("int8", "int8f", "16x8");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("floatFiles")
    void floatFilesImportAndAgreeWithLiteRt(String model) throws IOException {
        Path dir = data();
        Model m = TfliteImporter.readFloat(dir.resolve(model + "_float.tflite"));
        Npy in = Npy.read(dir.resolve(model + "_float_inputs.npy"));
        Npy ref = Npy.read(dir.resolve(model + "_float_ref.npy"));
        FloatInference f = new FloatInference(m);
        int n = in.shape()[0];
        for (int r = 0; r < n; r++) {
            double[] y = f.run(in.row(r));
            double[] want = ref.row(r);
            for (int j = 0; j < want.length; j++) {
                assertEquals(want[j], y[j], 1e-4 * (1 + Math.abs(want[j])), model + ": input " + r + " output " + j);
            }
        }
    }

    static Stream<String> floatFiles() {
        return Stream.of("single", "separate_act", "bias_bn");
    }

    /** The bias ADD runs as a step; the BatchNormalization the converter left as MUL + ADD after it is refused. */
    @Test
    void quantisedBatchNormalizationAfterTheBiasAddIsRefusedNamingTheLayer() {
        Path file = data().resolve("bias_bn_int8.tflite");
        TfliteException e = assertThrows(TfliteException.class, () -> TfliteImporter.read(file));
        assertEquals("'" + file + "': operator 4 MUL (layer 'bn'): a BatchNormalization left as a separate quantised "
                + "MUL after the Conv1D is not supported (requantisation outside Conv/Dense); import the float .tflite "
                + "or the Keras model, where it folds into the Conv1D", e.getMessage());
    }

    @Test
    void tanhIsRefusedAsAnActivation() {
        Path file = data().resolve("refuse_tanh_int8.tflite");
        TfliteException e = assertThrows(TfliteException.class, () -> TfliteImporter.read(file));
        assertEquals("'" + file + "': operator 2 TANH (layer 'conv_tanh'): activation tanh is not supported (only ReLU "
                + "and ReLU6 fuse into the integer kernels)", e.getMessage());
    }

    @Test
    void int8EluIsRefusedAsAnActivation() {
        Path file = data().resolve("refuse_elu_int8.tflite");
        TfliteException e = assertThrows(TfliteException.class, () -> TfliteImporter.read(file));
        assertEquals("'" + file + "': operator 4 ELU (layer 'conv_elu'): activation elu is not supported (only ReLU "
                + "and ReLU6 fuse into the integer kernels)", e.getMessage());
    }

    @Test
    void batchNormalizationAfterTheActivationIsRefused() {
        Path file = data().resolve("refuse_bn_after_act_float.tflite");
        TfliteException e = assertThrows(TfliteException.class, () -> TfliteImporter.read(file));
        assertEquals("'" + file + "': operator 2 MUL (layer 'bn_after_relu'): multiplies by a constant after "
                + "the activation of the Conv1D (operator 1): a BatchNormalization or bias after the activation does "
                + "not fold into the layer (put it before the activation)", e.getMessage());
    }
}
