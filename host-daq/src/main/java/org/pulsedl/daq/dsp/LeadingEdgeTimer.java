package org.pulsedl.daq.dsp;

/**
 * Leading-edge timing: the first sample at or above {@code baseline + threshold}, linearly interpolated with
 * the sample before it. The baseline is the mean of the first {@code baselineSamples} samples and the search
 * starts right after them. Leading edge walks with amplitude; it is the simplest reference, not a good timer.
 */
public final class LeadingEdgeTimer implements TimeEstimator {
    /** Default baseline length: pdl2 pulses start 8 samples into the window. */
    public static final int DEFAULT_BASELINE_SAMPLES = 4;

    private final double periodNs;
    private final double thresholdCodes;
    private final int baselineSamples;

    /**
     * @param periodNs        sample period in ns (pdl2: 8)
     * @param thresholdCodes  threshold above baseline in ADC codes (> 0; choose several noise σ)
     * @param baselineSamples number of leading samples averaged for the baseline (default 4)
     */
    public LeadingEdgeTimer(double periodNs, double thresholdCodes, int baselineSamples) {
        Waveforms.checkPeriod(periodNs);
        if (!(thresholdCodes > 0)) throw new IllegalArgumentException("threshold must be > 0 codes, got " + thresholdCodes);
        Waveforms.checkBaselineSamples(baselineSamples);
        this.periodNs = periodNs;
        this.thresholdCodes = thresholdCodes;
        this.baselineSamples = baselineSamples;
    }

    /** Threshold {@code thresholdCodes}, baseline from the first {@value #DEFAULT_BASELINE_SAMPLES} samples. */
    public LeadingEdgeTimer(double periodNs, double thresholdCodes) {
        this(periodNs, thresholdCodes, DEFAULT_BASELINE_SAMPLES);
    }

    @Override
    public double time(short[] x) {
        double level = Waveforms.baseline(x, baselineSamples) + thresholdCodes;
        for (int i = Math.max(baselineSamples, 1); i < x.length; i++) {
            if (x[i] >= level && x[i - 1] < level) return Waveforms.crossing(i - 1, x[i - 1], x[i], level) * periodNs;
        }
        return Double.NaN;
    }

    @Override
    public String name() { return "LE"; }
}
