package org.pulsedl.daq.acq;

import java.util.List;
import org.pulsedl.daq.bench.EnergySpectrum;
import org.pulsedl.daq.bench.MethodResult;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.daq.bench.ResolutionBenchmark;
import org.pulsedl.daq.listmode.ListModeHeader;
import org.pulsedl.daq.listmode.OutputScale;
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

    private final double tickNs;
    private final OutputScale time;
    private final OutputScale energy;
    private final int timeIndex;
    private final int energyIndex;
    private final Reservoir dtPs = new Reservoir(KEEP);
    private final Reservoir energies = new Reservoir(KEEP);
    private long records;
    private long pileup;
    private long saturated;
    // The last record seen, to pair the channels of one event across batch boundaries.
    private long lastTimestamp = -1;
    private double lastTimeCh0 = Double.NaN;

    public EventAnalysis(ListModeHeader header) {
        int[] roles = NeuralModel.outputRoles(header.model(), "model '" + header.model().name() + "'");
        List<OutputScale> scales = header.scales();
        this.tickNs = header.tickNs();
        this.timeIndex = roles[0];
        this.energyIndex = roles[1];
        this.time = roles[0] >= 0 ? scales.get(roles[0]) : null;
        this.energy = roles[1] >= 0 ? scales.get(roles[1]) : null;
    }

    public void accept(ResultBatch batch) {
        for (int i = 0; i < batch.size(); i++) {
            records++;
            int flags = batch.flags()[i];
            if ((flags & EventFlag.PILE_UP.mask()) != 0) pileup++;
            if ((flags & EventFlag.ADC_SATURATED.mask()) != 0) saturated++;
            long ts = batch.timestamps()[i];
            int ch = batch.channels()[i];
            if (energy != null) energies.add(energy.physical(batch.output(i, energyIndex)));
            if (time == null) continue;
            // Absolute time of the pulse: the window's trigger tick plus the network's time within the window.
            double tNs = ts * tickNs + time.physical(batch.output(i, timeIndex));
            if (ch == 0) {
                lastTimeCh0 = tNs;
                lastTimestamp = ts;
            } else if (ch == 1 && ts == lastTimestamp && !Double.isNaN(lastTimeCh0)) {
                dtPs.add((lastTimeCh0 - tNs) * 1e3);
                lastTimeCh0 = Double.NaN;
            }
        }
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
            spectrum = new AnalysisSummary.Energy(energies.seen(), energy.unit(),
                    line == null ? null : line.centroid(), line == null ? null : line.sigma(),
                    line == null ? null : line.fwhm(), line == null ? null : line.fwhmPct());
        }
        return new AnalysisSummary(records, pileup, saturated, timing, spectrum);
    }
}
