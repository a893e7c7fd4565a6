package org.pulsedl.quantizer.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.qmodel.OutputScaling;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.quant.AdcInput;
import org.pulsedl.quantizer.quant.PostTrainingQuantizer;
import org.pulsedl.quantizer.quant.QuantizationOptions;

/**
 * The integer model of a {@link TrainingResult}, made by the project's {@link PostTrainingQuantizer} so that
 * the {@code .qmodel} is exactly what QAT simulated: the QAT float weights, the QAT moving-average ranges
 * ({@code RangeMethod.Fixed}), the same widths and per-channel weights. Without QAT the float model is
 * quantised post-training on the calibration windows with the options' range method.
 *
 * <p>Output scaling: a raw last layer (the default) quantises the model in label units (standardisation
 * folded into the last Dense; the accumulators are already fine enough), so the outputs' {@code a = 1, b = 0}.
 * A requantised last layer keeps the standardised outputs — one int8 grid serves both targets only when they
 * share a scale — and records {@code a = std, b = mean}.
 */
public final class QatExport {
    private QatExport() {}

    /**
     * @param options     widths, rounding, m_bits and raw last layer — the same the trainer's QAT used
     * @param calibration float input windows (all of them are used without QAT; a few suffice with QAT)
     */
    public static QuantizedModel quantize(TrainingResult r, AdcInput adc, List<String> names, List<String> units,
                                          QuantizationOptions options, List<double[]> calibration) {
        boolean raw = options.rawLastLayer();
        TargetScaling s = r.scaling();
        List<OutputScaling> outs = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            outs.add(raw ? new OutputScaling(names.get(i), units.get(i), 1.0, 0.0)
                    : new OutputScaling(names.get(i), units.get(i), s.std()[i], s.mean()[i]));
        }
        QuantizationOptions o = options.withAdc(adc).withOutputs(outs);
        Model model;
        if (r.hasQat()) {
            if (!r.qatPlan().equals(QatPlan.of(r.qatStandardised(), o.precision(), raw))) {
                throw new IllegalArgumentException("the quantisation options (" + o.precision() + ", raw last layer "
                        + raw + ") differ from those QAT simulated");
            }
            if (!o.perChannel()) {
                throw new IllegalArgumentException("QAT trained per-channel weights; per-tensor export is not supported");
            }
            o = o.withRange(r.rangeMethod());
            model = raw ? r.qatModel() : r.qatStandardised();
        } else {
            model = raw ? r.floatModel() : r.floatStandardised();
        }
        QuantizedModel q = new PostTrainingQuantizer(o).quantize(model, calibration);
        Map<String, String> meta = new LinkedHashMap<>(q.metadata());
        meta.put("training", r.hasQat() ? "quantisation-aware (TensorFlow FakeQuant, EMA ranges)" : "float, post-training quantised");
        for (int i = 0; i < names.size(); i++) {
            meta.put("target_" + names.get(i), String.format(Locale.ROOT, "mean %s std %s", s.mean()[i], s.std()[i]));
        }
        return new QuantizedModel(q.name(), q.inputShape(), q.input(), q.inputStage(), q.layers(), q.rounding(),
                q.mBits(), q.outputs(), meta);
    }
}
