package org.pulsedl.daq.bench.robust;

import java.util.List;
import org.pulsedl.daq.bench.BenchmarkPoint;
import org.pulsedl.daq.bench.Flag;
import org.pulsedl.daq.bench.MethodResult;
import org.pulsedl.daq.bench.TruthMetrics;

/**
 * One method at one matrix point, in the figures the robustness goals are stated in (issue 9).
 *
 * @param sigmaDtOverCrlb   two-channel σΔt / the bound (null on the spectrum point: no single bound)
 * @param sigmaDtOverCrlbErr its statistical error
 * @param phaseBiasRmsPs    rms over the sampling phase of the mean t̂ − t_true, ps
 * @param energyOverBound   σ(Ê/E)/mean / the bound's σA/A (null on the spectrum point)
 * @param energyBiasPct     mean(Ê/E) − 1, %
 * @param energyShiftPct    the gain here against the default point's, %: what a calibration made at the default
 *                          point gets wrong here (null when this method or the default point has no energy)
 * @param linearityPct      largest deviation from the fitted line over the amplitude range, % (spectrum point only)
 * @param flags             the method's flags at this point
 */
public record RobustnessRow(RobustnessPoint point, String method, BenchmarkPoint result,
                           Double sigmaDtOverCrlb, Double sigmaDtOverCrlbErr, Double phaseBiasRmsPs,
                           Double energyOverBound, Double energyBiasPct, Double energyShiftPct, Double linearityPct,
                           List<Flag> flags) {

    /** The row of {@code m} measured at {@code p}; {@code defaultGain} is the default point's mean Ê/E (or null). */
    static RobustnessRow of(RobustnessPoint p, BenchmarkPoint r, MethodResult m, Double defaultGain) {
        boolean single = !p.spectrum() && r.crlb() != null;
        Double dt = single && m.sigmaDtPs() != null ? m.sigmaDtPs() / r.crlb().sigmaDtPs() : null;
        Double dtErr = dt == null ? null : m.sigmaDtErrPs() / r.crlb().sigmaDtPs();
        Double e = single && m.energyResPct() != null ? m.energyResPct() / r.crlb().sigmaARelPct() : null;
        TruthMetrics t = m.truth();
        Double bias = t == null ? null : t.energyBiasPct();
        Double shift = bias == null || defaultGain == null ? null : 100 * ((1 + bias / 100) / defaultGain - 1);
        return new RobustnessRow(p, m.name(), r, dt, dtErr, t == null ? null : t.phaseBiasRmsPs(), e, bias, shift,
                t == null ? null : t.energyLinearityPct(), m.flags());
    }

    /** The flag codes, for the table. */
    public String flagCodes() {
        return String.join(",", flags.stream().map(f -> f.code() + "(" + f.quantity().charAt(0) + ")").toList());
    }
}
