package org.pulsedl.daq.gui;

import java.util.List;
import org.pulsedl.daq.stats.GaussianFit;
import org.pulsedl.daq.stats.Histogram;
import org.pulsedl.daq.stats.LineFit;
import org.pulsedl.daq.stats.PeakFinder;

/**
 * The fits the live views draw, with the benchmark's statistics (DESIGN §3): a Gaussian on the Δt histogram
 * ({@link GaussianFit}: σ, FWHM) and the strongest line of the energy spectrum (a Gaussian on a linear
 * background, {@link LineFit}: centroid, FWHM, resolution %). Null while too few entries allow a fit.
 */
final class LiveFits {
    /** Half-width of a line's fit window in its start σ (as the benchmark's spectra). */
    static final double LINE_WINDOW_SIGMAS = 5;

    private LiveFits() {}

    static GaussianFit deltaT(Histogram h) {
        if (h == null) return null;
        try {
            return GaussianFit.fit(h);
        } catch (IllegalArgumentException tooFew) {
            return null;
        }
    }

    static LineFit line(Histogram h) {
        if (h == null || h.inRange() < GaussianFit.MIN_ENTRIES) return null;
        List<PeakFinder.Peak> peaks = PeakFinder.find(h, 1);
        if (peaks.isEmpty()) return null;
        PeakFinder.Peak p = peaks.get(0);
        double sigma0 = Math.max(p.sigma(), h.binWidth());
        try {
            LineFit f = LineFit.fit(h, p.position(), sigma0, LINE_WINDOW_SIGMAS * sigma0);
            return f.sigma() > 0 && f.centroid() != 0 ? f : null;
        } catch (IllegalArgumentException tooFew) {
            return null;
        }
    }
}
