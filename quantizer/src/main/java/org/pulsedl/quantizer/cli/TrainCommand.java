package org.pulsedl.quantizer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.data.DatasetIo;
import org.pulsedl.quantizer.quant.QuantizationOptions;
import org.pulsedl.quantizer.train.EpochRecord;
import org.pulsedl.quantizer.train.LabelFreeOptions;
import org.pulsedl.quantizer.train.LossWeight;
import org.pulsedl.quantizer.train.LabelFreeRun;
import org.pulsedl.quantizer.train.ShiftResampler;
import org.pulsedl.quantizer.train.TrainingOptions;
import org.pulsedl.quantizer.train.TrainingOutput;
import org.pulsedl.quantizer.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pulsedl train}: trains a 1D CNN on a dataset with TensorFlow Java, fine-tunes it
 * quantisation-aware and writes the integer model, the float model, a SavedModel and the history
 * (docs/training.md).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a network on a dataset's labels with TensorFlow Java, fine-tune it quantisation-aware, "
                + "and write DIR/model.qmodel, DIR/float-model.json, DIR/qat-float-model.json, DIR/saved_model/ and "
                + "DIR/training.json.",
                "Example (the shipped models/pdl2):",
                "  pulsedl train --data train.h5 --per-channel --out models/pdl2"})
