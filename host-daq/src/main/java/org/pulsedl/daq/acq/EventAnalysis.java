package org.pulsedl.daq.acq;

import org.pulsedl.daq.bench.EnergySpectrum;
import org.pulsedl.daq.bench.MethodResult;
import org.pulsedl.daq.bench.ResolutionBenchmark;
import org.pulsedl.daq.listmode.ListModeHeader;
import org.pulsedl.daq.stats.LineFit;
import org.pulsedl.daq.stats.SampleStats;
import org.pulsedl.protocol.EventFlag;
import org.pulsedl.protocol.ResultBatch;

/**
 * The physics of a stream of results, live or replayed, with the benchmark's statistics (DESIGN §3): raw outputs
 * become times (ps) and energies with the list-mode header's scales; the records of one event (same timestamp)
 * give the two-channel time difference Δt = t₀ − t₁, summarised by its σ, a Gaussian fit and its FWHM; the
 * energies give a spectrum whose lines are fitted for the resolution. Not thread-safe.
 */
public final class EventAnalysis {
    /** Values kept for the statistics (a uniform sample beyond this). */
    static final int KEEP = 1_000_000;

    private final EventValues values;
    private final Reservoir dtPs = new Reservoir(KEEP);
    private final Reservoir energies = new Reservoir(KEEP);
    private final EventValues.Sink sink = new EventValues.Sink() {
        @Override
        public void deltaTPs(double dt) { dtPs.add(dt); }

        @Override
        public void energy(double e) { energies.add(e); }
    };
    private long records;
    private long pileup;
    private long saturated;

    public EventAnalysis(ListModeHeader header) {
        this.values = new EventValues(header);
    }

    public void accept(ResultBatch batch) {
        for (int i = 0; i < batch.size(); i++) {
            records++;
            int flags = batch.flags()[i];
            if ((flags & EventFlag.PILE_UP.mask()) != 0) pileup++;
            if ((flags & EventFlag.ADC_SATURATED.mask()) != 0) saturated++;
        }
        values.accept(batch, sink);
    }

    public long records() { return records; }

    /** The statistics so far. */
    public AnalysisSummary summary() {
        AnalysisSummary.Timing timing = null;
        double[] dt = dtPs.values();
        SampleStats s = dt.length >= 2 ? SampleStats.of(dt) : null;
        if (s != null && s.n() >= 2) {
            MethodResult.FitSummary fit = ResolutionBenchmark.fitAroundMean(dt, s.mean());
            timing = new AnalysisSummary.Timing(dtPs.seen(), s.mean(), s.sigma(), s.sigmaError(),
                    fit == null ? null : fit.sigma(), fit == null ? null : fit.fwhm(), s.sigma() / Math.sqrt(2));
        }
        AnalysisSummary.Energy spectrum = null;
        double[] e = energies.values();
        if (e.length > 0) {
            EnergySpectrum sp = EnergySpectrum.of(new double[][] {e}, null);
            LineFit line = sp == null || sp.lines().isEmpty() ? null : sp.lines().get(0);
            spectrum = new AnalysisSummary.Energy(energies.seen(), values.units().energyUnit(),
                    line == null ? null : line.centroid(), line == null ? null : line.sigma(),
                    line == null ? null : line.fwhm(), line == null ? null : line.fwhmPct());
        }
        return new AnalysisSummary(records, pileup, saturated, timing, spectrum);
    }
}
