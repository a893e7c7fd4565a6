package org.pulsedl.daq.bench;

import org.pulsedl.daq.stats.SampleStats;

/**
 * A method measured against the truth (DESIGN §3 "Truth and bias"), which σΔt between two channels cannot
 * show: a bias common to both channels cancels in Δt, so a broken estimator can look better than the bound.
 *
 * @param phaseBiasPs          mean of t̂ − t_true (over channels, after removing its overall mean) in each of
 *                             {@link #PHASE_BINS} bins of the sampling phase, ps; null without true times
 * @param phaseBiasRmsPs       rms of those bin means over the phase, ps
 * @param phaseBiasMaxPs       largest |bin mean|, ps
 * @param sigmaTruthPs         per channel, σ(t̂ − t_true) after removing the mean, ps
 * @param energyBiasPct        mean(Ê/E) − 1 in %; null without true amplitudes or energies
 * @param energySlope          slope of the least-squares line Ê = a·E + b (1 for a linear, unit-gain estimator);
 *                             null when the true amplitude does not vary
 * @param energyIntercept      its intercept b, in the estimator's units; null with the slope
 * @param energyLinearityPct   largest deviation of the mean Ê in {@link #AMPLITUDE_BINS} amplitude bins from
 *                             that line, in % of the line; null when the amplitude does not vary
 */
public record TruthMetrics(double[] phaseBiasPs, Double phaseBiasRmsPs, Double phaseBiasMaxPs, double[] sigmaTruthPs,
                           Double energyBiasPct, Double energySlope, Double energyIntercept,
                           Double energyLinearityPct) {
    public static final int PHASE_BINS = 16;
    public static final int AMPLITUDE_BINS = 10;
    /** Below this relative spread the amplitude counts as fixed and linearity is not defined. */
    static final double FIXED_AMPLITUDE_SPREAD = 0.01;
    private static final int MIN_PER_BIN = 5;

    /** The metrics of estimates {@code t}/{@code e} ({@code [event][channel]}, either may be null). */
    public static TruthMetrics of(double[][] t, double[][] e, Truth truth) {
        double[] bias = null, sigma = null;
        Double rms = null, max = null;
        if (t != null && truth.hasTime()) {
            bias = phaseBias(t, truth);
            double s2 = 0, m = 0;
            int n = 0;
            for (double b : bias) {
                if (Double.isNaN(b)) continue;
                s2 += b * b;
                m = Math.max(m, Math.abs(b));
                n++;
            }
            if (n > 0) {
                rms = Math.sqrt(s2 / n);
                max = m;
            }
            sigma = perChannelSigma(t, truth);
        }
        Double eBias = null, slope = null, intercept = null, lin = null;
        if (e != null && truth.hasAmplitude()) {
            double[] ratio = new double[e.length * e[0].length];
            for (int ev = 0; ev < e.length; ev++) {
                for (int c = 0; c < e[ev].length; c++) ratio[ev * e[ev].length + c] = e[ev][c] / truth.amplitude()[ev];
            }
            SampleStats r = SampleStats.of(ratio);
            if (r.n() > 0) eBias = 100 * (r.mean() - 1);
            SampleStats a = SampleStats.of(truth.amplitude());
            if (a.n() > 2 && a.sigma() > FIXED_AMPLITUDE_SPREAD * Math.abs(a.mean())) {
                double[] line = fitLine(e, truth.amplitude());
                if (line != null) {
                    slope = line[0];
                    intercept = line[1];
                    lin = linearity(e, truth.amplitude(), line);
                }
            }
        }
        return new TruthMetrics(bias, rms, max, sigma, eBias, slope, intercept, lin);
    }

    /** Mean residual per phase bin, ps; NaN for bins with too few events. */
    private static double[] phaseBias(double[][] t, Truth truth) {
        double mean = meanResidual(t, truth.timeNs());
        double[] sum = new double[PHASE_BINS];
        int[] count = new int[PHASE_BINS];
        for (int ev = 0; ev < t.length; ev++) {
            for (int c = 0; c < t[ev].length; c++) {
                double r = t[ev][c] - truth.timeNs()[ev][c];
                if (!Double.isFinite(r)) continue;
                double phase = truth.timeNs()[ev][c] / truth.periodNs();
                phase -= Math.floor(phase);
                int bin = Math.min(PHASE_BINS - 1, (int) (phase * PHASE_BINS));
                sum[bin] += r - mean;
                count[bin]++;
            }
        }
        double[] out = new double[PHASE_BINS];
        for (int b = 0; b < PHASE_BINS; b++) out[b] = count[b] < MIN_PER_BIN ? Double.NaN : 1e3 * sum[b] / count[b];
        return out;
    }

    private static double meanResidual(double[][] t, double[][] truth) {
        double s = 0;
        long n = 0;
        for (int ev = 0; ev < t.length; ev++) {
            for (int c = 0; c < t[ev].length; c++) {
                double r = t[ev][c] - truth[ev][c];
                if (Double.isFinite(r)) { s += r; n++; }
            }
        }
        return n == 0 ? 0 : s / n;
    }

    private static double[] perChannelSigma(double[][] t, Truth truth) {
        int channels = t[0].length;
        double[] out = new double[channels];
        for (int c = 0; c < channels; c++) {
            double[] r = new double[t.length];
            for (int ev = 0; ev < t.length; ev++) r[ev] = 1e3 * (t[ev][c] - truth.timeNs()[ev][c]);
            out[c] = SampleStats.of(r).sigma();
        }
        return out;
    }

    /** Least-squares {@code Ê = a·E + b} over all channels: {a, b}, or null when degenerate. */
    private static double[] fitLine(double[][] e, double[] amplitude) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        long n = 0;
        for (int ev = 0; ev < e.length; ev++) {
            for (double y : e[ev]) {
                if (!Double.isFinite(y)) continue;
                double x = amplitude[ev];
                sx += x; sy += y; sxx += x * x; sxy += x * y;
                n++;
            }
        }
        double det = n * sxx - sx * sx;
        if (n < 3 || !(det > 0)) return null;
        double a = (n * sxy - sx * sy) / det;
        return new double[] {a, (sy - a * sx) / n};
    }

    /** Largest |mean Ê / line − 1| over amplitude bins, %. */
    private static Double linearity(double[][] e, double[] amplitude, double[] line) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double a : amplitude) { lo = Math.min(lo, a); hi = Math.max(hi, a); }
        double[] sumY = new double[AMPLITUDE_BINS], sumX = new double[AMPLITUDE_BINS];
        int[] count = new int[AMPLITUDE_BINS];
        for (int ev = 0; ev < e.length; ev++) {
            int bin = Math.min(AMPLITUDE_BINS - 1, (int) ((amplitude[ev] - lo) / (hi - lo) * AMPLITUDE_BINS));
            for (double y : e[ev]) {
                if (!Double.isFinite(y)) continue;
                sumY[bin] += y;
                sumX[bin] += amplitude[ev];
                count[bin]++;
            }
        }
        double worst = 0;
        boolean any = false;
        for (int b = 0; b < AMPLITUDE_BINS; b++) {
            if (count[b] < MIN_PER_BIN) continue;
            double x = sumX[b] / count[b], expected = line[0] * x + line[1];
            if (expected == 0) continue;
            worst = Math.max(worst, Math.abs((sumY[b] / count[b]) / expected - 1));
            any = true;
        }
        return any ? 100 * worst : null;
    }
}
