package org.pulsedl.daq.dsp;

/**
 * Estimates the arrival time of the pulse in one channel window. Implementations are immutable and
 * thread-safe (the benchmark calls one instance from many threads).
 *
 * <p>Each method has its own time reference (onset, constant-fraction point, threshold crossing…), so only
 * differences between channels, or against a calibrated offset, are comparable across methods.
 */
public interface TimeEstimator {
    /** Pulse time in ns after the first sample of {@code samples} (ADC codes); NaN if none is found. */
    double time(short[] samples);

    /** Short method name for tables and JSON, e.g. {@code dCFD}. */
    String name();
}
