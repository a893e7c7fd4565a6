package org.pulsedl.quantizer.train;

import java.util.Arrays;
import java.util.Locale;
import org.pulsedl.quantizer.data.Dataset;

/**
 * A per-window weight in the training loss ({@code pulsedl train --loss-weight}, docs/training.md), from the
 * window's pulse amplitude A and noise σ (both in ADC codes). The bound on a window's time goes as σ/A, so
 * {@link #SNR} weighs each window by the inverse of its bound's variance, (A/σ)², and {@link #SQRT_SNR} by its
 * square root, A/σ — the mild form, which keeps the low-information windows in the loss. The weights are
 * normalised to mean 1 over the set, so the loss and the learning rate keep their scale.
 *
 * <p>A comes from the label column {@value #AMPLITUDE}; σ from the label column {@value #NOISE} or, for a set
 * made by one {@code simulate} run, the dataset attribute of that name.
 */
public enum LossWeight {
    /** Every window counts the same (plain MSE). */
    NONE(0),
    /** w ∝ (A/σ)², the inverse variance of the window's bound. */
    SNR(2),
    /** w ∝ A/σ, the square root of {@link #SNR}. */
    SQRT_SNR(1);

    /** Label with the pulse amplitude in codes. */
    public static final String AMPLITUDE = "amplitude";
    /** Label (or attribute) with the noise σ in codes. */
    public static final String NOISE = "noise_sigma_codes";

    private final int power;

    LossWeight(int power) {
        this.power = power;
    }

    /** {@code none}, {@code snr} or {@code sqrt-snr}. */
    public static LossWeight parse(String text) {
        for (LossWeight w : values()) {
            if (w.cliName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return w;
            }
        }
        throw new IllegalArgumentException("--loss-weight: unknown weight '" + text + "' (none, snr or sqrt-snr)");
    }

    public String cliName() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    /** The unnormalised weight of a window with amplitude {@code a} and noise {@code sigma}: (a/σ)^power. */
    double raw(double a, double sigma) { return Math.pow(a / sigma, power); }

    /**
     * The weight of every sample of {@code set} (made from {@code data}), mean 1; {@code null} for {@link #NONE}.
     *
     * @throws IllegalArgumentException when the dataset lacks the amplitude or noise, or a window's A or σ is not > 0
     */
    public float[] weights(Dataset data, TrainingSet set) {
        if (this == NONE) {
            return null;
        }
        if (!data.labelNames().contains(AMPLITUDE)) {
            throw new IllegalArgumentException("--loss-weight " + cliName() + " needs the pulse amplitude: the dataset has no '"
                    + AMPLITUDE + "' label (labels: " + data.labelNames() + ")");
        }
        double[] amplitude = data.labelColumn(AMPLITUDE);
        double[] sigma = noise(data);
        double[] w = new double[set.size()];
        double sum = 0;
        for (int s = 0; s < w.length; s++) {
            int e = set.event(s);
            if (!(amplitude[e] > 0) || !(sigma[e] > 0)) {
                throw new IllegalArgumentException("--loss-weight " + cliName() + ": event " + e + " has amplitude "
                        + amplitude[e] + " and noise " + sigma[e] + " codes; both must be > 0");
            }
            w[s] = raw(amplitude[e], sigma[e]);
            sum += w[s];
        }
        float[] out = new float[w.length];
        for (int s = 0; s < w.length; s++) {
            out[s] = (float) (w[s] * w.length / sum);
        }
        return out;
    }

    private double[] noise(Dataset data) {
        if (data.labelNames().contains(NOISE)) {
            return data.labelColumn(NOISE);
        }
        String attr = data.attributes().get(NOISE);
        if (attr == null) {
            throw new IllegalArgumentException("--loss-weight " + cliName() + " needs the noise per window: the dataset has no '"
                    + NOISE + "' label or attribute");
        }
        double sigma;
        try {
            sigma = Double.parseDouble(attr.trim());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("--loss-weight " + cliName() + ": the dataset attribute '" + NOISE
                    + "' is not a number ('" + attr + "')");
        }
        double[] column = new double[data.events()];
        Arrays.fill(column, sigma);
        return column;
    }
}
