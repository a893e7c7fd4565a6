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
 * {@code pulsedl train} without the command line: dataset → samples → {@link Trainer} → the files of the
 * output directory ({@code model.qmodel}, {@code float-model.json}, {@code qat-float-model.json},
 * {@code saved_model/}, {@code training.json}; docs/training.md).
 *
 * @param layers      a {@link ModelSpec} layer list, or {@code null} for the paper's network
 * @param targets     target names/templates ({@link TargetSpec#parse}), or {@code null} for the default
 * @param perChannel  one sample per channel
 * @param name        model name
 * @param training    hyper-parameters
 * @param quant       how the result is quantised (its precision and raw last layer also drive QAT)
 * @param savedModel  also write the TensorFlow SavedModel
 * @param calibWindows windows used for calibration (post-training quantisation without QAT)
 * @param lossWeight  the per-window loss weight ({@link LossWeight#NONE}: plain MSE)
 */
public record TrainingRun(String layers, String targets, boolean perChannel, String name, TrainingOptions training,
                          QuantizationOptions quant, boolean savedModel, int calibWindows, LossWeight lossWeight) {

    /** Files of the output directory (written together by {@link TrainingOutput}). */
    public static final String QMODEL = "model.qmodel";
    public static final String FLOAT_MODEL = "float-model.json";
    public static final String QAT_FLOAT_MODEL = "qat-float-model.json";
    public static final String SAVED_MODEL = "saved_model";
    public static final String HISTORY = "training.json";

    /** What a run produced. */
    public record Outcome(TrainingResult result, FloatModelFile floatModel, QuantizedModel quantized, AdcInput adc,
                          TargetSpec targets) {}

    /** The untrained model for {@code data}: the spec's layers (or the paper's) on the sample shape, seeded Glorot. */
    public Model initialModel(TrainingSet set) {
        String spec = layers == null || layers.isBlank()
                ? ModelSpec.PAPER_LAYERS + set.targetCount() : layers;
        String shape = set.inputShape().isFlat() ? Integer.toString(set.inputSize())
                : set.inputShape().length() + "x" + set.inputShape().channels();
        Model m = ModelSpec.parse(shape, spec).build(name, training.seed());
        if (m.outputShape().size() != set.targetCount()) {
            throw new IllegalArgumentException("the model spec has " + m.outputShape().size() + " outputs but there are "
                    + set.targetCount() + " targets; end the spec with dense:" + set.targetCount());
        }
        return m;
    }

    public Outcome execute(Dataset data, String dataName, Path outDir, PrintStream log) throws IOException {
        TargetSpec spec = TargetSpec.parse(targets, perChannel, data.labelNames());
        AdcInput adc = TrainingSet.normalisation(data, perChannel);
        TrainingSet plain = TrainingSet.from(data, spec, adc);
        TrainingSet set = plain.withWeights(lossWeight.weights(data, plain));
        Model initial = initialModel(set);
        log.printf(Locale.ROOT, "training '%s' on %s: %d samples %s, targets %s, loss weight %s, %d MACs, %d parameters%n",
                name, dataName, set.size(), set.inputShape(), spec.templates(), lossWeight.cliName(), initial.totalMacs(),
                initial.totalParams());
        TrainingResult r = new Trainer(training, log).train(initial, set, quant.precision(), quant.rawLastLayer());

        List<String> names = spec.outputNames();
        List<String> units = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            units.add(TargetSpec.unitOf(spec.label(i, 0)));
        }
        List<double[]> calib = new ArrayList<>();
        int n = Math.min(calibWindows, set.size());
        for (int k = 0; k < n; k++) {
            calib.add(set.input((int) ((long) k * set.size() / n)));
        }
        QuantizedModel q = QatExport.quantize(r, adc, names, units, quant, calib);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("trainer", "pulsedl train (TensorFlow Java)");
        meta.put("data", dataName);
        meta.put("targets", String.join(",", spec.templates()) + (perChannel ? " (per channel)" : ""));
        meta.put("seed", Long.toString(training.seed()));
        FloatModelFile floatFile = new FloatModelFile(r.floatModel(), adc, names, units, meta);

        FloatModelFile qatFile = null;
        if (r.hasQat()) {
            Map<String, String> qm = new LinkedHashMap<>(meta);
            qm.put("weights", "after quantisation-aware fine-tuning (the float weights " + QMODEL + " quantises)");
            qatFile = new FloatModelFile(r.qatModel(), adc, names, units, qm);
        }
        new TrainingOutput(q, floatFile, qatFile, savedModel ? r.floatModel() : null, adc,
                history(r, dataName, set, spec, adc)).write(outDir);
        return new Outcome(r, floatFile, q, adc, spec);
    }

    private Map<String, Object> history(TrainingResult r, String dataName, TrainingSet set, TargetSpec spec, AdcInput adc) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", "pulsedl-training-history");
        root.put("version", 1);
        root.put("data", dataName);
        root.put("samples", set.size());
        root.put("targets", spec.templates());
        root.put("per_channel", perChannel);
        root.put("loss_weight", lossWeight.cliName());
        root.put("options", training);
        root.put("precision", quant.precision().name());
        root.put("rounding", quant.rounding().name());
        root.put("m_bits", quant.mBits());
        root.put("raw_last_layer", quant.rawLastLayer());
        root.put("input_baseline", adc.baseline());
        root.put("input_code_scale", adc.codeScale());
        root.put("target_mean", r.scaling().mean());
        root.put("target_std", r.scaling().std());
        root.put("float_seconds", round(r.floatSeconds()));
        root.put("qat_seconds", round(r.qatSeconds()));
        List<Map<String, Object>> epochs = new ArrayList<>();
        for (EpochRecord e : r.history()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("phase", e.phase());
            m.put("epoch", e.epoch());
            m.put("lr", e.lr());
            m.put("train_loss", e.trainLoss());
            m.put("val_loss", Double.isNaN(e.valLoss()) ? null : e.valLoss());
            m.put("val_rmse", Double.isNaN(e.valLoss()) ? null : e.valRmse());
            m.put("seconds", round(e.seconds()));
            epochs.add(m);
        }
        root.put("epochs", epochs);
        return root;
    }

    private static double round(double seconds) { return Math.round(seconds * 1000) / 1000.0; }
}
