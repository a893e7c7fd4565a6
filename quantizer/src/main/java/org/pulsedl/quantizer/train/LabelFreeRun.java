package org.pulsedl.quantizer.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.model.ModelSpec;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.quant.AdcInput;
import org.pulsedl.quantizer.quant.QuantizationOptions;

/**
 * {@code pulsedl train --label-free} without the command line: unlabelled single-channel windows →
 * {@link LabelFreeTrainer} → {@link LinearCalibration} of the time output to ns (and the amplitude output to
 * codes) folded into the last Dense → the same output files as {@link TrainingRun}. The {@code .qmodel} is
 * quantised post-training on the windows (label-free QAT is not implemented; int16 post-training quantisation
 * costs ~0.5 % in σΔt on pdl2, docs/training.md).
 *
 * @param layers       a {@link ModelSpec} layer list, or {@code null} for the paper's network
 * @param name         model name
 * @param training     hyper-parameters ({@code qatEpochs} is not used)
 * @param labelFree    the label-free settings
 * @param quant        how the result is quantised
 * @param savedModel   also write the TensorFlow SavedModel
 * @param calibWindows windows used for post-training quantisation
 */
public record LabelFreeRun(String layers, String name, TrainingOptions training, LabelFreeOptions labelFree,
                           QuantizationOptions quant, boolean savedModel, int calibWindows) {

    /** Windows used for a reference calibration's mean (evenly spread). */
    static final int REFERENCE_WINDOWS = 20000;

    /** What a run produced. */
    public record Outcome(LabelFreeTrainer.Result training, TrainingResult result, LinearCalibration calibration,
                          FloatModelFile floatModel, QuantizedModel quantized, AdcInput adc) {}

    /** The untrained model: the spec's layers (or the paper's) on {@code [length][1]}, seeded Glorot. */
    public Model initialModel(int length) {
        int outputs = labelFree.outputs();
        String spec = layers == null || layers.isBlank() ? ModelSpec.PAPER_LAYERS + outputs : layers;
        Model m = ModelSpec.parse(length + "x1", spec).build(name, training.seed());
        if (m.outputShape().size() != outputs) {
            throw new IllegalArgumentException("the model spec has " + m.outputShape().size() + " outputs but label-free mode"
                    + " with energy " + labelFree.energy().name().toLowerCase(Locale.ROOT) + " needs " + outputs
                    + "; end the spec with dense:" + outputs);
        }
        return m;
    }

    /** The sample period in ns: the option, else the dataset's {@code sample_period_ns} attribute, else NaN. */
    public static double samplePeriod(LabelFreeOptions o, Dataset data) {
        if (!Double.isNaN(o.samplePeriodNs())) {
            return o.samplePeriodNs();
        }
        String a = data.attributes().get("sample_period_ns");
        if (a != null) {
            try {
                double v = Double.parseDouble(a.trim());
                if (v > 0 && Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException ignored) {
                // fall through
            }
        }
        return Double.NaN;
    }

    public Outcome execute(Dataset data, String dataName, Path outDir, PrintStream log) throws IOException {
        AdcInput adc = TrainingSet.normalisation(data, true);
        TrainingSet windows = TrainingSet.windows(data, adc);
        double ts = samplePeriod(labelFree, data);
        LabelFreeOptions.Calibration cal = labelFree.calibration();
        double[] truth = null;
        if (cal.labelled()) {
            truth = calibrationLabels(data, cal);
        } else if (Double.isNaN(ts)) {
            throw new IllegalArgumentException("label-free reference calibration needs the sample period: give --lf-sample-period "
                    + "(the dataset has no sample_period_ns attribute), or calibrate on labels with --lf-calib labels:N");
        }
        Model initial = initialModel(data.samples());
        log.printf(Locale.ROOT, "label-free training '%s' on %s: %d windows %s (labels not used), %d MACs, %d parameters%n",
                name, dataName, windows.size(), windows.inputShape(), initial.totalMacs(), initial.totalParams());
        LabelFreeTrainer.Result lr = new LabelFreeTrainer(training, labelFree, log).train(initial, windows);

        LinearCalibration c;
        if (cal.labelled()) {
            int[] idx = new int[truth.length];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            c = LinearCalibration.fit(LabelFreeTrainer.predictTime(lr.model(), windows, idx), truth);
        } else {
            int n = Math.min(REFERENCE_WINDOWS, windows.size());
            int[] idx = new int[n];
            for (int k = 0; k < n; k++) {
                idx[k] = (int) ((long) k * windows.size() / n);
            }
            c = LinearCalibration.reference(LabelFreeTrainer.predictTime(lr.model(), windows, idx), ts, cal.referenceNs());
        }
        log.printf(Locale.ROOT, "calibration (%s): t_ns = %.6g * t_samples + %.6g%s%s%n", cal, c.slope(), c.offset(),
                Double.isNaN(ts) ? "" : String.format(Locale.ROOT, "  (slope / sample period = %.4f)", c.slope() / ts),
                Double.isNaN(c.residualRms()) ? "" : String.format(Locale.ROOT, ", residual rms %.4g ns", c.residualRms()));

        // fold: time = slope·t̂ + offset; amplitude (codes) = (z·ampStd + ampMean) / codeScale
        double codeScale = adc.codeScale()[0];
        boolean energy = labelFree.outputs() > 1;
        TargetScaling scaling = energy
                ? new TargetScaling(new double[] {c.offset(), lr.ampMean() / codeScale}, new double[] {c.slope(), lr.ampStd() / codeScale})
                : new TargetScaling(new double[] {c.offset()}, new double[] {c.slope()});
        TrainingResult r = new TrainingResult(lr.model(), null, null, null, scaling, lr.history(), lr.seconds(), 0);
        List<String> names = energy ? List.of("t_ns", "amplitude") : List.of("t_ns");
        List<String> units = energy ? List.of("ns", "codes") : List.of("ns");
        List<double[]> calib = new ArrayList<>();
        int n = Math.min(calibWindows, windows.size());
        for (int k = 0; k < n; k++) {
            calib.add(windows.input((int) ((long) k * windows.size() / n)));
        }
        QuantizedModel q = QatExport.quantize(r, adc, names, units, quant, calib);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("trainer", "pulsedl train --label-free (TensorFlow Java)");
        meta.put("data", dataName);
        meta.put("targets", "label-free: time from known shifts" + (energy ? ", amplitude = interpolated peak of the window" : ""));
        meta.put("calibration", String.format(Locale.ROOT, "%s: t_ns = %s * t_samples + %s", cal, c.slope(), c.offset()));
        meta.put("seed", Long.toString(training.seed()));
        FloatModelFile floatFile = new FloatModelFile(r.floatModel(), adc, names, units, meta);

        new TrainingOutput(q, floatFile, null, savedModel ? r.floatModel() : null, adc,
                history(lr, c, dataName, windows, adc, ts)).write(outDir);
        return new Outcome(lr, r, c, floatFile, q, adc);
    }

    /** Time labels (ns) of the first {@code windows} single-channel windows (window s = event s / C, channel s % C). */
    static double[] calibrationLabels(Dataset data, LabelFreeOptions.Calibration cal) {
        TargetSpec spec = TargetSpec.parse(cal.label(), true, data.labelNames());
        if (spec.templates().size() != 1) {
            throw new IllegalArgumentException("label-free calibration needs one time label, got " + spec.templates());
        }
        int[][] col = spec.columns(data);
        int total = data.events() * data.channels();
        if (cal.windows() > total) {
            throw new IllegalArgumentException("label-free calibration asks for " + cal.windows() + " labelled windows; the dataset has "
                    + total);
        }
        double[] t = new double[cal.windows()];
        for (int s = 0; s < t.length; s++) {
            int e = s / data.channels();
            int ch = s % data.channels();
            t[s] = data.labels()[e][col[ch][0]];
        }
        return t;
    }

    private Map<String, Object> history(LabelFreeTrainer.Result r, LinearCalibration c, String dataName, TrainingSet set,
                                        AdcInput adc, double ts) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", "pulsedl-training-history");
        root.put("version", 1);
        root.put("mode", "label-free");
        root.put("data", dataName);
        root.put("samples", set.size());
        root.put("per_channel", true);
        root.put("options", training);
        Map<String, Object> lfm = new LinkedHashMap<>();
        lfm.put("max_shift_samples", labelFree.maxShift());
        lfm.put("pairs_per_window", labelFree.pairs());
        lfm.put("interpolation", labelFree.method().name().toLowerCase(Locale.ROOT));
        lfm.put("energy", labelFree.energy().name().toLowerCase(Locale.ROOT));
        lfm.put("added_noise_factor", labelFree.noise());
        lfm.put("recorded_noise_input_units", r.noiseSigma());
        lfm.put("sample_period_ns", Double.isNaN(ts) ? null : ts);
        lfm.put("calibration", labelFree.calibration().toString());
        lfm.put("calibration_slope_ns", c.slope());
        lfm.put("calibration_offset_ns", c.offset());
        lfm.put("calibration_windows", c.n());
        lfm.put("calibration_residual_rms_ns", Double.isNaN(c.residualRms()) ? null : c.residualRms());
        lfm.put("amplitude_proxy_mean_input_units", r.ampMean());
        lfm.put("amplitude_proxy_std_input_units", r.ampStd());
        root.put("label_free", lfm);
        root.put("precision", quant.precision().name());
        root.put("rounding", quant.rounding().name());
        root.put("m_bits", quant.mBits());
        root.put("raw_last_layer", quant.rawLastLayer());
        root.put("input_baseline", adc.baseline());
        root.put("input_code_scale", adc.codeScale());
        root.put("float_seconds", Math.round(r.seconds() * 1000) / 1000.0);
        List<Map<String, Object>> epochs = new ArrayList<>();
        for (EpochRecord e : r.history()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("phase", e.phase());
            m.put("epoch", e.epoch());
            m.put("lr", e.lr());
            m.put("train_loss", e.trainLoss());
            m.put("val_loss", Double.isNaN(e.valLoss()) ? null : e.valLoss());
            m.put("val_rmse", Double.isNaN(e.valLoss()) ? null : e.valRmse());
            m.put("seconds", Math.round(e.seconds() * 1000) / 1000.0);
            epochs.add(m);
        }
        root.put("epochs", epochs);
        return root;
    }
}
