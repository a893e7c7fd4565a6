package org.pulsedl.daq.bench;

import java.util.List;
import org.pulsedl.daq.stats.GaussianFit;
import org.pulsedl.daq.stats.Histogram;

/**
 * What one method achieved on one benchmark point. Time fields are two-channel (σ of t̂0 − t̂1 − offset);
 * {@code null} where the method has no such estimate.
 *
 * @param meanDtPs      mean of Δt, ps (subtracted before the histogram and its fit)
 * @param sigmaDtPs     sample standard deviation of Δt, ps
 * @param sigmaDtErrPs  its statistical uncertainty σ/√(2(N−1)), ps
 * @param fwhmDtPs      FWHM of a Gaussian fitted to the Δt histogram, ps
 * @param energyResPct  σ(Ê/E)/mean(Ê/E) in %, pooled over channels
 * @param energyFwhmPct 2.355 × energyResPct
 * @param nEvents       events that entered the time statistic (the energy one for energy-only methods)
 * @param nFailed       events for which the method returned no estimate in some channel
 * @param dtFit         the Gaussian fit of the Δt histogram (ps, mean subtracted), or null
 * @param energyFit     the Gaussian fit of the relative-energy histogram (% deviation from the mean), or null
 * @param truth         the method against the dataset's truth labels, or null when the dataset has none
 * @param spectrum      the energy spectrum with its fitted lines when the amplitude varies, or null
 * @param dtVsAmplitude σΔt in amplitude slices when the amplitude varies, or null
 * @param perEvent      every window's estimates, for {@code bench --per-event}
 * @param flags         reasons not to read a number as a plain result (empty when there are none)
 */
public record MethodResult(String name,
                           Double meanDtPs, Double sigmaDtPs, Double sigmaDtErrPs, Double fwhmDtPs,
                           Double energyResPct, Double energyFwhmPct,
                           int nEvents, int nFailed,
                           FitSummary dtFit, FitSummary energyFit,
                           TruthMetrics truth, EnergySpectrum spectrum, List<AmplitudeSlices.Slice> dtVsAmplitude,
                           PerEvent perEvent, List<Flag> flags) {
    /**
     * The method's estimates of every window, {@code [event][channel]}; null where it makes no such estimate.
     *
     * @param timesNs  time after the first sample, ns
     * @param energies amplitude, ADC codes (the method's own scale)
     */
    public record PerEvent(double[][] timesNs, double[][] energies) {}

    public MethodResult {
        flags = List.copyOf(flags);
    }

    /** The flags about {@code quantity} ({@link Flag#TIME} or {@link Flag#ENERGY}). */
    public List<Flag> flagsFor(String quantity) {
        return flags.stream().filter(f -> f.quantity().equals(quantity)).toList();
    }

    MethodResult withFlags(List<Flag> newFlags) {
        return new MethodResult(name, meanDtPs, sigmaDtPs, sigmaDtErrPs, fwhmDtPs, energyResPct, energyFwhmPct, nEvents, nFailed,
                dtFit, energyFit, truth, spectrum, dtVsAmplitude, perEvent, newFlags);
    }

    /** A Gaussian fit together with the histogram it was fitted to (for plots). */
    public record FitSummary(GaussianFit fit, Histogram histogram) {
        public double mean() { return fit.mean(); }
        public double sigma() { return fit.sigma(); }
        public double fwhm() { return fit.fwhm(); }
        public double chi2PerNdf() { return fit.chi2PerNdf(); }
    }
}
