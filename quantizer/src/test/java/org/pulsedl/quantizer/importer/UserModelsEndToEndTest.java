package org.pulsedl.quantizer.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pulsedl.quantizer.cli.ImportCommand;
import org.pulsedl.quantizer.cli.QuantizeCommand;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.data.DatasetIo;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.importer.keras.OracleComparison;
import org.pulsedl.quantizer.model.BatchNormalization;
import org.pulsedl.quantizer.model.Dropout;
import org.pulsedl.quantizer.model.InputLayer;
import org.pulsedl.quantizer.oracle.Npy;
import org.pulsedl.quantizer.oracle.Oracle;
import org.pulsedl.quantizer.qmodel.QModelFormat;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.train.FloatModelFile;

/**
 * The path a Keras user takes (issue 10): a model made with the ordinary Keras tools ({@code user_models.py})
 * → {@code pulsedl import} → float-model JSON that still computes what Keras' predict computes →
 * {@code pulsedl quantize} on a dataset whose windows are the model's real inputs → a .qmodel the golden model runs.
 */
class UserModelsEndToEndTest {

    private static Path models() {
        return Oracle.generatedBy(UserModelsEndToEndTest.class, "user_models.py");
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"two_channel, model.keras", "two_channel, model.h5", "two_channel, saved_model",
            "single_channel, model.keras", "single_channel, model.h5", "single_channel, saved_model",
            "reshaped, model.keras", "reshaped, model.h5", "reshaped, saved_model"})
    void importThenQuantize(String name, String form, @TempDir Path dir) throws Exception {
        Path src = models().resolve(name);
        Path json = dir.resolve("m.json");
        String said = run(new ImportCommand(), src.resolve(form).toString(), "--out", json.toString());
        assertTrue(said.startsWith("imported "), said);

        FloatModelFile f = FloatModelFile.read(json);
        assertTrue(f.model().layers().stream().noneMatch(l -> l instanceof InputLayer || l instanceof Dropout
                || l instanceof BatchNormalization), "written after the quantiser's passes: " + f.model().layers());
        OracleComparison.check(name + "/" + form + " → float model", f.model(), src.resolve("inputs.npy"),
                src.resolve("float_outputs.npy"));

        Npy inputs = Npy.read(src.resolve("inputs.npy"));
        Path data = dir.resolve("calib.csv");
        DatasetIo.write(datasetOf(inputs, f.model().inputShape().isFlat() ? 1 : f.model().inputShape().channels()), data);
        Path qmodel = dir.resolve("m.qmodel");
        String q = run(new QuantizeCommand(), "--model", json.toString(), "--calib", data.toString(),
                "--out", qmodel.toString());
        assertTrue(q.contains("calibrated on " + inputs.shape()[0] + " windows"), q);

        QuantizedModel qm = QModelFormat.read(qmodel);
        assertEquals(null, qm.inputStage(), "a model without an input stage stays without one");
        GoldenModel golden = new GoldenModel(qm);
        Npy expected = Npy.read(src.resolve("float_outputs.npy"));
        double worst = 0;
        double range = 0;
        for (int i = 0; i < inputs.shape()[0]; i++) {
            double[] x = inputs.row(i);
            int[] xq = new int[x.length];
            for (int k = 0; k < x.length; k++) {
                xq[k] = qm.input().quantize(x[k]);
            }
            double[] y = qm.toPhysical(golden.run(xq));
            double[] tf = expected.row(i);
            assertEquals(tf.length, y.length);
            for (int j = 0; j < y.length; j++) {
                worst = Math.max(worst, Math.abs(y[j] - tf[j]));
                range = Math.max(range, Math.abs(tf[j]));
            }
        }
        // int8 post-training quantisation of an untrained model: the outputs keep Keras' scale (a few percent)
        assertTrue(worst <= 0.1 * range, name + "/" + form + ": golden vs Keras max |diff| " + worst + ", range " + range);
    }

    /** The inputs as a dataset: {@code [event][channel][sample]} codes (the oracle's inputs are integer-valued). */
    private static Dataset datasetOf(Npy inputs, int channels) {
        int n = inputs.shape()[0];
        int length = inputs.size() / n / channels;
        short[][][] w = new short[n][channels][length];
        for (int e = 0; e < n; e++) {
            double[] row = inputs.row(e);
            for (int l = 0; l < length; l++) {
                for (int c = 0; c < channels; c++) {
                    w[e][c][l] = (short) row[l * channels + c];
                }
            }
        }
        return new Dataset(w, List.of(), new double[n][0], Map.of());
    }

    private static String run(Object command, String... args) throws Exception {
        return org.pulsedl.quantizer.cli.CommandCall.run(command, args);
    }
}
