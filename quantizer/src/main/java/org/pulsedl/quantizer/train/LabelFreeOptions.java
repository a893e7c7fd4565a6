package org.pulsedl.quantizer.train;

import java.util.Locale;

/**
 * Settings of the label-free training mode ({@link LabelFreeTrainer}, docs/training.md).
 *
 * @param maxShift     each copy of a window is delayed by a shift drawn uniformly from
 *                     {@code [−maxShift, maxShift]} samples, so the pair's known difference spans ±2·maxShift
 * @param pairs        pairs drawn per window and epoch (fresh shifts every epoch)
 * @param method       interpolation of the shifted copies
 * @param energy       the second output: {@link Energy#SHIFT} learns an amplitude that is consistent between the
 *                     gain-scaled, shifted copies ({@code Ê_a/g_a = Ê_b/g_b}), its scale anchored to the batch mean of
 *                     the windows' interpolated peak; {@link Energy#PEAK} regresses each window's interpolated peak (an
 *                     amplitude proxy the data carries); {@link Energy#NONE} trains a time-only network
 * @param noise        independent white noise added to every copy, as a multiple of the recording's own noise
 *                     (estimated from the first sample of the windows); 0 = none
 * @param gain         each copy is also scaled by a known gain, log-uniform in {@code [1/gain, gain]} (capped so the
 *                     window's peak stays within the normalised range): time must not depend on amplitude, so this
 *                     removes the amplitude walk the shift loss alone leaves free (1 = no scaling)
 * @param calibration  how the time output (in samples, offset free) is mapped to ns
 * @param samplePeriodNs the ADC sample period in ns, or NaN to take it from the dataset's {@code sample_period_ns}
 *                     attribute (needed by a reference calibration)
 */
public record LabelFreeOptions(double maxShift, int pairs, ShiftResampler.Method method, Energy energy, double noise,
                               double gain, Calibration calibration, double samplePeriodNs) {

    /** What the second output learns. */
    public enum Energy {
        PEAK, SHIFT, NONE;

        public static Energy parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("unknown label-free energy mode '" + text + "' (expected shift, peak or none)");
            }
        }
    }

    /**
     * The linear calibration of the time output to ns: {@code labels:N[:TEMPLATE]} fits slope and offset on the
     * first N windows' labels (default template {@code t_ch{c}_ns}); {@code reference:T} keeps the slope the shift
     * training gives (1 sample = the sample period) and sets the offset so that the mean prediction over the
     * windows is T ns (no labels at all).
     */
    public record Calibration(boolean labelled, int windows, String label, double referenceNs) {
        public static final String DEFAULT_LABEL = "t_ch{c}_ns";

        public static Calibration parse(String text) {
            String t = text == null ? "" : text.trim();
            String[] p = t.split(":", 3);
            try {
                if (p[0].equalsIgnoreCase("labels") && p.length >= 2) {
                    int n = Integer.parseInt(p[1].trim());
                    if (n < 2) {
                        throw new IllegalArgumentException("label-free calibration 'labels:N' needs N >= 2, got " + n);
                    }
                    return new Calibration(true, n, p.length == 3 && !p[2].isBlank() ? p[2].trim() : DEFAULT_LABEL, Double.NaN);
                }
                if (p[0].equalsIgnoreCase("reference") && p.length == 2) {
                    double r = Double.parseDouble(p[1].trim());
                    if (!Double.isFinite(r)) {
                        throw new NumberFormatException();
                    }
                    return new Calibration(false, 0, null, r);
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
            throw new IllegalArgumentException("label-free calibration '" + text
                    + "': expected labels:N[:LABEL] (fit slope and offset on N labelled windows) or reference:NS "
                    + "(offset so that the mean time is NS, slope from the shift training)");
        }

        @Override
        public String toString() {
            return labelled ? "labels:" + windows + ":" + label : "reference:" + referenceNs;
        }
    }

    public LabelFreeOptions {
        if (!(maxShift > 0 && maxShift <= 4)) {
            throw new IllegalArgumentException("label-free shift range must be in (0, 4] samples, got " + maxShift);
        }
        if (pairs < 1) {
            throw new IllegalArgumentException("label-free pairs per window must be >= 1, got " + pairs);
        }
        if (!(noise >= 0 && noise <= 10)) {
            throw new IllegalArgumentException("label-free added noise must be in [0, 10] x the recorded noise, got " + noise);
        }
        if (!(gain >= 1 && gain <= 10)) {
            throw new IllegalArgumentException("label-free gain spread must be in [1, 10], got " + gain);
        }
        if (!Double.isNaN(samplePeriodNs) && !(samplePeriodNs > 0 && Double.isFinite(samplePeriodNs))) {
            throw new IllegalArgumentException("sample period must be > 0 ns, got " + samplePeriodNs);
        }
        if (method == null || energy == null || calibration == null) {
            throw new IllegalArgumentException("label-free method, energy mode and calibration are required");
        }
    }

    /** The defaults of {@code pulsedl train --label-free} (docs/training.md). */
    public static LabelFreeOptions defaults() {
        return new LabelFreeOptions(1.0, 2, ShiftResampler.Method.SINC, Energy.SHIFT, 1.0, 2.0,
                Calibration.parse("reference:0"), Double.NaN);
    }

    public int outputs() { return energy == Energy.NONE ? 1 : 2; }

    public LabelFreeOptions withMaxShift(double v) { return new LabelFreeOptions(v, pairs, method, energy, noise, gain, calibration, samplePeriodNs); }

    public LabelFreeOptions withPairs(int v) { return new LabelFreeOptions(maxShift, v, method, energy, noise, gain, calibration, samplePeriodNs); }

    public LabelFreeOptions withMethod(ShiftResampler.Method v) { return new LabelFreeOptions(maxShift, pairs, v, energy, noise, gain, calibration, samplePeriodNs); }

    public LabelFreeOptions withEnergy(Energy v) { return new LabelFreeOptions(maxShift, pairs, method, v, noise, gain, calibration, samplePeriodNs); }

    public LabelFreeOptions withNoise(double v) { return new LabelFreeOptions(maxShift, pairs, method, energy, v, gain, calibration, samplePeriodNs); }

    public LabelFreeOptions withGain(double v) { return new LabelFreeOptions(maxShift, pairs, method, energy, noise, v, calibration, samplePeriodNs); }

    public LabelFreeOptions withCalibration(Calibration v) { return new LabelFreeOptions(maxShift, pairs, method, energy, noise, gain, v, samplePeriodNs); }

    public LabelFreeOptions withSamplePeriodNs(double v) { return new LabelFreeOptions(maxShift, pairs, method, energy, noise, gain, calibration, v); }
}
