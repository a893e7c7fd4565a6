package org.pulsedl.quantizer.importer.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pulsedl.quantizer.cli.ImportCommand;
import org.pulsedl.quantizer.model.ModelException;
import org.pulsedl.quantizer.oracle.Oracle;
import picocli.CommandLine;

/**
 * Every refusal of the Keras importer on a model Keras itself built and saved ({@code keras_refusals.py} in
 * the test resources), in both file formats: one {@link ModelException} naming the layer, its type and the reason.
 */
class KerasRefusalTest {

    private static Path refusals() {
        return Oracle.generatedBy(KerasRefusalTest.class, "keras_refusals.py");
    }

    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource(delimiter = '|', textBlock = """
            tanh               | keras | layer 1 'conv_tanh' (Conv1D): activation 'tanh' is not supported (DESIGN §2 allows linear, relu and relu6)
            tanh               | h5    | layer 1 'conv_tanh' (Conv1D): activation 'tanh' is not supported (DESIGN §2 allows linear, relu and relu6)
            sigmoid_layer      | keras | layer 3 'act_sigmoid' (Activation): activation 'sigmoid' is not supported
            sigmoid_layer      | h5    | layer 3 'act_sigmoid' (Activation): activation 'sigmoid' is not supported
            leaky              | keras | layer 2 'leaky' (LeakyReLU): activation layer type LeakyReLU is not supported
            leaky              | h5    | layer 2 'leaky' (LeakyReLU): activation layer type LeakyReLU is not supported
            dilation           | keras | layer 1 'conv_dilated' (Conv1D): dilation_rate 2 is not supported (DESIGN §2: dilation 1)
            dilation           | h5    | layer 1 'conv_dilated' (Conv1D): dilation_rate 2 is not supported (DESIGN §2: dilation 1)
            channels_first     | keras | layer 1 'conv_cf' (Conv1D): data_format 'channels_first' is not supported
            channels_first     | h5    | layer 1 'conv_cf' (Conv1D): data_format 'channels_first' is not supported
            groups             | keras | layer 1 'conv_grouped' (Conv1D): groups 2 is not supported (grouped convolution
            groups             | h5    | layer 1 'conv_grouped' (Conv1D): groups 2 is not supported (grouped convolution
            causal             | keras | layer 1 'conv_causal' (Conv1D): padding 'causal' is not supported (valid or same)
            causal             | h5    | layer 1 'conv_causal' (Conv1D): padding 'causal' is not supported (valid or same)
            reshape_middle     | keras | layer 2 'reshape_mid' (Reshape): Reshape is only supported at the input (DESIGN §2), but it follows 'conv' (Conv1D)
            reshape_middle     | h5    | layer 2 'reshape_mid' (Reshape): Reshape is only supported at the input (DESIGN §2), but it follows 'conv' (Conv1D)
            unknown            | keras | layer 1 'upsample' (UpSampling1D): layer type UpSampling1D is not supported (DESIGN §2 subset:
            unknown            | h5    | layer 1 'upsample' (UpSampling1D): layer type UpSampling1D is not supported (DESIGN §2 subset:
            gru                | keras | layer 1 'gru' (GRU): recurrent layers (GRU, LSTM, SimpleRNN) are not supported (DESIGN §2: a feed-forward 1-D CNN)
            gru                | h5    | layer 1 'gru' (GRU): recurrent layers (GRU, LSTM, SimpleRNN) are not supported (DESIGN §2: a feed-forward 1-D CNN)
            lstm               | keras | layer 1 'lstm' (LSTM): recurrent layers (GRU, LSTM, SimpleRNN) are not supported (DESIGN §2: a feed-forward 1-D CNN)
            lstm               | h5    | layer 1 'lstm' (LSTM): recurrent layers (GRU, LSTM, SimpleRNN) are not supported (DESIGN §2: a feed-forward 1-D CNN)
            conv_transpose     | keras | layer 1 'deconv' (Conv1DTranspose): transposed convolution is not supported (DESIGN §2: Conv1D only)
            conv_transpose     | h5    | layer 1 'deconv' (Conv1DTranspose): transposed convolution is not supported (DESIGN §2: Conv1D only)
            conv2d             | keras | layer 2 'conv2d' (Conv2D): 2-D and 3-D layers are not supported (pulsedl takes 1-D windows [length, channels])
            conv2d             | h5    | layer 2 'conv2d' (Conv2D): 2-D and 3-D layers are not supported (pulsedl takes 1-D windows [length, channels])
            elu                | keras | layer 1 'conv_elu' (Conv1D): activation 'elu' is not supported (DESIGN §2 allows linear, relu and relu6)
            elu                | h5    | layer 1 'conv_elu' (Conv1D): activation 'elu' is not supported (DESIGN §2 allows linear, relu and relu6)
            relu_after_avgpool | keras | layer 3 'relu_late' (ReLU): a standalone relu must follow a Conv1D or Dense it can be fused into (DESIGN §2 has no standalone activation layer), but it follows 'avgpool' (AveragePooling1D)
            relu_after_avgpool | h5    | layer 3 'relu_late' (ReLU): a standalone relu must follow a Conv1D or Dense it can be fused into (DESIGN §2 has no standalone activation layer), but it follows 'avgpool' (AveragePooling1D)
            relu_max4          | keras | layer 2 'relu4' (ReLU): max_value 4.0 is not supported (ReLU without a cap or with max_value 6)
            relu_max4          | h5    | layer 2 'relu4' (ReLU): max_value 4.0 is not supported (ReLU without a cap or with max_value 6)
            dense_3d           | keras | layer 1 'dense_seq' (Dense): a Dense layer on a [32, 2] input (applied along the last axis) is not supported
            dense_3d           | h5    | layer 1 'dense_seq' (Dense): a Dense layer on a [32, 2] input (applied along the last axis) is not supported
            residual           | keras | layer 2 'add' (Add): takes 2 inputs ('adc', 'conv_a'): residual/branching graphs are not supported
            residual           | h5    | layer 2 'add' (Add): takes 2 inputs ('adc', 'conv_a'): residual/branching graphs are not supported
            shared             | keras | layer 3 'shared_dense' (Dense): is called 2 times (a shared layer)
            shared             | h5    | layer 3 'shared_dense' (Dense): is called 2 times (a shared layer)
            fanout             | keras | layer 1 'flatten' (Flatten): its output feeds 2 layers ('head_a', 'head_b'): residual/branching graphs are not supported
            fanout             | h5    | layer 1 'flatten' (Flatten): its output feeds 2 layers ('head_a', 'head_b'): residual/branching graphs are not supported
            """)
    void refusesWithLayerTypeAndReason(String model, String format, String expected) {
        Path file = refusals().resolve(model + "." + format);
        ModelException e = assertThrows(ModelException.class, () -> KerasImporter.read(file));
        assertTrue(e.getMessage().startsWith("cannot import '" + file + "': " + expected.strip()),
                "message was: " + e.getMessage());
    }

