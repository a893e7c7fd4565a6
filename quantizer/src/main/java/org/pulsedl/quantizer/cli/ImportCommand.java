package org.pulsedl.quantizer.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pulsedl.quantizer.importer.ModelFiles;
import org.pulsedl.quantizer.io.OutputPaths;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.model.ModelException;
import org.pulsedl.quantizer.qmodel.QModelFormat;
import org.pulsedl.quantizer.quant.AdcInput;
import org.pulsedl.quantizer.quant.PostTrainingQuantizer;
import org.pulsedl.quantizer.train.FloatModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pulsedl import MODEL --out FILE}: reads a Keras, SavedModel or TFLite model into the project's own
 * forms — an integer {@code .tflite} becomes a {@code .qmodel} with its quantisation as is; a float model
 * becomes a float-model JSON, ready for {@code pulsedl quantize}.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a model (" + ModelFiles.SUPPORTED + ").",
                "An integer .tflite keeps its own quantisation and is written as a .qmodel; a float model is written as "
                        + "float-model JSON for 'pulsedl quantize'. Anything outside the supported layer subset is refused "
                        + "naming the layer, its type and why."})
public final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "The model file or SavedModel folder.")
    Path model;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE",
            description = "Output: .qmodel for an integer model, .json for a float model.")
    Path out;

    @Option(names = "--adc-bits", paramLabel = "N",
            description = "For a SavedModel that normalises ADC codes in its graph (pulsedl's own export): the ADC's bits, "
                    + "which the graph does not record; the float model then keeps the input stage.")
    Integer adcBits;

    @Override
    public Integer call() throws Exception {
        OutputPaths.file("--out", out);
        ModelFiles.Loaded m = InputFiles.read(model, ModelFiles::load);
        String outName = out.getFileName().toString();
        if (m.isQuantized()) {
            if (!outName.endsWith(".qmodel")) throw new IllegalArgumentException(model + " is an integer model: --out must end in .qmodel");
            QModelFormat.write(m.quantized(), out);
        } else {
            if (!outName.endsWith(".json")) throw new IllegalArgumentException(model + " is a float model: --out must end in .json");
            // the float-model file holds the layers the quantiser works on: BatchNorm folded, Dropout and InputLayer gone
            Model prepared;
            try {
                prepared = PostTrainingQuantizer.prepare(m.floatModel());
            } catch (ModelException e) { // a BatchNormalization that cannot be folded: the file's refusal like any other
                throw new ModelException("cannot import '" + model + "': " + e.getMessage());
            }
            AdcInput stage = m.floatFile() != null ? m.floatFile().adc() : adcStage(m);
            new FloatModelFile(prepared, stage, List.of(), List.of(), Map.of("imported_from", model.toString(),
                    "imported_format", m.format())).write(out);
        }
        spec.commandLine().getOut().printf("imported %s model '%s' from %s into %s%n", m.format(), m.name(), model, out);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The input stage of a SavedModel that normalises its input, from its graph and --adc-bits. */
    private AdcInput adcStage(ModelFiles.Loaded m) {
        if (m.input() == null) {
            return null;
        }
        if (adcBits == null) {
            throw new IllegalArgumentException(model + " normalises its input in the graph (" + m.input()
                    + "): give the ADC's bits with --adc-bits N to keep it as the input stage");
        }
        return m.input().toAdcInput(adcBits);
    }
}
