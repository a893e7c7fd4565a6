package org.pulsedl.quantizer.importer.savedmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.quantizer.cli.ImportCommand;
import org.pulsedl.quantizer.cli.InspectCommand;
import org.pulsedl.quantizer.cli.QuantizeCommand;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.data.DatasetIo;
import org.pulsedl.quantizer.importer.ModelFiles;
import org.pulsedl.quantizer.model.FloatInference;
import org.pulsedl.quantizer.qmodel.InputStage;
import org.pulsedl.quantizer.qmodel.QModelFormat;
import org.pulsedl.quantizer.quant.AdcInput;
import org.pulsedl.quantizer.testing.TestSeed;
import org.pulsedl.quantizer.train.FloatModelFile;

/**
 * The project's own SavedModel ({@code models/pdl2/saved_model}, normalisation {@code (adc − baseline) · code_scale}
 * inside the graph) reads back as the float model it was exported from: the same layers, the normalisation as the
 * input stage, the same outputs on ADC windows.
 */
class OwnSavedModelTest {
    private static final Path PDL2 = Path.of("..", "models", "pdl2");

    @Test
    void readsBackAsTheFloatModelWithItsInputStage(@TempDir Path dir) throws Exception {
        FloatModelFile original = FloatModelFile.read(PDL2.resolve("float-model.json"));
        ModelFiles.Loaded sm = ModelFiles.load(PDL2.resolve("saved_model"));
        assertNotNull(sm.input(), "the Sub/Mul prefix is the input stage");

        Path json = dir.resolve("m.json");
        run(new ImportCommand(), PDL2.resolve("saved_model").toString(), "--adc-bits",
                Integer.toString(original.adc().adcBits()), "--out", json.toString());
        FloatModelFile back = FloatModelFile.read(json);
        AdcInput a = back.adc();
        assertArrayEquals(original.adc().baseline(), a.baseline());
        assertEquals(original.adc().codeScale()[0], a.codeScale()[0], 1e-7 * original.adc().codeScale()[0]); // float32 in the graph
        assertEquals(original.model().layers().stream().map(l -> l.type()).toList(),
                back.model().layers().stream().map(l -> l.type()).toList());

        SplittableRandom random = new SplittableRandom(TestSeed.of("OwnSavedModelTest", 10));
        int ch = original.adc().baseline().length;
        int length = original.model().inputShape().length();
        for (int w = 0; w < 50; w++) {
            short[][] adc = new short[ch][length];
            for (short[] row : adc) {
                for (int l = 0; l < length; l++) {
                    row[l] = (short) random.nextInt(0, 1 << original.adc().adcBits());
                }
            }
            double[] want = original.runFromAdc(adc);
            double[] got = back.runFromAdc(adc);
            for (int j = 0; j < want.length; j++) {
                assertEquals(want[j], got[j], 1e-4 * (1 + Math.abs(want[j])), "window " + w + " output " + j);
            }
        }
        String shown = run(new InspectCommand(), PDL2.resolve("saved_model").toString());
        assertTrue(shown.contains("input stage: (input − baseline) · code scale, baseline [205.0]"), shown);
        assertTrue(shown.contains("total: "), shown);
    }

    @Test
    void quantizeTakesTheSavedModelWithTheDatasetsAdcBits(@TempDir Path dir) throws Exception {
        FloatModelFile original = FloatModelFile.read(PDL2.resolve("float-model.json"));
        int length = original.model().inputShape().length();
        SplittableRandom random = new SplittableRandom(TestSeed.of("OwnSavedModelTest.quantize", 11));
        short[][][] w = new short[40][1][length];
        for (short[][] event : w) {
            for (int l = 0; l < length; l++) {
                event[0][l] = (short) random.nextInt(150, 4096);
            }
        }
        Path data = dir.resolve("calib.csv");
        DatasetIo.write(new Dataset(w, List.of(), new double[w.length][0], Map.of("adc_bits", "12")), data);
        Path q = dir.resolve("m.qmodel");
        run(new QuantizeCommand(), "--model", PDL2.resolve("saved_model").toString(), "--calib", data.toString(),
                "--out", q.toString());
        InputStage stage = QModelFormat.read(q).inputStage();
        assertEquals(12, stage.adcBits());
        assertArrayEquals(original.adc().baseline(), stage.baseline());
    }

    @Test
    void importWithoutAdcBitsSaysWhatToGive(@TempDir Path dir) {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> run(new ImportCommand(), PDL2.resolve("saved_model").toString(), "--out", dir.resolve("m.json").toString()));
        assertTrue(e.getMessage().endsWith("give the ADC's bits with --adc-bits N to keep it as the input stage"), e.getMessage());
    }

    private static String run(Object command, String... args) throws Exception {
        return org.pulsedl.quantizer.cli.CommandCall.run(command, args);
    }
}
