package org.pulsedl.daq.sim;

/**
 * A noise-free detector pulse normalised to unit peak, as a function of time since its onset.
 * Implementations are immutable and thread-safe. Both the simulator and the Cramér–Rao bound use the
 * same shape object, so the bound is always computed for the pulses actually simulated.
 */
public interface PulseShape {
    /** Value at {@code tNs} nanoseconds after the onset; 0 for {@code tNs < 0}; max over t equals 1. */
    double value(double tNs);

    /** Derivative d value / dt in 1/ns at {@code tNs} (0 before the onset). */
    double derivative(double tNs);

    /** Time of the peak after the onset, in ns. */
    double peakTimeNs();

    /** A short human-readable description with its parameters, e.g. {@code CR-RC^1 tau=16 ns}. */
    String describe();
}
