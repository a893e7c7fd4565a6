package org.pulsedl.daq.emulator;

/** How the emulated detector's events arrive in time. */
public enum Arrival {
    /** One event every 1/rate seconds exactly (a pulser). */
    PERIODIC,
    /** Exponential gaps of mean 1/rate (a radioactive source). */
    POISSON
}
