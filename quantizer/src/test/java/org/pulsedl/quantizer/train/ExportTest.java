package org.pulsedl.quantizer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.model.Dense;
import org.pulsedl.quantizer.model.FloatInference;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.model.ModelSpec;
import org.pulsedl.quantizer.qmodel.QModelFormat;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.quant.AdcInput;
import org.pulsedl.quantizer.quant.Precision;
import org.pulsedl.quantizer.quant.QuantizationOptions;

/** SavedModel, float-model file and the QAT .qmodel of one small training run. */
class ExportTest {
    static Dataset data;
    static AdcInput adc;
    static TrainingSet set;
    static TrainingResult result;
    static final QuantizationOptions OPTIONS = QuantizationOptions.tflite().withPrecision(Precision.INPUT_AND_FIRST_INT16)
            .withRawLastLayer(true);

    @BeforeAll
    static void train() {
        data = TinyPulses.dataset(600, 2, 16, 11);
        adc = TrainingSet.normalisation(data, true);
        set = TrainingSet.from(data, TargetSpec.parse(null, true, data.labelNames()), adc);
        Model m = ModelSpec.parse("16x1", "conv1d:4:4:2:relu,maxpool:2,conv1d:6:3:1:relu6:valid,flatten,dense:8:relu,dense:2")
                .build("tiny", 3);
        TrainingOptions o = TrainingOptions.defaults().withEpochs(12).withQatEpochs(4).withBatch(32).withLearningRate(1e-2)
                .withQatLearningRate(1e-3).withThreads(1);
        result = new Trainer(o, new PrintStream(new ByteArrayOutputStream())).train(m, set, OPTIONS.precision(), true);
    }

    @Test
    void savedModelLoadsBackAndMatchesFloatInference(@TempDir Path dir) throws Exception {
        Model model = result.floatModel();
        Path sm = dir.resolve("saved_model");
        SavedModelExport.export(model, adc, sm);
        assertTrue(Files.isRegularFile(sm.resolve("saved_model.pb")));
        short[][][] windows = new short[64][][];
        for (int e = 0; e < windows.length; e++) {
            windows[e] = new short[][] {data.waveform(e, e % 2)};
        }
        float[][] tf = SavedModelExport.run(sm, windows);
        FloatInference f = new FloatInference(model);
        for (int e = 0; e < windows.length; e++) {
            double[] ref = f.run(adc.toModelInput(windows[e]));
            for (int i = 0; i < ref.length; i++) {
                assertEquals(ref[i], tf[e][i], 1e-5 * Math.max(1, Math.abs(ref[i])), "event " + e + " output " + i);
            }
        }
        SavedModelExport.export(model, adc, sm);             // a second export replaces the first
        assertEquals(tf[3][1], SavedModelExport.run(sm, windows)[3][1]);
    }

    @Test
    void floatModelFileRoundTripsExactly(@TempDir Path dir) throws Exception {
        FloatModelFile f = new FloatModelFile(result.floatModel(), adc, List.of("t_ch_ns", "amplitude"), List.of("ns", "codes"),
                Map.of("seed", "3"));
        Path p = dir.resolve("float-model.json");
        f.write(p);
        FloatModelFile back = FloatModelFile.read(p);
        assertEquals(f.toJson(), back.toJson());
        assertArrayEquals(((Dense) f.model().layers().get(5)).weights()[3], ((Dense) back.model().layers().get(5)).weights()[3]);
        short[][] w = {data.waveform(5, 1)};
        assertArrayEquals(f.runFromAdc(w), back.runFromAdc(w));
        String edited = Files.readString(p).replace("\"max_pool1d\"", "\"lstm\"");
        Files.writeString(p, edited);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FloatModelFile.read(p));
        assertTrue(e.getMessage().startsWith(p + ": content_crc32: the content does not match its checksum"), e.getMessage());
        Files.writeString(p, edited.replaceFirst("  \"content_crc32\": \"[0-9a-f]{8}\",\n", ""));
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> FloatModelFile.read(p));
        assertTrue(e.getMessage().endsWith("layers[1]: unknown layer type 'lstm'"), e.getMessage());
    }

    @Test
    void qatModelIsReadableAndItsGoldenOutputsTrackTheFloatModel(@TempDir Path dir) throws Exception {
        assertTrue(result.hasQat());
        assertNotNull(result.qatRanges().get(0));
        List<double[]> calib = new ArrayList<>();
        for (int s = 0; s < 16; s++) {
            calib.add(set.input(s));
        }
        QuantizedModel q = QatExport.quantize(result, adc, List.of("t_ch_ns", "amplitude"), List.of("ns", "codes"), OPTIONS, calib);
        Path p = dir.resolve("model.qmodel");
        QModelFormat.write(q, p);
        QuantizedModel back = QModelFormat.read(p);
        assertEquals(QModelFormat.toJson(q), QModelFormat.toJson(back));
        assertTrue(back.rawOutput());
        assertEquals("int16", back.input().width().label());

        // the activation grids are the QAT ranges, nudged exactly like FakeQuant
        double[] r = result.qatRanges().get(3);                                   // conv1d_1 output (int8)
        assertEquals(org.pulsedl.quantizer.quant.FakeQuantNudge.nudge((float) r[0], (float) r[1], 8, false).toInt8(),
                back.layers().get(2).output());

        GoldenModel g = new GoldenModel(back);
        FakeQuantInference fq = new FakeQuantInference(back);
        FloatInference qatFloat = new FloatInference(result.qatModel());
        double[] errGolden = new double[2];
        double[] errFq = new double[2];
        int n = 200;
        for (int e = 0; e < n; e++) {
            short[][] w = {data.waveform(e, 0)};
            double[] ref = qatFloat.run(adc.toModelInput(w));
            double[] gold = g.physical(g.runFromAdc(w));
            double[] sim = fq.runFromAdc(w);
            for (int i = 0; i < 2; i++) {
                errGolden[i] += Math.abs(gold[i] - ref[i]) / n;
                errFq[i] += Math.abs(gold[i] - sim[i]) / n;
            }
        }
        for (int i = 0; i < 2; i++) {
            double std = result.scaling().std()[i];
            assertTrue(errGolden[i] < 0.05 * std, "golden vs float, output " + i + ": " + errGolden[i] + " (std " + std + ")");
            assertTrue(errFq[i] < 0.01 * std, "golden vs fake-quant, output " + i + ": " + errFq[i]);
        }
    }
}
