package org.pulsedl.quantizer.train;

import java.util.ArrayList;
import java.util.List;
import org.pulsedl.quantizer.model.Dense;
import org.pulsedl.quantizer.model.Layer;
import org.pulsedl.quantizer.model.Model;

/**
 * Per-target standardisation: the network is trained on {@code (y − mean) / std} so that every target
 * weighs the same in the MSE and a time that only varies over [64, 72) ns is learnt relative to its mean.
 * The trained model is made to output physical units by {@link #fold} ({@code W·std}, {@code b·std + mean}
 * in the last Dense), so {@code FloatInference}, the SavedModel and a raw integer head all speak label units.
 */
public record TargetScaling(double[] mean, double[] std) {

    public TargetScaling {
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("mean and std need one value per target");
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** Mean and standard deviation of each target over the samples {@code idx} of {@code set}. */
    public static TargetScaling of(TrainingSet set, int[] idx) {
        int t = set.targetCount();
        double[] mean = new double[t];
        double[] std = new double[t];
        for (int i = 0; i < t; i++) {
            double sum = 0;
            for (int s : idx) {
                sum += set.target(s, i);
            }
            double m = sum / idx.length;
            double var = 0;
            for (int s : idx) {
                double d = set.target(s, i) - m;
                var += d * d;
            }
            double sd = Math.sqrt(var / idx.length);
            mean[i] = m;
            std[i] = sd > 1e-12 * Math.max(1, Math.abs(m)) ? sd : 1.0;   // a constant target is only centred
        }
        return new TargetScaling(mean, std);
    }

    public int targets() { return mean.length; }

    public float standardise(int i, double y) { return (float) ((y - mean[i]) / std[i]); }

    public double physical(int i, double z) { return z * std[i] + mean[i]; }

    /** The model whose last Dense outputs physical units, from one that outputs standardised ones. */
    public Model fold(Model standardised) { return rescale(standardised, false); }

    /** The inverse of {@link #fold}. */
    public Model unfold(Model physical) { return rescale(physical, true); }

    private Model rescale(Model model, boolean inverse) {
        List<Layer> layers = new ArrayList<>(model.layers());
        int last = layers.size() - 1;
        if (last < 0 || !(layers.get(last) instanceof Dense d) || d.units() != targets()) {
            throw new IllegalArgumentException("the model must end with a Dense layer of " + targets()
                    + " units (one per target) to carry the target scaling");
        }
        double[][] w = new double[d.inputs()][d.units()];
        double[] b = new double[d.units()];
        for (int j = 0; j < d.units(); j++) {
            double a = inverse ? 1 / std[j] : std[j];
            for (int i = 0; i < d.inputs(); i++) {
                w[i][j] = d.weights()[i][j] * a;
            }
            b[j] = inverse ? (d.bias()[j] - mean[j]) / std[j] : d.bias()[j] * std[j] + mean[j];
        }
        layers.set(last, new Dense(d.name(), d.units(), d.activation(), w, b));
        return model.withLayers(layers);
    }
}
