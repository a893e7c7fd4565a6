package org.pulsedl.daq.gui;

import java.util.Locale;
import org.pulsedl.daq.stats.GaussianFit;

/**
 * The Δt histogram (t₀ − t₁ of the two channels of one event, ps) with its live Gaussian fit. σ and FWHM are of
 * the two-channel difference; σ/√2 is the per-channel value for two equal, independent channels (DESIGN §3), and
 * both are labelled as such.
 */
final class DeltaTView {
    private final HistogramView view = new HistogramView("Δt = t₀ − t₁ (two channels)", "Δt [ps]");

    HistogramView view() { return view; }

    void show(LiveSnapshot s) {
        GaussianFit f = s.deltaTFit();
        view.show(s.deltaT(), f == null ? null : x -> f.normalisation() * density(x, f.mean(), f.sigma()), text(f, s.pairs()));
    }

    static String text(GaussianFit f, long pairs) {
        if (f == null) return String.format(Locale.ROOT, "%,d pairs: collecting for the Gaussian fit", pairs);
        return String.format(Locale.ROOT, "two-channel: σ %.1f ± %.1f ps, FWHM %.1f ps (Gaussian fit, χ²/ndf %.2f) · "
                + "per channel σ/√2 = %.1f ps · %,d pairs", f.sigma(), f.sigmaError(), f.fwhm(), f.chi2PerNdf(),
                f.sigma() / Math.sqrt(2), pairs);
    }

    /** The normal density at {@code x}. */
    static double density(double x, double mean, double sigma) {
        double z = (x - mean) / sigma;
        return Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI));
    }
}
