package org.pulsedl.daq.bench;

import java.util.ArrayList;
import java.util.List;
import org.pulsedl.daq.stats.SampleStats;

/**
 * Decides which {@link Flag}s a method's result gets (DESIGN §3 "Truth and bias"). The thresholds are
 * chosen so that an efficient unbiased estimator on Gaussian noise is not flagged at the benchmark's event
 * counts, and each is stated in the flag's message.
 */
final class MethodFlags {
    /** Statistical errors below the bound that count as "below", not as a fluctuation. */
    static final double BELOW_BOUND_ERRORS = 3;
    /** Per-channel σ(t̂ − t_true) over σΔt/√2 above which Δt hides error common to both channels. */
    static final double HIDDEN_ERROR_RATIO = 1.5;
    /**
     * Shape, not significance: at 20,000 events χ²/ndf exceeds 3 for histograms that look Gaussian to the eye
     * (the template fit's Δt gives 4.5 with its FWHM equal to 2.355σ within 0.1 %), so a poor fit is judged by
     * the size of the deviation: χ²/ndf, the excess kurtosis and the FWHM against 2.355σ.
     */
    static final double MAX_CHI2_NDF = 10;
    static final double MAX_EXCESS_KURTOSIS = 1.0;
    /** Allowed relative difference between the fitted FWHM and 2.355·σ. */
    static final double FWHM_TOLERANCE = 0.15;
    /** Share of estimates stuck at the same extreme value that marks a saturating estimator. */
    static final double SATURATED_FRACTION = 0.005;

    private MethodFlags() {}

    /**
     * @param t             time estimates {@code [event][channel]}, or null
     * @param e             energy estimates {@code [event][channel]}, or null
     * @param trueAmplitude {@code [event]}, or null; energies are judged relative to it, as in the statistics
     * @param varyingAmplitude the events' amplitudes when they vary, else null
     */
    static List<Flag> of(MethodResult r, CrlbSummary crlb, TruthMetrics truth, double[][] t, double[][] e, double[] trueAmplitude,
                         double[] varyingAmplitude) {
        List<Flag> flags = new ArrayList<>();
        if (e != null && trueAmplitude == null && varyingAmplitude != null) {
            SampleStats a = SampleStats.of(varyingAmplitude);
            flags.add(new Flag("amplitude_spread", Flag.ENERGY, String.format("the amplitude varies (σ/mean %.0f %%) and the "
                    + "dataset has no true amplitudes: σE/E is the width of the spectrum, not the resolution; read the "
                    + "FWHM at a line of the spectrum", 100 * a.sigma() / a.mean())));
        }
        Double perChannel = truth == null ? null : meanOf(truth.sigmaTruthPs());
        if (crlb != null && r.sigmaDtPs() != null && r.sigmaDtErrPs() != null
                && r.sigmaDtPs() + BELOW_BOUND_ERRORS * r.sigmaDtErrPs() < crlb.sigmaDtPs()) {
            String why = perChannel != null && perChannel > HIDDEN_ERROR_RATIO * r.sigmaDtPs() / Math.sqrt(2)
                    ? String.format("a bias common to both channels cancels in Δt (σ(t̂ − t_true) per channel is %.1f ps)", perChannel)
                    : "the method knows something the bound's model lacks (the bound takes amplitude, time and baseline "
                            + "as unknown; e.g. a baseline fixed in training)";
            flags.add(new Flag("below_bound", Flag.TIME, String.format(
                    "σΔt %.1f ± %.1f ps is more than %.0f errors below the bound %.1f ps: %s",
                    r.sigmaDtPs(), r.sigmaDtErrPs(), BELOW_BOUND_ERRORS, crlb.sigmaDtPs(), why)));
        }
        if (perChannel != null && r.sigmaDtPs() != null && perChannel > HIDDEN_ERROR_RATIO * r.sigmaDtPs() / Math.sqrt(2)) {
            flags.add(new Flag("hidden_channel_error", Flag.TIME, String.format(
                    "σ(t̂ − t_true) per channel is %.1f ps, %.1f× σΔt/√2 = %.1f ps: Δt hides an error common to both "
                            + "channels (phase bias rms %s ps), which stops cancelling when the channels differ",
                    perChannel, perChannel / (r.sigmaDtPs() / Math.sqrt(2)), r.sigmaDtPs() / Math.sqrt(2),
                    truth.phaseBiasRmsPs() == null ? "—" : String.format("%.1f", truth.phaseBiasRmsPs()))));
        }
        if (crlb != null && r.energyResPct() != null && r.nEvents() > 1) {
            double err = r.energyResPct() / Math.sqrt(2.0 * (r.nEvents() - 1));
            if (r.energyResPct() + BELOW_BOUND_ERRORS * err < crlb.sigmaARelPct()) {
                flags.add(new Flag("below_bound", Flag.ENERGY, String.format(
                        "σE/E %.4f ± %.4f %% is more than %.0f errors below the bound %.4f %%: the method knows something "
                                + "the bound's model lacks, or its energy is biased", r.energyResPct(), err,
                        BELOW_BOUND_ERRORS, crlb.sigmaARelPct())));
            }
        }
        fitFlag(flags, Flag.TIME, r.dtFit(), r.sigmaDtPs(), t == null ? null : excessKurtosis(differences(t)));
        fitFlag(flags, Flag.ENERGY, r.energyFit(), r.energyResPct(), e == null ? null : excessKurtosis(relative(e, trueAmplitude)));
        saturation(flags, Flag.TIME, t);
        saturation(flags, Flag.ENERGY, e);
        return flags;
    }

