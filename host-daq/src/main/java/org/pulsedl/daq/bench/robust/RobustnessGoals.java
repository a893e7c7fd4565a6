package org.pulsedl.daq.bench.robust;

import java.util.ArrayList;
import java.util.List;
import org.pulsedl.daq.sim.AmplitudeDistribution;

/**
 * The goals issue 9 sets for a network over the real-detector matrix, and which of them a row misses. One
 * definition, used by the table, the JSON and the plot.
 */
public final class RobustnessGoals {
    /** σΔt / CRLB at every point with amplitude ≥ {@link RobustnessMatrix#GOAL_MIN_AMPLITUDE}. */
    public static final double TIME = 1.10;
    /** σΔt / CRLB at the default point. */
    public static final double TIME_DEFAULT = 1.05;
    /** Phase-bias rms at the default point, ps. */
    public static final double PHASE_BIAS_PS = 10;
    /** σE / the bound. */
    public static final double ENERGY = 1.20;
    /** Energy linearity (and the gain shift against the default point's calibration), %. */
    public static final double LINEARITY_PCT = 0.5;

    private RobustnessGoals() {}

    /** The goals {@code r} misses, each as a short text with the number; empty when it meets them all. */
    public static List<String> misses(RobustnessRow r) {
        List<String> out = new ArrayList<>();
        RobustnessPoint p = r.point();
        boolean isDefault = p.factor().equals("default");
        boolean covered = p.config().amplitude() instanceof AmplitudeDistribution.Fixed f
                && f.fraction() >= RobustnessMatrix.GOAL_MIN_AMPLITUDE - 1e-9;
        double timeGoal = isDefault ? TIME_DEFAULT : TIME;
        if (covered && r.sigmaDtOverCrlb() != null && r.sigmaDtOverCrlb() > timeGoal) {
            out.add(String.format("σΔt %.3f× > %.2f×", r.sigmaDtOverCrlb(), timeGoal));
        }
        if (isDefault && r.phaseBiasRmsPs() != null && r.phaseBiasRmsPs() > PHASE_BIAS_PS) {
            out.add(String.format("phase bias %.1f ps > %.0f ps", r.phaseBiasRmsPs(), PHASE_BIAS_PS));
        }
        if (covered && r.energyOverBound() != null && r.energyOverBound() > ENERGY) {
            out.add(String.format("σE %.3f× > %.2f×", r.energyOverBound(), ENERGY));
        }
        if (covered && r.energyShiftPct() != null && Math.abs(r.energyShiftPct()) > LINEARITY_PCT) {
            out.add(String.format("gain shift %+.2f %% beyond ±%.1f %%", r.energyShiftPct(), LINEARITY_PCT));
        }
        if (r.linearityPct() != null && Math.abs(r.linearityPct()) > LINEARITY_PCT) {
            out.add(String.format("linearity %.2f %% > %.1f %%", Math.abs(r.linearityPct()), LINEARITY_PCT));
        }
        return out;
    }
}
