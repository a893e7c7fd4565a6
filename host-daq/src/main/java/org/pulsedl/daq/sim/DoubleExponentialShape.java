package org.pulsedl.daq.sim;

/**
 * Double-exponential pulse {@code s(t) = (exp(−t/τd) − exp(−t/τr)) / N} for t ≥ 0, the response of a
 * scintillator (decay τd) read through a fast front end (rise τr). The peak is at
 * {@code t* = τr·τd/(τd − τr) · ln(τd/τr)} and N is the unnormalised value there, so the peak is exactly 1.
 */
public final class DoubleExponentialShape implements PulseShape {
    private final double riseTauNs;
    private final double decayTauNs;
    private final double peakTimeNs;
    /** 1 / N, precomputed so a sample costs two exponentials. */
    private final double invNorm;

    public DoubleExponentialShape(double riseTauNs, double decayTauNs) {
        if (!(riseTauNs > 0) || Double.isInfinite(riseTauNs)) {
            throw new IllegalArgumentException("double-exponential rise tau must be > 0 ns, got " + riseTauNs);
        }
        if (!(decayTauNs > 0) || Double.isInfinite(decayTauNs)) {
            throw new IllegalArgumentException("double-exponential decay tau must be > 0 ns, got " + decayTauNs);
        }
        if (riseTauNs >= decayTauNs) {
            throw new IllegalArgumentException("double-exponential rise tau (" + riseTauNs
                    + " ns) must be smaller than the decay tau (" + decayTauNs + " ns)");
        }
        this.riseTauNs = riseTauNs;
        this.decayTauNs = decayTauNs;
        this.peakTimeNs = riseTauNs * decayTauNs / (decayTauNs - riseTauNs) * Math.log(decayTauNs / riseTauNs);
        this.invNorm = 1 / (Math.exp(-peakTimeNs / decayTauNs) - Math.exp(-peakTimeNs / riseTauNs));
    }

    public double riseTauNs() { return riseTauNs; }

    public double decayTauNs() { return decayTauNs; }

    @Override
    public double value(double tNs) {
        if (tNs <= 0) return 0;
        return (Math.exp(-tNs / decayTauNs) - Math.exp(-tNs / riseTauNs)) * invNorm;
    }

    @Override
    public double derivative(double tNs) {
        if (tNs < 0) return 0;
        return (Math.exp(-tNs / riseTauNs) / riseTauNs - Math.exp(-tNs / decayTauNs) / decayTauNs) * invNorm;
    }

    @Override
    public double peakTimeNs() { return peakTimeNs; }

    @Override
    public String describe() {
        return "double-exponential rise tau=" + riseTauNs + " ns decay tau=" + decayTauNs + " ns";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DoubleExponentialShape d && d.riseTauNs == riseTauNs && d.decayTauNs == decayTauNs;
    }

    @Override
    public int hashCode() { return Double.hashCode(riseTauNs) * 31 + Double.hashCode(decayTauNs); }

    @Override
    public String toString() { return describe(); }
}