    private static void fitFlag(List<Flag> flags, String quantity, MethodResult.FitSummary fit, Double sigma, Double kurtosis) {
        if (fit == null) return;
        if (fit.chi2PerNdf() > MAX_CHI2_NDF) {
            flags.add(new Flag("poor_gaussian_fit", quantity, String.format(
                    "the %s histogram is not Gaussian (fit χ²/ndf %.1f > %.0f): σ and FWHM describe it poorly",
                    quantity, fit.chi2PerNdf(), MAX_CHI2_NDF)));
        } else if (kurtosis != null && Math.abs(kurtosis) > MAX_EXCESS_KURTOSIS) {
            flags.add(new Flag("poor_gaussian_fit", quantity, String.format(
                    "the %s distribution has excess kurtosis %.2f (a Gaussian has 0; limit ±%.1f): %s",
                    quantity, kurtosis, MAX_EXCESS_KURTOSIS, kurtosis > 0 ? "heavy tails" : "flat-topped")));
        } else if (sigma != null && Math.abs(fit.fwhm() / (SampleStats.FWHM_PER_SIGMA * sigma) - 1) > FWHM_TOLERANCE) {
            flags.add(new Flag("poor_gaussian_fit", quantity, String.format(
                    "the fitted FWHM %.1f differs from 2.355σ = %.1f by more than %.0f %%: tails or a non-Gaussian core",
                    fit.fwhm(), SampleStats.FWHM_PER_SIGMA * sigma, 100 * FWHM_TOLERANCE)));
        }
    }

    /** Many estimates equal to the same extreme value: the estimator clips at a range edge. */
    private static void saturation(List<Flag> flags, String quantity, double[][] v) {
        if (v == null) return;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        long n = 0;
        for (double[] row : v) {
            for (double x : row) {
                if (!Double.isFinite(x)) continue;
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
                n++;
            }
        }
        if (n == 0) return;
        if (lo == hi) {
            if (n > 5) flags.add(new Flag("saturated", quantity, String.format("all %d %s estimates are %s", n, quantity, lo)));
            return;
        }
        long atLo = 0, atHi = 0;
        for (double[] row : v) for (double x : row) { if (x == lo) atLo++; if (x == hi) atHi++; }
        long stuck = Math.max(atLo, atHi);
        if (stuck > Math.max(5, SATURATED_FRACTION * n)) {
            flags.add(new Flag("saturated", quantity, String.format(
                    "%d of %d %s estimates sit at the range edge %s: the estimator saturates", stuck, n, quantity,
                    atHi >= atLo ? String.valueOf(hi) : String.valueOf(lo))));
        }
    }

    /** Excess kurtosis m4/m2² − 3 of the finite values, or null with fewer than 4. */
    static Double excessKurtosis(double[] v) {
        double s = 0;
        int n = 0;
        for (double x : v) if (Double.isFinite(x)) { s += x; n++; }
        if (n < 4) return null;
        double mean = s / n, m2 = 0, m4 = 0;
        for (double x : v) {
            if (!Double.isFinite(x)) continue;
            double d = (x - mean) * (x - mean);
            m2 += d;
            m4 += d * d;
        }
        m2 /= n;
        m4 /= n;
        return m2 > 0 ? m4 / (m2 * m2) - 3 : null;
    }

    private static double[] differences(double[][] t) {
        double[] d = new double[t.length];
        for (int ev = 0; ev < t.length; ev++) d[ev] = t[ev].length < 2 ? Double.NaN : t[ev][0] - t[ev][1];
        return d;
    }

    private static double[] relative(double[][] e, double[] trueAmplitude) {
        int channels = e.length == 0 ? 0 : e[0].length;
        double[] out = new double[e.length * channels];
        for (int ev = 0; ev < e.length; ev++) {
            for (int c = 0; c < channels; c++) out[ev * channels + c] = trueAmplitude == null ? e[ev][c] : e[ev][c] / trueAmplitude[ev];
        }
        return out;
    }

    private static Double meanOf(double[] v) {
        if (v == null || v.length == 0) return null;
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
