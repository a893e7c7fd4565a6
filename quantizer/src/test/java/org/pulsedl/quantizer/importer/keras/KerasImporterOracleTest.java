package org.pulsedl.quantizer.importer.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pulsedl.quantizer.model.Activation;
import org.pulsedl.quantizer.model.BatchNormalization;
import org.pulsedl.quantizer.model.Conv1D;
import org.pulsedl.quantizer.model.Layer;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.model.Padding;
import org.pulsedl.quantizer.model.Shape;
import org.pulsedl.quantizer.oracle.Oracle;

/** Keras builds, trains and saves small Conv1D models; our import of each file gives TensorFlow's outputs. */
class KerasImporterOracleTest {

    private static Path model(String name) {
        return Oracle.kerasModels().resolve(name);
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"pdl2, model.keras", "pdl2, model.h5", "pdl2same, model.keras", "pdl2same, model.h5",
            "variant, model.keras", "variant, model.h5"})
    void importGivesKerasOutputs(String name, String file) throws IOException {
        Path dir = model(name);
        Model m = KerasImporter.read(dir.resolve(file));
        assertEquals(Shape.of(32, 2), m.inputShape());
        assertEquals(Shape.flat(2), m.outputShape());
        OracleComparison.check(name + "/" + file, m, dir.resolve("inputs.npy"), dir.resolve("float_outputs.npy"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"model.keras", "model.h5"})
    void pdl2HasThePapersLayersAndParameterCount(String file) throws IOException {
        Model m = KerasImporter.read(model("pdl2").resolve(file));
        assertEquals("pdl2", m.name());
        assertEquals(List.of("InputLayer", "Conv1D", "Conv1D", "Flatten", "Dense", "Dense", "Dense"),
                m.layers().stream().map(Layer::type).toList());
        assertEquals(List.of("adc", "conv1", "conv2", "flatten", "dense1", "dense2", "out"),
                m.layers().stream().map(Layer::name).toList());
        assertEquals(4826, m.totalParams()); // info.json: Keras' count_params()
        Conv1D conv1 = (Conv1D) m.layers().get(1);
        assertEquals(List.of(8, 4, 2, Padding.VALID, Activation.RELU),
                List.of(conv1.filters(), conv1.kernelSize(), conv1.stride(), conv1.padding(), conv1.activation()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"model.keras", "model.h5"})
    void variantFoldsTheBatchNormOnlyToFuseTheReluAfterIt(String file) throws IOException {
        Model m = KerasImporter.read(model("variant").resolve(file));
        // conv1 -> bn1 -> ReLU(max 6): the IR's BatchNormalization has no activation, so bn1 is folded into
        // conv1 and relu6 fused; the Dropout stays (RemoveDropout is a pass).
        assertEquals(List.of("adc", "conv1", "maxpool", "conv2", "avgpool", "dropout", "flatten", "dense1", "out"),
                m.layers().stream().map(Layer::name).toList());
        assertEquals(Activation.RELU6, ((Conv1D) m.layers().get(1)).activation());
        assertInstanceOf(Conv1D.class, m.layers().get(3));
        assertEquals(0, m.layers().stream().filter(l -> l instanceof BatchNormalization).count());
    }
}
