package org.pulsedl.daq.emulator;

import java.util.SplittableRandom;

/**
 * The timestamps of the emulated events in ADC-clock ticks (one tick per sample, DESIGN §5), strictly increasing.
 * Periodic: event i at ⌊i·f/r⌋; Poisson: the running sum of exponential gaps of mean f/r ticks, floored, at least
 * one tick after the previous event. Deterministic for a given seed; not thread-safe.
 */
final class EventClock {
    private final Arrival arrival;
    private final double ticksPerEvent;
    private final SplittableRandom rnd;
    private long index;
    private double exact;
    private long last = -1;

    EventClock(Arrival arrival, double rateHz, double clockHz, long seed) {
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw new IllegalArgumentException("event rate must be > 0 per second, got " + rateHz);
        }
        this.arrival = arrival;
        this.ticksPerEvent = clockHz / rateHz;
        this.rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    /** The tick of the next event. */
    long next() {
        long t;
        if (arrival == Arrival.PERIODIC) {
            t = (long) Math.floor(index * ticksPerEvent);
        } else {
            exact += -Math.log(1 - rnd.nextDouble()) * ticksPerEvent;
            t = (long) Math.floor(exact);
        }
        index++;
        t = Math.max(t, last + 1);
        last = t;
        return t;
    }
}
