package org.pulsedl.quantizer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.data.DatasetIo;
import org.pulsedl.quantizer.importer.ModelFiles;
import org.pulsedl.quantizer.io.OutputPaths;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.qmodel.OutputScaling;
import org.pulsedl.quantizer.qmodel.QModelFormat;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.quant.AdcInput;
import org.pulsedl.quantizer.quant.PostTrainingQuantizer;
import org.pulsedl.quantizer.quant.QuantizationOptions;
import org.pulsedl.quantizer.quant.RangeMethod;
import org.pulsedl.quantizer.train.FloatModelFile;
import org.pulsedl.quantizer.train.TrainingSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pulsedl quantize}: post-training quantisation of a float model file ({@code float-model.json} of
 * {@code pulsedl train}) on calibration windows from a dataset (docs/training.md, docs/qmodel.md §5).
 */
@Command(name = "quantize", mixinStandardHelpOptions = true,
        description = {"Quantise a float model post-training, calibrating on a dataset, and write a .qmodel.",
                "Example:",
                "  pulsedl quantize --model models/pdl2/float-model.json --calib train.h5 --precision int8 --out int8.qmodel"})
public final class QuantizeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "Float model: float-model.json (of 'pulsedl train' or 'pulsedl import'), .keras, .h5, a SavedModel "
                    + "folder or a float .tflite.")
    private Path model;

    @Option(names = "--calib", required = true, paramLabel = "DATASET",
            description = {"Calibration dataset (.h5, .hdf5, .csv) with the model's window length.",
                    "A model with an input stage (ADC normalisation) gets the windows' ADC codes through it; a model without "
                            + "one gets the sample values unchanged as its inputs."})
    private Path calib;

    @Option(names = "--calib-windows", defaultValue = "8192", paramLabel = "N",
            description = "Use at most N windows, evenly spread over the dataset. Default: ${DEFAULT-VALUE}.")
    private int calibWindows;

    @Mixin
    private QuantizationCliOptions quantisation = new QuantizationCliOptions();

    @Option(names = "--range", defaultValue = "minmax", paramLabel = "minmax|percentile:P|mse",
            description = "Activation range from calibration. Default: ${DEFAULT-VALUE}.")
    private String range;

    @Option(names = "--per-tensor", description = "One weight scale per layer instead of per output channel.")
    private boolean perTensor;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The .qmodel to write.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        OutputPaths.file("--out", out);
        QuantizationOptions o = quantisation.toOptions().withPerChannel(!perTensor)
                .withRange(RangeMethod.parse(range));
        if (calibWindows < 1) {
            throw new IllegalArgumentException("--calib-windows must be >= 1, got " + calibWindows);
        }
        if (!Files.exists(model)) {
            throw new IllegalArgumentException("no such file '" + model + "'");
        }
        if (!Files.isRegularFile(calib)) {
            throw new IllegalArgumentException("no such file '" + calib + "'");
        }
        ModelFiles.Loaded loaded = InputFiles.read(model, ModelFiles::load);
        Dataset data = InputFiles.read(calib, DatasetIo::read);
        FloatModelFile f = floatModel(loaded, data);
        List<double[]> windows = windows(f, data, calibWindows, model, calib);
        List<OutputScaling> outs = new ArrayList<>();
        for (int i = 0; i < f.outputs().size(); i++) {
            outs.add(new OutputScaling(f.outputs().get(i), f.units().get(i), 1.0, 0.0));
        }
        QuantizedModel q = new PostTrainingQuantizer(o.withAdc(f.adc()).withOutputs(outs)).quantize(f.model(), windows);
        QModelFormat.write(q, out);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("wrote " + out + ": " + q.layers().size() + " layers, " + q.metadata().get("precision") + ", "
                + q.metadata().get("weights") + ", range " + q.metadata().get("range") + ", " + q.rounding() + ", m_bits "
                + q.mBits() + ", calibrated on " + windows.size() + " windows");
        stdout.flush();
        return 0;
    }

    /** The float model of any float form ModelFiles reads (float-model JSON, Keras, SavedModel, float TFLite). */
    private FloatModelFile floatModel(ModelFiles.Loaded m, Dataset data) {
        if (m.isQuantized()) {
            throw new IllegalArgumentException(model + " is already an integer model (" + m.format() + "): nothing to quantise");
        }
        if (m.floatFile() != null) {
            return m.floatFile();
        }
        // a SavedModel of pulsedl's own normalises ADC codes in its graph; the codes' width is the dataset's
        AdcInput adc = m.input() == null ? null : m.input().toAdcInput(TrainingSet.adcBits(data));
        return new FloatModelFile(m.floatModel(), adc, List.of(), List.of(), Map.of("imported_from", model.toString()));
    }

    /**
     * Float input windows for {@code f} from {@code data}: whole events when the model takes every channel,
     * one window per channel when it takes one ({@code [length][1]}).
     */
    static List<double[]> windows(FloatModelFile f, Dataset data, int max, Path modelFile, Path dataFile) {
        Model m = f.model();
        if (data.events() == 0) {
            throw new IllegalArgumentException("the calibration dataset " + dataFile + " has no events");
        }
        // a flat input (Keras Input((n,)), usually reshaped at the input) takes one channel's n samples
        int length = m.inputShape().isFlat() ? m.inputShape().size() : m.inputShape().length();
        int channels = m.inputShape().isFlat() ? 1 : m.inputShape().channels();
        if (length != data.samples()) {
            throw new IllegalArgumentException("model " + modelFile + " takes windows of " + m.inputShape()
                    + " (samples x channels) but " + dataFile + " has windows of " + data.samples() + " samples x "
                    + data.channels() + " channels; calibrate on data with the model's window length");
        }
        boolean perChannel = channels == 1 && data.channels() > 1;
        if (!perChannel && channels != data.channels()) {
            throw new IllegalArgumentException("model " + modelFile + " takes " + channels
                    + " channels per window but " + dataFile + " has " + data.channels());
        }
        int per = perChannel ? data.channels() : 1;
        long total = (long) data.events() * per;
        int n = (int) Math.min(max, total);
        List<double[]> w = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            long s = k * total / n;
            int e = (int) (s / per);
            short[][] adc = perChannel ? new short[][] {data.waveform(e, (int) (s % per))} : data.waveforms()[e];
            w.add(f.adc() != null ? f.adc().toModelInput(adc) : AdcInput.channelsLast(adc));
        }
        return w;
    }
}
