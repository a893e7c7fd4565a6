package org.pulsedl.quantizer.train;

import java.util.ArrayList;
import java.util.List;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.quant.RangeMethod;

/**
 * What {@link Trainer#train} produces. Models are kept with <em>standardised</em> outputs (as trained);
 * {@link #floatModel()} and {@link #qatModel()} give them in label units ({@link TargetScaling#fold}).
 *
 * @param floatStandardised best float model of the float phase
 * @param qatStandardised   best model of the QAT phase (its float weights), or {@code null} without QAT
 * @param qatPlan           what QAT fake-quantised, or {@code null}
 * @param qatRanges         {@code [tensor] {min, max}} moving-average ranges of the best QAT epoch (entries of
 *                          tensors the plan does not quantise are {@code null}), or {@code null}
 * @param scaling           the target standardisation
 * @param history           every epoch, float then QAT
 * @param floatSeconds      wall time of the float phase
 * @param qatSeconds        wall time of the QAT phase
 */
public record TrainingResult(Model floatStandardised, Model qatStandardised, QatPlan qatPlan, List<double[]> qatRanges,
                             TargetScaling scaling, List<EpochRecord> history, double floatSeconds, double qatSeconds) {

    public TrainingResult {
        history = List.copyOf(history);
        if (qatRanges != null) {
            qatRanges = java.util.Collections.unmodifiableList(new ArrayList<>(qatRanges));
        }
    }

    /** The float model in label units. */
    public Model floatModel() { return scaling.fold(floatStandardised); }

    /** The QAT model's float weights in label units, or {@code null} without QAT. */
    public Model qatModel() { return qatStandardised == null ? null : scaling.fold(qatStandardised); }

    /** True when a QAT phase ran. */
    public boolean hasQat() { return qatStandardised != null; }

    /**
     * The QAT ranges as a quantiser range method for the model in label units: the tensors are the same; only
     * the last layer's output range (present when it is requantised) is in standardised units, which is why a
     * requantised head is exported unfolded ({@code QatExport}).
     */
    public RangeMethod.Fixed rangeMethod() {
        if (qatRanges == null) {
            throw new IllegalStateException("no QAT phase ran");
        }
        return new RangeMethod.Fixed(qatRanges);
    }
}
