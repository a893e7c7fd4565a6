package org.pulsedl.quantizer.importer.savedmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pulsedl.quantizer.importer.keras.KerasImporter;
import org.pulsedl.quantizer.importer.keras.OracleComparison;
import org.pulsedl.quantizer.model.FloatInference;
import org.pulsedl.quantizer.model.Layer;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.model.RemoveDropout;
import org.pulsedl.quantizer.model.Shape;
import org.pulsedl.quantizer.oracle.Npy;
import org.pulsedl.quantizer.oracle.Oracle;

/** Keras' {@code model.export()} SavedModels: the graph-walking import reproduces TensorFlow's outputs. */
class SavedModelImporterOracleTest {

    @ParameterizedTest
    @ValueSource(strings = {"pdl2", "pdl2same", "variant"})
    void importGivesPythonTensorFlowOutputs(String name) throws IOException {
        Path dir = Oracle.kerasModels().resolve(name);
        Model m = SavedModelImporter.read(dir.resolve("saved_model"));
        assertEquals(Shape.of(32, 2), m.inputShape());
        OracleComparison.check(name + "/saved_model vs Python serving_default", m, dir.resolve("inputs.npy"),
                dir.resolve("savedmodel_outputs.npy"));
        OracleComparison.check(name + "/saved_model vs Keras predict", m, dir.resolve("inputs.npy"),
                dir.resolve("float_outputs.npy"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pdl2", "pdl2same", "variant"})
    void importGivesTfJavaOutputs(String name) throws IOException {
        Path dir = Oracle.kerasModels().resolve(name);
        Model m = SavedModelImporter.read(dir.resolve("saved_model"));
        Npy inputs = Npy.read(dir.resolve("inputs.npy"));
        double[][] x = new double[inputs.shape()[0]][];
        for (int i = 0; i < x.length; i++) {
            x[i] = inputs.row(i);
        }
        double[][] tf;
        try (SavedModelRunner runner = SavedModelRunner.open(dir.resolve("saved_model"))) {
            tf = runner.run(x);
        }
        FloatInference ours = new FloatInference(m);
        double maxRel = 0;
        for (int i = 0; i < x.length; i++) {
            double[] y = ours.run(x[i]);
            for (int j = 0; j < y.length; j++) {
                double err = Math.abs(y[j] - tf[i][j]);
                if (err > OracleComparison.REL * Math.abs(tf[i][j]) + OracleComparison.ABS) {
                    throw new AssertionError(name + ": input " + i + " output " + j + ": ours " + y[j] + ", TF Java " + tf[i][j]);
                }
                if (Math.abs(tf[i][j]) >= OracleComparison.ABS / OracleComparison.REL) {
                    maxRel = Math.max(maxRel, err / Math.abs(tf[i][j]));
                }
            }
        }
        System.out.printf("%s/saved_model vs TF Java: %d windows, max relative error %.3g (|tf| >= 0.1)%n", name, x.length, maxRel);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pdl2", "pdl2same", "variant"})
    void sameLayersAsTheKerasImport(String name) throws IOException {
        Path dir = Oracle.kerasModels().resolve(name);
        Model fromGraph = SavedModelImporter.read(dir.resolve("saved_model"));
        // inference graphs have no Dropout op: compare with the Keras import after the RemoveDropout pass
        Model fromKeras = new RemoveDropout().apply(KerasImporter.read(dir.resolve("model.keras")));
        assertEquals(name, fromGraph.name());
        assertEquals(describe(fromKeras), describe(fromGraph));
        assertEquals(fromKeras.totalParams(), fromGraph.totalParams());
        for (int i = 0; i < fromKeras.layers().size(); i++) {
            assertEquals(fromKeras.outputShape(i), fromGraph.outputShape(i), "layer " + i);
        }
    }

    private static List<String> describe(Model m) {
        return m.layers().stream().map(l -> l.name() + ":" + l.type() + activation(l)).toList();
    }

    private static String activation(Layer l) {
        if (l instanceof org.pulsedl.quantizer.model.Conv1D c) {
            return ":" + c.activation() + ":" + c.stride() + ":" + c.padding();
        }
        return l instanceof org.pulsedl.quantizer.model.Dense d ? ":" + d.activation() : "";
    }
}
