package org.pulsedl.quantizer.importer.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.golden.GoldenTrace;
import org.pulsedl.quantizer.golden.LayerTrace;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.quant.RoundingMode;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * The core oracle test of issue 3 (test 2): a full-integer {@code .tflite} made by the real TFLite converter is
 * imported as is, and our golden model's outputs equal the LiteRT interpreter's (reference kernels) bit for bit
 * on every input — int8 and 16x8, DOUBLE rounding, for {@code pdl2} and {@code variant}: 1,200 realistic pulse
 * windows (quantised by the runner like TFLite's QUANTIZE) plus 400 uniformly random integer inputs over the
 * whole int8/int16 range (saturation and clamp paths).
 */
class TfliteBitExactTest {

    static Stream<Arguments> cases() {
        List<Arguments> a = new ArrayList<>();
        for (String model : TfliteOracleData.MODELS) {
            for (String mode : new String[] {"int8", "16x8"}) {
                a.add(Arguments.of(model, mode));
            }
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void goldenEqualsLiteRtOnRealisticInputs(String model, String mode) throws IOException {
        QuantizedModel q = TfliteImporter.readQuantized(TfliteOracleData.tflite(model, mode));
        assertEquals(RoundingMode.DOUBLE, q.rounding());
        assertEquals(31, q.mBits());
        Path run = TfliteOracleData.run(model, mode, false);
        int n = compare(model, mode, q, run);
        assertTrue(n >= 1000, "only " + n + " inputs");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void goldenEqualsLiteRtOnRandomIntegerInputs(String model, String mode) throws IOException {
        QuantizedModel q = TfliteImporter.readQuantized(TfliteOracleData.tflite(model, mode));
        long seed = TestSeed.of("TfliteBitExactTest " + model + " " + mode, 20240603L);
        compare(model, mode, q, TfliteOracleData.runRandom(model, mode, seed));
    }

    /** Compares every output value; on a mismatch reports the first differing layer from a full-tensor trace. */
    private static int compare(String model, String mode, QuantizedModel q, Path run) throws IOException {
        int[][] inputs = TfliteOracleData.intRows(run.resolve("inputs_fed.npy"));
        int[][] expected = TfliteOracleData.intRows(run.resolve("outputs.npy"));
        GoldenModel golden = new GoldenModel(q);
        long[][] actual = golden.runBatch(inputs);
        int badSamples = 0;
        int badValues = 0;
        int firstBad = -1;
        for (int i = 0; i < inputs.length; i++) {
            boolean bad = false;
            for (int j = 0; j < expected[i].length; j++) {
                if (actual[i][j] != expected[i][j]) {
                    badValues++;
                    bad = true;
                }
            }
            if (bad) {
                badSamples++;
                if (firstBad < 0) {
                    firstBad = i;
                }
            }
        }
        if (badSamples > 0) {
            throw new AssertionError(model + " " + mode + ": " + badValues + " output values in " + badSamples + " of "
                    + inputs.length + " inputs differ from LiteRT; first at input " + firstBad + "\n"
                    + firstDifferingLayer(model, mode, golden, inputs[firstBad], run, firstBad));
        }
        return inputs.length;
    }

    /** Per-layer comparison for one input, against the interpreter's traced tensors (names its own run). */
    private static String firstDifferingLayer(String model, String mode, GoldenModel golden, int[] input, Path run,
                                              int sample) throws IOException {
        if (!Files.exists(run.resolve("tensor_0.npy")) && run.getFileName().toString().contains("random")) {
            return "(trace only available for the realistic inputs)";
        }
        Path all = TfliteOracleData.run(model, mode, true);
        GoldenTrace trace = golden.trace(input, null, null);
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(all)) {
            List<Path> tensors = files.filter(p -> p.getFileName().toString().startsWith("tensor_")).sorted().toList();
            for (LayerTrace layer : trace.layers()) {
                long[] ours = layer.values();
                String match = "no traced tensor with equal values";
                for (Path t : tensors) {
                    int[][] rows = TfliteOracleData.intRows(t);
                    if (rows[sample].length != ours.length) {
                        continue;
                    }
                    int diff = 0;
                    for (int i = 0; i < ours.length; i++) {
                        diff += rows[sample][i] != ours[i] ? 1 : 0;
                    }
                    if (diff == 0) {
                        match = "equals " + t.getFileName();
                        break;
                    }
                    match = t.getFileName() + " differs in " + diff + " of " + ours.length;
                }
                sb.append("  layer ").append(layer.index()).append(' ').append(layer.name()).append(": ").append(match)
                        .append('\n');
            }
        }
        return sb.toString();
    }
}
