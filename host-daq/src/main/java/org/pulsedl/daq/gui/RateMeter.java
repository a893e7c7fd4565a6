package org.pulsedl.daq.gui;

/** Events per second from a running count read now and then: the increase over the time since the last reading. */
final class RateMeter {
    private long lastCount = -1;
    private long lastNanos;
    private double rate;

    /** The rate between the previous reading and this one ({@code count} at {@code nanos}); 0 at the first. */
    synchronized double update(long count, long nanos) {
        if (lastCount >= 0 && nanos > lastNanos && count >= lastCount) {
            rate = (count - lastCount) / ((nanos - lastNanos) / 1e9);
        } else if (count < lastCount) {
            rate = 0;   // a new run started
        }
        lastCount = count;
        lastNanos = nanos;
        return rate;
    }
}
