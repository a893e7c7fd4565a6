package org.pulsedl.daq.bench;

import org.pulsedl.daq.dsp.EnergyEstimator;
import org.pulsedl.daq.dsp.TimeEstimator;

/**
 * One estimation method under benchmark: the name used in reports and JSON, which estimates it makes, and
 * the estimator that makes them for one channel window in a single call (a template fit or a network gives
 * time and energy together, so it runs once per window).
 */
public record Method(String name, boolean hasTime, boolean hasEnergy, WindowEstimator estimator) {
    /** Estimates for one channel window: {@code out[0]} = time in ns from the first sample, {@code out[1]} = amplitude in codes; NaN = none. */
    @FunctionalInterface
    public interface WindowEstimator {
        void estimate(short[] samples, double[] out);
    }

    public Method {
        if (!hasTime && !hasEnergy) throw new IllegalArgumentException("method " + name + " estimates nothing");
    }

    public static Method time(String name, TimeEstimator t) {
        return new Method(name, true, false, (w, out) -> out[0] = t.time(w));
    }

    public static Method energy(String name, EnergyEstimator e) {
        return new Method(name, false, true, (w, out) -> out[1] = e.energy(w));
    }
}
