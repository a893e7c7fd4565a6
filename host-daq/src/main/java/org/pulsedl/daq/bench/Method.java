package org.pulsedl.daq.bench;

import org.pulsedl.daq.dsp.EnergyEstimator;
import org.pulsedl.daq.dsp.TimeEstimator;

/**
 * One estimation method under benchmark: the name used in reports and JSON, which estimates it makes, and
 * the estimator that makes them for one channel window in a single call (a template fit or a network gives
 * time and energy together, so it runs once per window).
 */
public record Method(String name, boolean hasTime, boolean hasEnergy, WindowEstimator estimator, BatchEstimator batch) {
    /** Estimates for one channel window: {@code out[0]} = time in ns from the first sample, {@code out[1]} = amplitude in codes; NaN = none. */
    @FunctionalInterface
    public interface WindowEstimator {
        void estimate(short[] samples, double[] out);
    }

    /**
     * The same estimates for many windows at once, for a method that is faster in batch (the integer network);
     * {@code windows[i]} gets {@code out[i][0]} (time) and {@code out[i][1]} (energy), exactly as
     * {@link WindowEstimator} would give them one by one.
     */
    @FunctionalInterface
    public interface BatchEstimator {
        void estimate(short[][] windows, double[][] out);
    }

    public Method {
        if (!hasTime && !hasEnergy) throw new IllegalArgumentException("method " + name + " estimates nothing");
    }

    /** A method that runs one window at a time (no batch form). */
    public Method(String name, boolean hasTime, boolean hasEnergy, WindowEstimator estimator) {
        this(name, hasTime, hasEnergy, estimator, null);
    }

    public static Method time(String name, TimeEstimator t) {
        return new Method(name, true, false, (w, out) -> out[0] = t.time(w));
    }

    public static Method energy(String name, EnergyEstimator e) {
        return new Method(name, false, true, (w, out) -> out[1] = e.energy(w));
    }
}
