package org.pulsedl.quantizer.qmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.golden.fast.FastGoldenModel;
import org.pulsedl.quantizer.model.Activation;
import org.pulsedl.quantizer.model.ModelSpec;
import org.pulsedl.quantizer.quant.PostTrainingQuantizer;
import org.pulsedl.quantizer.quant.QuantParams;
import org.pulsedl.quantizer.quant.QuantizationOptions;
import org.pulsedl.quantizer.util.ModelJson;

/**
 * The {@code bias_add} layer in a {@code .qmodel}: written and read back exactly (same bytes, same outputs through
 * the golden model and {@code FastGoldenModel}), and each of its validator rules refused naming the field. Its
 * arithmetic against LiteRT is tested by the TFLite import tests (TfliteDefaultConverterTest,
 * TfliteSyntheticOracleTest).
 */
class QBiasAddFormatTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** conv1d → bias_add (output quantised like its input, so the chain stays valid) → flatten → dense. */
    private static QuantizedModel model() {
        SplittableRandom rnd = new SplittableRandom(5);
        List<double[]> cal = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double[] x = new double[64];
            for (int j = 0; j < x.length; j++) {
                x[j] = rnd.nextDouble() * 2 - 0.5;
            }
            cal.add(x);
        }
        QuantizedModel base = new PostTrainingQuantizer(QuantizationOptions.tflite())
                .quantize(ModelSpec.parse("32x2", "conv1d:4:3:1:same:linear,flatten,dense:3").build("m", 5), cal);
        QConv1D conv = (QConv1D) base.layers().get(0);
        QuantParams q = conv.output();
        QuantParams biasQ = new QuantParams(0.0007, 11, q.width());
        QBiasAdd add = new QBiasAdd("bias_add", conv.outputShape(), q, biasQ, new int[] {-128, -3, 40, 127},
                QBiasAdd.Rescale.of(q, biasQ, q), q, Activation.RELU, Math.max(q.zeroPoint(), -128), 127);
        List<QLayer> layers = new ArrayList<>(base.layers());
        layers.add(1, add);
        return new QuantizedModel("m", base.inputShape(), base.input(), null, layers, base.rounding(), base.mBits(),
                List.of(), base.metadata());
    }

    @Test
    void roundTripIsExact() {
        QuantizedModel m = model();
        String json = QModelFormat.toJson(m);
        QuantizedModel back = QModelFormat.fromJson(json);
        assertEquals(json, QModelFormat.toJson(back));
        SplittableRandom rnd = new SplittableRandom(9);
        int[][] x = new int[200][64];
        for (int[] row : x) {
            for (int i = 0; i < row.length; i++) {
                row[i] = rnd.nextInt(-128, 128);
            }
        }
        long[][] want = new GoldenModel(m).runBatch(x);
        assertArrayEquals(want, new GoldenModel(back).runBatch(x));
        assertArrayEquals(want, FastGoldenModel.compile(back).runBatch(x));
    }

    private static String error(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode root = (ObjectNode) MAPPER.readTree(QModelFormat.toJson(model()));
        root.remove(ModelJson.CHECKSUM_FIELD);
        edit.accept((ObjectNode) root.get("layers").get(1));
        String json = MAPPER.writeValueAsString(root);
        return assertThrows(QModelException.class, () -> QModelFormat.fromJson(json)).getMessage();
    }

    @Test
    void everyRuleNamesTheField() throws Exception {
        assertEquals("layers[1].left_shift: must be 20 for int8 operands, got 15", error(l -> l.put("left_shift", 15)));
        assertEquals("layers[1].input_m0: 1073741825 · 2^0 exceeds 1/2: the sum of the two rescaled operands could "
                + "overflow int32", error(l -> l.put("input_m0", (1 << 30) + 1).put("input_shift", 0)));
        assertEquals("layers[1].output_m0: shift 1 > 0: the multiplier must be below 1",
                error(l -> l.put("output_shift", 1)));
        assertEquals("layers[1].bias: has 3 values, expected 4 (the last axis of [32, 4])",
                error(l -> ((ArrayNode) l.get("bias")).remove(0)));
        assertEquals("layers[1].bias[2]: 200 outside the int8 range", error(l -> ((ArrayNode) l.get("bias")).set(2, 200)));
        assertEquals("layers[1].bias_quant: input, bias and output must have one width (int8)",
                error(l -> ((ObjectNode) l.get("bias_quant")).put("width", "int16").put("zero_point", 0)));
        assertEquals("layers[1].act_min: [100, 50] is not a sub-range of int8",
                error(l -> l.put("act_min", 100).put("act_max", 50)));
        assertEquals("layers[1].m0: unknown field", error(l -> l.put("m0", 1)));
    }
}
