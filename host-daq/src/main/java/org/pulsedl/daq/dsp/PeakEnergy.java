package org.pulsedl.daq.dsp;

/**
 * Peak amplitude: the vertex of the parabola through the maximum sample and its two neighbours, minus the
 * baseline (mean of the first few samples). Exact for a pulse that is parabolic around its peak; for a
 * CR-RC pulse sampled every half peaking time it keeps a phase-dependent bias of a few %.
 */
public final class PeakEnergy implements EnergyEstimator {
    private final int baselineSamples;

    /** @param baselineSamples leading samples averaged for the baseline (default 4) */
    public PeakEnergy(int baselineSamples) {
        Waveforms.checkBaselineSamples(baselineSamples);
        this.baselineSamples = baselineSamples;
    }

    /** Baseline from the first 4 samples. */
    public PeakEnergy() { this(LeadingEdgeTimer.DEFAULT_BASELINE_SAMPLES); }

    @Override
    public double energy(short[] x) {
        if (x.length == 0) return Double.NaN;
        double b = Waveforms.baseline(x, baselineSamples);
        int p = Waveforms.argMax(x);
        if (p == 0 || p == x.length - 1) return x[p] - b;
        double c = 0.5 * (x[p - 1] - 2.0 * x[p] + x[p + 1]);   // curvature: y = x[p] + s·d + c·d²
        double s = 0.5 * (x[p + 1] - x[p - 1]);
        double peak = c < 0 ? x[p] - s * s / (4 * c) : x[p];
        return peak - b;
    }

    @Override
    public String name() { return "peak"; }
}
