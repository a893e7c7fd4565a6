package org.pulsedl.daq.gui;

import java.util.Locale;
import org.pulsedl.daq.stats.LineFit;

/** The energy spectrum with the fit of its strongest line (a Gaussian on a linear background) and the resolution. */
final class SpectrumView {
    private final HistogramView view = new HistogramView("Energy spectrum", "energy");

    HistogramView view() { return view; }

    void show(LiveSnapshot s) {
        LineFit f = s.line();
        view.chart().getXYPlot().getDomainAxis().setLabel("energy" + (s.energyUnit().isEmpty() ? "" : " [" + s.energyUnit() + "]"));
        long entries = s.energy() == null ? 0 : s.energy().total();
        if (f == null || s.energy() == null) {
            view.show(s.energy(), null, String.format(Locale.ROOT, "%,d entries: collecting for the line fit", entries));
            return;
        }
        // The background is counts per bin of the fitted histogram: per unit of energy it is that over the bin width.
        double fitBin = s.energy().binWidth();
        view.show(s.energy(), x -> f.area() * DeltaTView.density(x, f.centroid(), f.sigma())
                + (f.background() + f.slope() * (x - f.centroid())) / fitBin, text(f, s.energyUnit(), entries));
    }

    static String text(LineFit f, String unit, long entries) {
        return String.format(Locale.ROOT, "line at %.2f %s: σ %.2f, FWHM %.2f %s → resolution %.2f %% FWHM (χ²/ndf %.2f) · %,d entries",
                f.centroid(), unit, f.sigma(), f.fwhm(), unit, f.fwhmPct(), f.chi2PerNdf(), entries);
    }
}
