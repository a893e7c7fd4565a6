package org.pulsedl.quantizer.importer.savedmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pulsedl.quantizer.cli.ImportCommand;
import org.pulsedl.quantizer.model.ModelException;
import org.pulsedl.quantizer.oracle.Oracle;
import picocli.CommandLine;

/**
 * Refusals of the SavedModel importer, on SavedModels Keras exported ({@code savedmodel_refusals.py} in the
 * test resources) and on broken directories: one {@link ModelException} naming the user's layer, its Keras class
 * (recognised from the ops of the layer's name scope) and the reason, in the words of a {@code .keras} import.
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
            tanh           | layer 'conv_tanh' (Conv1D): activation 'tanh' is not supported (DESIGN §2 allows linear, relu and relu6)
            leaky          | layer 'leaky' (LeakyReLU): activation layer type LeakyReLU is not supported (DESIGN §2 allows linear, relu and relu6)
            elu            | layer 'conv_elu' (Conv1D): activation 'elu' is not supported (DESIGN §2 allows linear, relu and relu6)
            dilation       | layer 'conv_dilated' (Conv1D): a dilation_rate other than 1 is not supported (DESIGN §2: dilation 1)
            gru            | layer 'gru' (GRU): recurrent layers (GRU, LSTM, SimpleRNN) are not supported (DESIGN §2: a feed-forward 1-D CNN)
            lstm           | layer 'lstm' (LSTM): recurrent layers (GRU, LSTM, SimpleRNN) are not supported (DESIGN §2: a feed-forward 1-D CNN)
            conv_transpose | layer 'deconv' (Conv1DTranspose): transposed convolution is not supported (DESIGN §2: Conv1D only)
            conv2d         | layer 'to_image' (Reshape): reshape to [-1, 32, 2, 1] makes an image: 2-D and 3-D layers are not supported (pulsedl takes 1-D windows [length, channels])
            residual       | layer 'add' (Add): combines two activation tensors: residual/branching graphs are not supported (pulsedl imports plain chains only)
            two_outputs    | signature 'serving_default' has 1 inputs and 2 outputs (pulsedl imports one input and one output)
            """)
    void refusesKerasExports(String model, String expected) {
        Path sm = refusals().resolve(model);
        ModelException e = assertThrows(ModelException.class, () -> SavedModelImporter.read(sm));
        String prefix = "cannot import SavedModel '" + sm + "': ";
        if (model.equals("two_outputs")) {
            assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
            assertMessage(expected.strip(), e);
        } else {
            assertEquals(prefix + expected.strip(), e.getMessage());
        }
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

    /** A BatchNormalization that cannot be folded is refused when {@code pulsedl import} folds it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bn_after_pool | layer 3 'bn' (BatchNormalization): cannot fold: a BatchNormalization must directly follow a Conv1D or Dense (DESIGN §2), but it follows 'pool' (MaxPooling1D)
            bn_after_relu | layer 2 'bn' (BatchNormalization): cannot fold: it comes after the relu activation of 'conv' (Conv1D); a BatchNormalization is folded only into the Conv1D or Dense directly before it, ahead of the activation (DESIGN §2)
            """)
    void importRefusesABatchNormItCannotFold(String model, String expected) {
        Path sm = refusals().resolve(model);
        ImportCommand cmd = new ImportCommand();
        new CommandLine(cmd).parseArgs(sm.toString(), "--out", dir.resolve("m.json").toString());
        ModelException e = assertThrows(ModelException.class, cmd::call);
        assertEquals("cannot import '" + sm + "': " + expected.strip(), e.getMessage());
    }
}
