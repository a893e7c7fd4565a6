package org.pulsedl.daq.stats;

/**
 * Mean and spread of a sample, with NaN entries (estimator failures) counted and excluded.
 *
 * @param n          number of finite values used
 * @param nanCount   number of NaN (or infinite) values excluded
 * @param mean       sample mean
 * @param sigma      sample standard deviation (N − 1 denominator)
 */
public record SampleStats(int n, int nanCount, double mean, double sigma) {

    /** Conversion σ → FWHM for a Gaussian, 2·√(2 ln 2). */
    public static final double FWHM_PER_SIGMA = 2 * Math.sqrt(2 * Math.log(2));

    /** Statistics of {@code values}; NaN/infinite entries are excluded and counted. */
    public static SampleStats of(double[] values) {
        int n = 0, bad = 0;
        double mean = 0, m2 = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) { bad++; continue; }
            n++;
            double delta = v - mean;   // Welford: stable for large offsets such as absolute times
            mean += delta / n;
            m2 += delta * (v - mean);
        }
        double sigma = n > 1 ? Math.sqrt(m2 / (n - 1)) : Double.NaN;
        return new SampleStats(n, bad, n > 0 ? mean : Double.NaN, sigma);
    }

    /** Standard error of the mean, σ/√N. */
    public double meanError() { return sigma / Math.sqrt(n); }

    /** Statistical uncertainty of σ for Gaussian data, σ/√(2(N − 1)). */
    public double sigmaError() { return sigma / Math.sqrt(2.0 * (n - 1)); }

    /** FWHM computed <em>from σ</em> as 2.355·σ (not from a fit). */
    public double fwhmFromSigma() { return FWHM_PER_SIGMA * sigma; }

    /** Relative spread σ/mean (a fraction; the energy resolution in % is 100× this). */
    public double relativeSigma() { return sigma / mean; }

    /** Uncertainty of σ/mean, neglecting the (much smaller) error of the mean. */
    public double relativeSigmaError() { return sigmaError() / Math.abs(mean); }

    /** Fraction of entries that were NaN. */
    public double nanFraction() { return n + nanCount == 0 ? 0 : (double) nanCount / (n + nanCount); }
}
