package org.pulsedl.daq.bench.robust;

import java.util.ArrayList;
import java.util.List;
import org.pulsedl.daq.sim.AmplitudeDistribution;
import org.pulsedl.daq.sim.SimulatorConfig;

/**
 * The points of the real-detector matrix (issue 9, docs/benchmark.md "Robustness"): what a real setup varies
 * around the default operating point, one factor at a time, plus a few corners where several factors are off
 * at once. The noise σ stays the base point's (a detector's noise does not follow the pulse height) except on
 * the SNR axis, where it is set by the SNR at the base amplitude.
 */
public final class RobustnessMatrix {
    /** Onset shifts in samples around the base onset (a trigger that places the pulse ±2 samples off). */
    static final int[] ONSET_SHIFTS = {-2, -1, 1, 2};
    /** Offset of channel 1 against channel 0, ns (cable lengths, not aligned in a real setup). */
    static final double[] OFFSETS_NS = {1, 2, 3, 4, 5};
    /** Baseline, fraction of full scale. */
    static final double[] BASELINES = {0.02, 0.035, 0.075, 0.10};
    /** Amplitude, fraction of full scale. */
    static final double[] AMPLITUDES = {0.10, 0.20, 0.30, 0.50, 0.90};
    /** SNR at the base amplitude, dB. */
    static final double[] SNRS_DB = {30, 35, 40, 55};
    /** The goals hold for amplitudes from this fraction of full scale up. */
    public static final double GOAL_MIN_AMPLITUDE = 0.20;

    private RobustnessMatrix() {}

    /**
     * The matrix around {@code base} (its first channel offset is kept for channel 0): the base point first,
     * then each factor, the corners, and last an amplitude spectrum for the energy linearity.
     */
    public static List<RobustnessPoint> around(SimulatorConfig base) {
        if (base.channels() != 2) {
            throw new IllegalArgumentException("--robustness needs 2 channels (the two-channel σΔt), got --channels " + base.channels());
        }
        if (!(base.amplitude() instanceof AmplitudeDistribution.Fixed)) {
            throw new IllegalArgumentException("--robustness varies the amplitude itself: give a fixed --amplitude, not --amplitude-dist "
                    + base.amplitude().describe());
        }
        double sigma = base.noiseSigmaCodes();
        SimulatorConfig b = base.withNoiseSigmaCodes(sigma);
        List<RobustnessPoint> points = new ArrayList<>();
        points.add(new RobustnessPoint("default", "default", "", b));
        for (int s : ONSET_SHIFTS) {
            int onset = b.onsetSample() + s;
            points.add(new RobustnessPoint(String.format("onset %+d", s), "onset", Integer.toString(onset), withOnset(b, onset)));
        }
        for (double o : OFFSETS_NS) {
            points.add(new RobustnessPoint("offset " + num(o) + " ns", "offset_ns", Double.toString(o), withOffset(b, o)));
        }
        for (double f : BASELINES) {
            points.add(new RobustnessPoint("baseline " + num(100 * f) + " %", "baseline_fraction", Double.toString(f),
                    b.withBaselineFraction(f)));
        }
        for (double a : AMPLITUDES) {
            points.add(new RobustnessPoint("amplitude " + num(100 * a) + " %", "amplitude_fraction", Double.toString(a),
                    b.withAmplitude(new AmplitudeDistribution.Fixed(a))));
        }
        for (double db : SNRS_DB) {
            points.add(new RobustnessPoint("SNR " + num(db) + " dB", "snr_db", Double.toString(db),
                    b.withNoiseSigmaCodes(base.withSnrDb(db).noiseSigmaCodes())));
        }
        // Corners: every factor off at once, at both ends; baseline + amplitude stay below full scale (no clipping).
        int early = b.onsetSample() + ONSET_SHIFTS[0], late = b.onsetSample() + ONSET_SHIFTS[ONSET_SHIFTS.length - 1];
        double lowNoise = base.withSnrDb(SNRS_DB[SNRS_DB.length - 1]).noiseSigmaCodes();
        double highNoise = base.withSnrDb(SNRS_DB[0]).noiseSigmaCodes();
        points.add(corner("corner A", early, 5, 0.10, 0.80, lowNoise, b));
        points.add(corner("corner B", late, 5, 0.02, 0.20, sigma, b));
        points.add(corner("corner C", late, 5, 0.10, 0.80, highNoise, b));
        points.add(corner("corner D", early, 3, 0.02, 0.90, lowNoise, b));
        points.add(new RobustnessPoint("spectrum 10–90 %", "amplitude_spectrum", "uniform:0.1:0.9",
                b.withAmplitude(new AmplitudeDistribution.Uniform(0.1, 0.9))));
        return points;
    }

    private static RobustnessPoint corner(String name, int onset, double offsetNs, double baseline, double amplitude, double sigma,
                                          SimulatorConfig b) {
        SimulatorConfig c = withOffset(withOnset(b, onset), offsetNs).withBaselineFraction(baseline)
                .withAmplitude(new AmplitudeDistribution.Fixed(amplitude)).withNoiseSigmaCodes(sigma);
        String value = String.format("onset %d, offset %s ns, baseline %s %%, amplitude %s %%, σ %.2f codes", onset, num(offsetNs),
                num(100 * baseline), num(100 * amplitude), sigma);
        return new RobustnessPoint(name, "corner", value, c);
    }

    /** A number as a person writes it: 3.5, 10, 47.4 (no trailing zeros). */
    private static String num(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static SimulatorConfig withOnset(SimulatorConfig c, int onset) {
        return new SimulatorConfig(c.shape(), c.samplingRateMsps(), c.adcBits(), c.baselineFraction(), c.samples(), onset,
                c.channelOffsetsNs(), c.noise(), c.commonJitterNs(), c.channelJitterNs(), c.amplitude(), c.seed());
    }

    private static SimulatorConfig withOffset(SimulatorConfig c, double offsetNs) {
        return c.withChannelOffsetsNs(List.of(c.channelOffsetNs(0), c.channelOffsetNs(0) + offsetNs));
    }
}