public final class TrainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Training dataset (.h5, .hdf5, .csv).")
    private Path data;

    @Option(names = "--spec", paramLabel = "SPEC",
            description = "Architecture: a layer list such as 'conv1d:8:4:2:relu,flatten,dense:2' or a file holding one "
                    + "(# comments allowed); its last layer needs one unit per target. Default: the paper's network "
                    + "conv1d:8:4:2:relu,conv1d:16:4:2:relu,flatten,dense:32:relu,dense:32:relu,dense:<targets>.")
    private String layers;

    @Option(names = "--per-channel", description = "Every channel of an event is one single-channel sample; targets may use {c}.")
    private boolean perChannel;

    @Option(names = "--targets", paramLabel = "LIST",
            description = "Comma-separated target labels; with --per-channel, {c} is the channel index. "
                    + "Default: 't_ch{c}_ns,amplitude' with --per-channel, else every label.")
    private String targets;

    @Option(names = "--name", defaultValue = "pulsedl-cnn", paramLabel = "NAME", description = "Model name. Default: ${DEFAULT-VALUE}.")
    private String name;

    @Option(names = "--epochs", defaultValue = "60", paramLabel = "N", description = "Float epochs (maximum). Default: ${DEFAULT-VALUE}.")
    private int epochs;

    @Option(names = "--qat-epochs", defaultValue = "10", paramLabel = "N",
            description = "Quantisation-aware fine-tuning epochs; 0 = post-training quantisation. Default: ${DEFAULT-VALUE}.")
    private int qatEpochs;

    @Option(names = "--batch", defaultValue = "256", paramLabel = "N", description = "Mini-batch size. Default: ${DEFAULT-VALUE}.")
    private int batch;

    @Option(names = "--lr", defaultValue = "3e-3", paramLabel = "X", description = "Adam learning rate of the first epoch. Default: ${DEFAULT-VALUE}.")
    private double lr;

    @Option(names = "--lr-final", defaultValue = "0.02", paramLabel = "F",
            description = "The learning rate decays exponentially to lr*F at the last epoch (1 = constant). Default: ${DEFAULT-VALUE}.")
    private double lrFinal;

    @Option(names = "--qat-lr", defaultValue = "1e-4", paramLabel = "X", description = "QAT learning rate. Default: ${DEFAULT-VALUE}.")
    private double qatLr;

    @Option(names = "--patience", defaultValue = "15", paramLabel = "N",
            description = "Stop after N epochs without a better validation loss; 0 = never. Default: ${DEFAULT-VALUE}.")
    private int patience;

    @Option(names = "--val-fraction", defaultValue = "0.1", paramLabel = "F",
            description = "Fraction of events for validation. Default: ${DEFAULT-VALUE}.")
    private double valFraction;

    @Option(names = "--loss-weight", defaultValue = "none", paramLabel = "none|snr|sqrt-snr",
            description = "Per-window loss weight from the amplitude and noise_sigma_codes labels: snr = (A/sigma)^2, "
                    + "sqrt-snr = A/sigma, normalised to mean 1 (docs/training.md). Default: ${DEFAULT-VALUE}.")
    private String lossWeight;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the initial weights, shuffling and split. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "TensorFlow threads; 0 = all cores. Default: ${DEFAULT-VALUE}.")
    private int threads;

    @Mixin
    private QuantizationCliOptions quantisation = new QuantizationCliOptions();

    @Option(names = "--calib-windows", defaultValue = "8192", paramLabel = "N",
            description = "Calibration windows for post-training quantisation (--qat-epochs 0). Default: ${DEFAULT-VALUE}.")
    private int calibWindows;

    @Option(names = "--no-saved-model", description = "Do not write the TensorFlow SavedModel.")
    private boolean noSavedModel;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    private Path out;

    @Option(names = "--label-free",
            description = "Label-free training (real data without time labels): pairs of copies of each single-channel window "
                    + "delayed by known sub-sample shifts, loss on the difference of the two time predictions, then a linear "
                    + "calibration to ns (docs/training.md). Labels are not used except by --lf-calib labels:N. Implies "
                    + "--per-channel; --targets, --qat-epochs and --qat-lr do not apply (the .qmodel is quantised post-training).")
    private boolean labelFree;

    @Option(names = "--lf-max-shift", defaultValue = "1.0", paramLabel = "SAMPLES",
            description = "Label-free: each copy is delayed by a shift uniform in [-S, S] samples. Default: ${DEFAULT-VALUE}.")
    private double lfMaxShift;

    @Option(names = "--lf-pairs", defaultValue = "2", paramLabel = "N",
            description = "Label-free: pairs per window and epoch (fresh shifts each epoch). Default: ${DEFAULT-VALUE}.")
    private int lfPairs;

    @Option(names = "--lf-interp", defaultValue = "sinc", paramLabel = "sinc|cubic",
            description = "Label-free: interpolation of the shifted copies (Kaiser-windowed sinc, or cubic convolution). Default: ${DEFAULT-VALUE}.")
    private String lfInterp;

    @Option(names = "--lf-energy", defaultValue = "shift", paramLabel = "shift|peak|none",
            description = "Label-free second output: shift = amplitude consistent between the gain-scaled, shifted copies and "
                    + "anchored to the mean interpolated peak; peak = regress each window's interpolated peak; none = time only. "
                    + "Default: ${DEFAULT-VALUE}.")
    private String lfEnergy;

    @Option(names = "--lf-noise", defaultValue = "1.0", paramLabel = "F",
            description = "Label-free: white noise added independently to each copy, as F x the recorded noise (estimated from the "
                    + "first samples); 0 = none. Default: ${DEFAULT-VALUE}.")
    private double lfNoise;

    @Option(names = "--lf-gain", defaultValue = "2.0", paramLabel = "G",
            description = "Label-free: each copy is also scaled by a known gain, log-uniform in [1/G, G] (peak kept in range), so "
                    + "that time cannot depend on amplitude; 1 = no scaling. Default: ${DEFAULT-VALUE}.")
    private double lfGain;

    @Option(names = "--lf-calib", defaultValue = "reference:0", paramLabel = "labels:N[:LABEL]|reference:NS",
            description = "Label-free: time calibration to ns; labels:N fits slope and offset on the first N windows' labels "
                    + "(LABEL default t_ch{c}_ns), reference:NS keeps the shift-trained slope and sets the mean time to NS. "
                    + "Default: ${DEFAULT-VALUE}.")
    private String lfCalib;

    @Option(names = "--lf-sample-period", paramLabel = "NS",
            description = "Label-free: ADC sample period in ns (default: the dataset's sample_period_ns attribute).")
    private Double lfSamplePeriod;

    @Override
    public Integer call() throws IOException {
        TrainingOutput.check("--out", out);
        TrainingOptions options = new TrainingOptions(epochs, qatEpochs, batch, lr, lrFinal, qatLr, patience, valFraction,
                seed, threads);
        QuantizationOptions quant = quantisation.toOptions();
        if (calibWindows < 1) {
            throw new IllegalArgumentException("--calib-windows must be >= 1, got " + calibWindows);
        }
        refuseOptionsOfOtherModes();
        LossWeight weight = LossWeight.parse(lossWeight);
        LabelFreeOptions lf = labelFree ? labelFreeOptions() : null;
        if (!Files.isRegularFile(data)) {
            throw new IllegalArgumentException("--data: no such file '" + data + "'");
        }
        Dataset dataset = InputFiles.read(data, DatasetIo::read);
        if (lf != null) {
            return labelFree(options, lf, quant, dataset);
        }
        TrainingRun run = new TrainingRun(layerText(layers), targets, perChannel, name, options, quant, !noSavedModel, calibWindows,
                weight);
        TrainingRun.Outcome o = run.execute(dataset, data.getFileName().toString(), out, System.err);
        PrintWriter stdout = spec.commandLine().getOut();
        EpochRecord last = o.result().history().get(o.result().history().size() - 1);
        stdout.printf(Locale.ROOT, "trained '%s' in %.1f s float + %.1f s QAT; last validation RMSE %s%n", name,
                o.result().floatSeconds(), o.result().qatSeconds(), rmse(last, o.floatModel().outputs(), o.floatModel().units()));
        stdout.println("wrote " + out.resolve(TrainingRun.QMODEL) + " (" + o.quantized().metadata().get("precision") + ", "
                + o.quantized().rounding() + ", m_bits " + o.quantized().mBits() + "), " + TrainingRun.FLOAT_MODEL
                + (o.result().hasQat() ? ", " + TrainingRun.QAT_FLOAT_MODEL : "")
                + (noSavedModel ? "" : ", " + TrainingRun.SAVED_MODEL + "/") + ", " + TrainingRun.HISTORY);
        stdout.flush();
        return 0;
    }

    /** Options the chosen mode would ignore are refused, naming the mode (docs/errors.md). */
    private void refuseOptionsOfOtherModes() {
        if (labelFree) {
            GivenOptions.refuse(spec, "to --label-free (it quantises post-training, without QAT)", "--qat-epochs", "--qat-lr");
            GivenOptions.refuse(spec, "to --label-free (it learns from unlabelled windows)", "--loss-weight");
        } else {
            GivenOptions.refuse(spec, "without --label-free", "--lf-max-shift", "--lf-pairs", "--lf-interp", "--lf-energy",
                    "--lf-noise", "--lf-gain", "--lf-calib", "--lf-sample-period");
            if (qatEpochs == 0) GivenOptions.refuse(spec, "with --qat-epochs 0 (no quantisation-aware fine-tuning runs)", "--qat-lr");
        }
    }

    /** The label-free options of the {@code --lf-*} flags. */
    LabelFreeOptions labelFreeOptions() {
        if (targets != null) {
            throw new IllegalArgumentException("--targets does not apply to --label-free (the network learns time from shifts"
                    + " and, with --lf-energy peak, the window's peak)");
        }
        return new LabelFreeOptions(lfMaxShift, lfPairs, ShiftResampler.Method.parse(lfInterp), LabelFreeOptions.Energy.parse(lfEnergy),
                lfNoise, lfGain, LabelFreeOptions.Calibration.parse(lfCalib), lfSamplePeriod == null ? Double.NaN : lfSamplePeriod);
    }

    private Integer labelFree(TrainingOptions options, LabelFreeOptions lf, QuantizationOptions quant, Dataset dataset)
            throws IOException {
        LabelFreeRun run = new LabelFreeRun(layerText(layers), name, options, lf, quant, !noSavedModel, calibWindows);
        LabelFreeRun.Outcome o = run.execute(dataset, data.getFileName().toString(), out, System.err);
        PrintWriter stdout = spec.commandLine().getOut();
        EpochRecord last = o.training().history().get(o.training().history().size() - 1);
        stdout.printf(Locale.ROOT, "trained '%s' label-free in %.1f s; last validation pair rmse %.4g samples; "
                        + "calibration %s: t_ns = %.6g * t + %.6g%n", name, o.training().seconds(), last.valRmse()[0],
                lf.calibration(), o.calibration().slope(), o.calibration().offset());
        stdout.println("wrote " + out.resolve(TrainingRun.QMODEL) + " (" + o.quantized().metadata().get("precision") + ", "
                + o.quantized().rounding() + ", m_bits " + o.quantized().mBits() + ", post-training), " + TrainingRun.FLOAT_MODEL
                + (noSavedModel ? "" : ", " + TrainingRun.SAVED_MODEL + "/") + ", " + TrainingRun.HISTORY);
        stdout.flush();
        return 0;
    }

    private static String rmse(EpochRecord r, java.util.List<String> names, java.util.List<String> units) {
        double[] v = r.valRmse();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(names.get(i)).append(' ')
                    .append(String.format(Locale.ROOT, "%.4g", v[i])).append(units.get(i).isEmpty() ? "" : " " + units.get(i));
        }
        return sb.toString();
    }

    /** The layer list of {@code --spec}: the text itself, or the contents of the file it names. */
    static String layerText(String spec) throws IOException {
        if (spec == null) {
            return null;
        }
        Path p = Path.of(spec);
        if (!spec.contains(":") && Files.isRegularFile(p) || spec.endsWith(".txt") || spec.endsWith(".spec")) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("--spec: no such file '" + spec + "'");
            }
            String text = Files.readAllLines(p).stream().map(l -> l.replaceFirst("#.*", "").trim())
                    .filter(l -> !l.isEmpty()).collect(Collectors.joining(","));
            if (text.isBlank()) {
                throw new IllegalArgumentException("--spec: file '" + spec + "' holds no layers");
            }
            return text.replaceAll(",+", ",").replaceAll("^,|,$", "");
        }
        return spec;
    }
}
