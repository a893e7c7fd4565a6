package org.pulsedl.quantizer.qmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.model.ModelSpec;
import org.pulsedl.quantizer.quant.AdcInput;
import org.pulsedl.quantizer.quant.PostTrainingQuantizer;
import org.pulsedl.quantizer.quant.Precision;
import org.pulsedl.quantizer.quant.QuantizationOptions;
import org.pulsedl.quantizer.testing.TestSeed;
import org.pulsedl.quantizer.util.ModelJson;

class QModelFormatTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static QuantizedModel quantized(QuantizationOptions options, String layers, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<double[]> cal = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            double[] x = new double[64];
            for (int j = 0; j < x.length; j++) {
                x[j] = rnd.nextDouble() * 2 - 0.5;
            }
            cal.add(x);
        }
        return new PostTrainingQuantizer(options).quantize(ModelSpec.parse("32x2", layers).build("m", seed), cal);
    }

    private static QuantizedModel paper(long seed) {
        return quantized(QuantizationOptions.tflite()
                .withAdc(AdcInput.uniform(12, 2, 205, 1.0 / 4000))
                .withOutputs(List.of(new OutputScaling("time", "ns", 8.0, 0.5), new OutputScaling("energy", "", 1.0, 0))),
                ModelSpec.PAPER_LAYERS + "2", seed);
    }

    @Test
    void roundTripIsExact(@TempDir Path dir) throws Exception {
        long seed = TestSeed.of("roundTripIsExact", 3L);
        for (QuantizedModel m : List.of(paper(seed),
                quantized(QuantizationOptions.pulsedl2().withPrecision(Precision.INPUT_AND_FIRST_INT16),
                        "conv1d:4:3:1:valid:relu6,maxpool:2,avgpool:2:1:same,flatten,dense:3", seed))) {
            Path file = dir.resolve(m.name() + ".qmodel");
            QModelFormat.write(m, file);
            QuantizedModel back = QModelFormat.read(file);
            assertEquals(Files.readString(file), QModelFormat.toJson(back));
            assertEquals(m.metadata(), back.metadata());
            SplittableRandom rnd = new SplittableRandom(seed);
            GoldenModel a = new GoldenModel(m);
            GoldenModel b = new GoldenModel(back);
            for (int t = 0; t < 50; t++) {
                int[] x = new int[64];
                for (int i = 0; i < x.length; i++) {
                    x[i] = m.input().width().clamp(rnd.nextInt(-200, 200));
                }
                assertArrayEquals(a.run(x), b.run(x));
            }
        }
    }

    @Test
    void writingIsDeterministicAndRowsStayOnOneLine() {
        QuantizedModel m = paper(3);
        String json = QModelFormat.toJson(m);
        assertEquals(json, QModelFormat.toJson(paper(3)));
        assertTrue(json.startsWith("{\n  \"format\": \"pulsedl-qmodel\",\n  \"version\": 1,\n"));
        // conv1d_1 has 16 weight rows of 4·8 values, each on one line
        assertTrue(json.lines().filter(l -> l.trim().startsWith("[") && l.split(",").length == 32).count() >= 16);
    }

    private static String mutated(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode root = (ObjectNode) MAPPER.readTree(QModelFormat.toJson(paper(3)));
        root.remove(ModelJson.CHECKSUM_FIELD); // a hand edit: the reader checks every field, not the checksum
        edit.accept(root);
        return MAPPER.writeValueAsString(root);
    }

    private static String error(Consumer<ObjectNode> edit) throws Exception {
        String json = mutated(edit);
        return assertThrows(QModelException.class, () -> QModelFormat.fromJson(json)).getMessage();
    }

    private static ObjectNode layer(ObjectNode root, int i) {
        return (ObjectNode) root.get("layers").get(i);
    }

    @Test
    void malformedFilesNameTheField() throws Exception {
        assertEquals("format: expected \"pulsedl-qmodel\", got \"onnx\"", error(r -> r.put("format", "onnx")));
        assertEquals("version: this reader understands version 1, the file has 2", error(r -> r.put("version", 2)));
        assertEquals("m_bits: must be in [2, 31], got 40", error(r -> r.put("m_bits", 40)));
        assertEquals("rounding: unknown rounding mode 'HALF' (expected DOUBLE or SINGLE)", error(r -> r.put("rounding", "HALF")));
        assertEquals("layers[0].weights[1][2]: 130 outside [-127, 127]",
                error(r -> ((ArrayNode) layer(r, 0).get("weights").get(1)).set(2, 130)));
        assertEquals("layers[0].weights[1][2]: must be an integer, got 1.5",
                error(r -> ((ArrayNode) layer(r, 0).get("weights").get(1)).set(2, 1.5)));
        assertEquals("layers[3].bias: missing", error(r -> layer(r, 3).remove("bias")));
        assertEquals("layers[2].colour: unknown field", error(r -> layer(r, 2).put("colour", "red")));
        assertEquals("layers[0].output_shape: declares [15, 8] but the layer produces [16, 8]",
                error(r -> layer(r, 0).set("output_shape", MAPPER.createArrayNode().add(15).add(8))));
        assertEquals("layers[0].pad_left: declares 0 but the shapes give 1", error(r -> layer(r, 0).put("pad_left", 0)));
        assertEquals("layers[0].bias[0]: 3000000000 outside the int32 range of a layer with int8 input",
                error(r -> ((ArrayNode) layer(r, 0).get("bias")).set(0, 3_000_000_000L)));
    }

    @Test
    void malformedArithmetic() throws Exception {
        String m0 = error(r -> ((ArrayNode) layer(r, 0).get("m0")).set(0, -1));
        assertTrue(m0.startsWith("layers[0].m0[0]: m0 -1 outside [0, 2^31)"), m0);
        assertEquals("input: int16 activations need zero point 0, got " + paper(3).input().zeroPoint(),
                error(r -> ((ObjectNode) r.get("input")).put("width", "int16")));
        String input = error(r -> ((ObjectNode) layer(r, 1).get("input")).put("scale", 1.0).put("zero_point", 0));
        assertTrue(input.startsWith("layers[1].input: quantisation QuantParams[scale=1.0, zeroPoint=0, width=INT8] does not "
                + "match the previous tensor's"), input);
        assertEquals("layers[1].act_min: [100, 50] is not a sub-range of int8",
                error(r -> layer(r, 1).put("act_min", 100).put("act_max", 50)));
        assertEquals("layers[5].output: not allowed in a raw layer", error(r -> layer(r, 5).put("raw", true)));
        assertEquals("input_stage.baseline: has 1 values, expected 2 (input channels)",
                error(r -> ((ObjectNode) r.get("input_stage")).set("baseline", MAPPER.createArrayNode().add(3))));
        assertEquals("outputs: has 1 entries but the model has 2 outputs",
                error(r -> ((ArrayNode) r.get("outputs")).remove(1)));
        assertEquals("layers[4].type: unknown layer type 'lstm' (expected conv1d, dense, max_pool1d, average_pool1d, "
                + "bias_add, flatten or reshape)", error(r -> layer(r, 4).put("type", "lstm")));
        assertEquals("(file): the file ends in the middle of the JSON at line 1 — truncated?",
                assertThrows(QModelException.class, () -> QModelFormat.fromJson("{ \"format\": ")).getMessage());
    }

    @Test
    void rawOnlyLast() throws Exception {
        String json = mutated(r -> {
            ObjectNode l = layer(r, 3);
            l.put("raw", true);
            for (String k : new String[] {"output", "act_min", "act_max", "m0", "shift"}) {
                l.remove(k);
            }
        });
        assertEquals("layers[3].raw: only the last layer may output raw accumulators",
                assertThrows(QModelException.class, () -> QModelFormat.fromJson(json)).getMessage());
    }
}
