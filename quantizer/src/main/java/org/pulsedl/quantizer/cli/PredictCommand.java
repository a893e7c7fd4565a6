package org.pulsedl.quantizer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.pulsedl.quantizer.data.DatasetIo;
import org.pulsedl.quantizer.importer.ModelFiles;
import org.pulsedl.quantizer.io.Npy;
import org.pulsedl.quantizer.io.OutputPaths;
import org.pulsedl.quantizer.predict.Predictor;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pulsedl predict}: an integer model run bit-exactly on the user's inputs in batch, like Keras' predict. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Run an integer model on many windows at once, bit-exactly (the golden model's integers, computed by its "
                        + "fast batch form on all cores).",
                "Inputs (.npy, C order, channels last): [N, length, channels], or [length, channels] for one window. "
                        + "Integer arrays are the model's input codes and must have its input dtype (int8 or int16); "
                        + "float32/float64 arrays are real values, quantised as TFLite's QUANTIZE does (float32 "
                        + "division, rounding half away from zero, clamped).",
                "Output (.npy): the output codes, int8/int16 as the last layer's width, or int32 (int8 model) / "
                        + "int64 (int16 model) accumulators for a raw last layer; float32 real values with "
                        + "--dequantize (TFLite's DEQUANTIZE); float64 physical values with --physical.",
                "--data runs the ADC windows of a dataset (.h5/.csv) through the model's input stage: output "
                        + "[events, outputs], or [events, channels, outputs] for a one-channel model on a "
                        + "multi-channel dataset."})
public final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL",
            description = "An integer model: a .qmodel, a trained model folder, or an integer .tflite (" + ModelFiles.SUPPORTED + ").")
    Path model;

    static final class Source {
        @Option(names = "--in", paramLabel = "X.npy", description = "Model inputs: integer codes or float real values.")
        Path in;

        @Option(names = "--data", paramLabel = "DATASET", description = "A dataset (" + DatasetIo.SUPPORTED_EXTENSIONS
                + ") whose ADC windows go through the model's input stage.")
        Path data;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "Y.npy", description = "The outputs (.npy).")
    Path out;

    static final class Form {
        @Option(names = "--dequantize", description = "Write real output values (float32) instead of integer codes.")
        boolean dequantize;

        @Option(names = "--physical", description = "Write physical outputs (float64, the model's output units, e.g. ns).")
        boolean physical;
    }

    @ArgGroup(exclusive = true)
    Form form = new Form();

    @Override
    public Integer call() throws Exception {
        OutputPaths.file("--out", out);
        if (!out.getFileName().toString().endsWith(".npy")) {
            throw new IllegalArgumentException("--out " + out + ": predict writes a .npy file (name it *.npy)");
        }
        ModelFiles.Loaded m = InputFiles.read(model, ModelFiles::load);
        if (!m.isQuantized()) {
            throw new IllegalArgumentException(model + " is a " + m.format() + " model; predict runs integer models: "
                    + "quantise it first (pulsedl quantize), or give an integer .tflite");
        }
        Predictor p = new Predictor(m.quantized());
        long start = System.nanoTime();
        Predictor.Result r;
        Path from;
        if (source.in != null) {
            from = source.in;
            Npy x = InputFiles.read(from, Npy::read);
            r = p.run(x, from);
        } else {
            from = source.data;
            var ds = InputFiles.read(from, DatasetIo::read);
            r = p.runAdc(ds.waveforms(), from);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (form.physical) {
            Npy.writeFloats(out, "<f8", r.shape(), p.physical(r));
        } else if (form.dequantize) {
            Npy.writeFloats(out, "<f4", r.shape(), p.dequantized(r));
        } else {
            Npy.writeIntegers(out, p.outputDtype(), r.shape(), Predictor.flat(r));
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf("%s: %d windows through '%s' in %.3f s -> %s %s%n", from, r.windows().length, m.name(), seconds, out,
                Arrays.toString(r.shape()));
        w.flush();
        return 0;
    }
}