    /** A BatchNormalization is refused when {@code pulsedl import} folds it, in both formats. */
    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource(delimiter = '|', textBlock = """
            bn_after_pool | keras | layer 3 'bn' (BatchNormalization): cannot fold: a BatchNormalization must directly follow a Conv1D or Dense (DESIGN §2), but it follows 'pool' (MaxPooling1D)
            bn_after_pool | h5    | layer 3 'bn' (BatchNormalization): cannot fold: a BatchNormalization must directly follow a Conv1D or Dense (DESIGN §2), but it follows 'pool' (MaxPooling1D)
            bn_after_relu | keras | layer 2 'bn' (BatchNormalization): cannot fold: it comes after the relu activation of 'conv' (Conv1D); a BatchNormalization is folded only into the Conv1D or Dense directly before it, ahead of the activation (DESIGN §2)
            bn_after_relu | h5    | layer 2 'bn' (BatchNormalization): cannot fold: it comes after the relu activation of 'conv' (Conv1D); a BatchNormalization is folded only into the Conv1D or Dense directly before it, ahead of the activation (DESIGN §2)
            """)
    void importRefusesABatchNormItCannotFold(String model, String format, String expected, @TempDir Path dir) {
        Path file = refusals().resolve(model + "." + format);
        ImportCommand cmd = new ImportCommand();
        new CommandLine(cmd).parseArgs(file.toString(), "--out", dir.resolve("m.json").toString());
        ModelException e = assertThrows(ModelException.class, cmd::call);
        assertEquals("cannot import '" + file + "': " + expected.strip(), e.getMessage());
    }
}
