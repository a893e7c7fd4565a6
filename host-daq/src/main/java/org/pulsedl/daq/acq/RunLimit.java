package org.pulsedl.daq.acq;

/**
 * When a run ends: after {@code seconds} of acquisition, or once {@code records} results arrived, whichever comes
 * first (either may be absent, not both).
 */
public record RunLimit(Double seconds, Long records) {
    public RunLimit {
        if (seconds == null && records == null) throw new IllegalArgumentException("give --duration or --events");
        if (seconds != null && !(seconds > 0 && Double.isFinite(seconds))) {
            throw new IllegalArgumentException("--duration must be a number of seconds > 0, got " + seconds);
        }
        if (records != null && records < 1) throw new IllegalArgumentException("--events must be >= 1, got " + records);
    }

    boolean reached(double elapsedSeconds, long received) {
        return seconds != null && elapsedSeconds >= seconds || records != null && received >= records;
    }
}
