package org.pulsedl.daq.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pulsedl.daq.stats.Histogram;
import org.pulsedl.daq.stats.LineFit;
import org.pulsedl.daq.stats.PeakFinder;

/**
 * The energy spectrum of one method when the amplitude varies (issue 9 "energy spectra"): every channel
 * window's energy, calibrated to the true amplitude by the method's own linearity line when the truth is known,
 * and its lines found and fitted with a Gaussian on a linear background. The FWHM of a line relative to its
 * centroid is the energy resolution at that line, the number a spectroscopist quotes.
 *
 * @param calibrated true when the energies are mapped to true-amplitude codes by Ê = a·E + b
 * @param unit       the unit of the axis
 * @param histogram  the whole spectrum (for the plot)
 * @param lines      the fitted lines, highest first
 */
public record EnergySpectrum(boolean calibrated, String unit, Histogram histogram, List<LineFit> lines) {
    /** Lines fitted at most. */
    static final int MAX_LINES = 3;
    /** Half-width of a line's fit window in its start σ. */
    static final double WINDOW_SIGMAS = 5;
    private static final int MIN_BINS = 64, MAX_BINS = 1024, ENTRIES_PER_BIN = 40, FIT_BINS = 50;

    /** The spectrum of energies {@code e} ({@code [event][channel]}), calibrated when {@code truth} allows. */
    public static EnergySpectrum of(double[][] e, TruthMetrics truth) {
        boolean calibrated = truth != null && truth.energySlope() != null && truth.energySlope() != 0;
        double[] values = Arrays.stream(e).flatMapToDouble(Arrays::stream).filter(Double::isFinite)
                .map(v -> calibrated ? (v - truth.energyIntercept()) / truth.energySlope() : v).sorted().toArray();
        if (values.length < ENTRIES_PER_BIN) return null;
        double hi = values[(int) Math.floor(0.999 * (values.length - 1))] * 1.05;
        double lo = Math.min(0, values[0]);
        if (!(hi > lo)) return null;
        int bins = Math.max(MIN_BINS, Math.min(MAX_BINS, values.length / ENTRIES_PER_BIN));
        Histogram h = Histogram.of(values, lo, hi, bins);
        List<LineFit> lines = new ArrayList<>();
        for (PeakFinder.Peak p : PeakFinder.find(h, MAX_LINES)) {
            double sigma0 = Math.max(p.sigma(), h.binWidth() / 2);
            double half = WINDOW_SIGMAS * sigma0;
            try {
                Histogram fine = Histogram.of(values, p.position() - half, p.position() + half, FIT_BINS);
                lines.add(LineFit.fit(fine, p.position(), sigma0, half));
            } catch (IllegalArgumentException tooFew) {
                // A peak with too few counts for a five-parameter fit is not reported as a line.
            }
        }
        return new EnergySpectrum(calibrated, calibrated ? "true-amplitude codes" : "estimator units", h, List.copyOf(lines));
    }
}
