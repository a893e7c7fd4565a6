package org.pulsedl.quantizer.importer.savedmodel;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pulsedl.quantizer.model.ModelException;
import org.pulsedl.quantizer.oracle.Oracle;

/**
 * Refusals of the SavedModel importer, on SavedModels Keras exported ({@code savedmodel_refusals.py} in the
 * test resources) and on broken directories: one {@link ModelException} naming the op, its type and the reason.
 */
class SavedModelRefusalTest {
    @TempDir
    Path dir;

    private static Path refusals() {
        return Oracle.generatedBy(SavedModelRefusalTest.class, "savedmodel_refusals.py");
    }

    private static void assertMessage(String expected, ModelException e) {
        assertTrue(e.getMessage().contains(expected), "message was: " + e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            tanh        | op 'tanh_1/conv_tanh_1/Tanh' (Tanh): is not supported on the activation
            leaky       | op 'leaky_1/leaky_1/LeakyRelu' (LeakyRelu): is not supported on the activation
            dilation    | op 'dilation_1/conv_dilated_1/convolution/SpaceToBatchND' (SpaceToBatchND): is not supported on the activation (TensorFlow's form of a dilated convolution; DESIGN §2: dilation 1)
            residual    | op 'residual_1/add_1/Add' (AddV2): combines two activation tensors: residual/branching graphs are not supported
            two_outputs | signature 'serving_default' has 1 inputs and 2 outputs (pulsedl imports one input and one output)
            """)
    void refusesKerasExports(String model, String expected) {
        Path sm = refusals().resolve(model);
        ModelException e = assertThrows(ModelException.class, () -> SavedModelImporter.read(sm));
        assertTrue(e.getMessage().startsWith("cannot import SavedModel '" + sm + "': "), e.getMessage());
        assertMessage(expected.strip(), e);
    }

    @Test
    void aFileIsNotASavedModel() throws IOException {
        Path file = Files.writeString(dir.resolve("model.pb"), "x");
        assertMessage("SavedModel '" + file + "' is not a directory",
                assertThrows(ModelException.class, () -> SavedModelImporter.read(file)));
    }

    @Test
    void directoryWithoutSavedModelPb() {
        assertMessage("has no saved_model.pb (not a TF SavedModel directory)",
                assertThrows(ModelException.class, () -> SavedModelImporter.read(dir)));
    }

    @Test
    void damagedSavedModelPb() throws IOException {
        Files.write(dir.resolve("saved_model.pb"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertMessage("cannot be loaded by TensorFlow: ",
                assertThrows(ModelException.class, () -> SavedModelImporter.read(dir)));
    }
}
