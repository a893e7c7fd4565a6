package org.pulsedl.daq.gui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the scope shows: for each channel, the newest waveform whose network time is known. The board sends a
 * WAVEFORM for every n-th event (CONFIG WAVEFORM_PRESCALE) and the result record of the same event (same timestamp
 * and channel, flag WAVEFORM_SENT) comes before or after it, so each side waits for the other in a small bounded
 * table; the pair then replaces the channel's trace. Only the newest pair per channel is kept: a refresh draws at
 * most one trace per channel however fast they come (decimation). Thread-safe.
 */
public final class WaveformScope {
    /** Unpaired waveforms and records remembered (the oldest are forgotten). */
    static final int PENDING = 64;

    private final Map<Integer, ScopeTrace> latest = new TreeMap<>();
    private final Map<Long, ScopeTrace> waiting = bounded();
    private final Map<Long, Double> markers = bounded();
    private long received;

    public synchronized void onWaveform(int channel, long timestamp, short[] samples) {
        received++;
        ScopeTrace t = new ScopeTrace(channel, timestamp, samples, Double.NaN);
        Double ns = markers.remove(key(timestamp, channel));
        if (ns != null) {
            latest.put(channel, t.withMarker(ns));
        } else {
            waiting.put(key(timestamp, channel), t);
        }
    }

    /** The network's time within the window (NaN: the model has no time output) of a record flagged WAVEFORM_SENT. */
    public synchronized void onMarker(int channel, long timestamp, double markerNs) {
        ScopeTrace t = waiting.remove(key(timestamp, channel));
        if (t != null) {
            latest.put(channel, t.withMarker(markerNs));
        } else {
            markers.put(key(timestamp, channel), markerNs);
        }
    }

    /** The newest complete trace of each channel, by channel. */
    public synchronized List<ScopeTrace> traces() { return new ArrayList<>(latest.values()); }

    /** Waveforms received since the last reset (most of them are never drawn). */
    public synchronized long received() { return received; }

    public synchronized void reset() {
        latest.clear();
        waiting.clear();
        markers.clear();
        received = 0;
    }

    private static long key(long timestamp, int channel) { return timestamp * 256 + channel; }

    private static <V> Map<Long, V> bounded() {
        return new LinkedHashMap<>(PENDING, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) { return size() > PENDING; }
        };
    }
}
