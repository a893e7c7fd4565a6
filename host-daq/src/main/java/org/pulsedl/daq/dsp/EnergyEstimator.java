package org.pulsedl.daq.dsp;

/**
 * Estimates the pulse amplitude in one channel window. Implementations are immutable and thread-safe.
 */
public interface EnergyEstimator {
    /** Pulse amplitude above baseline in ADC codes; NaN if it cannot be estimated. */
    double energy(short[] samples);

    /** Short method name for tables and JSON, e.g. {@code trapezoid}. */
    String name();
}
