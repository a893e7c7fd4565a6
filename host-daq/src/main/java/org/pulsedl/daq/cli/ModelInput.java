package org.pulsedl.daq.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.quantizer.cli.InputFiles;

/** The {@code --model} of bench, trace and demo: the shipped model, or a file or folder whose refusals name it. */
final class ModelInput {
    private ModelInput() {}

    static NeuralModel resolve(String model) throws IOException {
        return NeuralModel.BUILTIN.equals(model) ? NeuralModel.builtin() : InputFiles.read(Path.of(model), NeuralModel::load);
    }
}
