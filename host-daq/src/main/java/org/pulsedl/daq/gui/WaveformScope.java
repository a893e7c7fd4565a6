package org.pulsedl.daq.gui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the scope shows: the newest waveform of each channel with the network's time marker. The board sends a
 * WAVEFORM for every n-th event (CONFIG WAVEFORM_PRESCALE), and the record of the same event (same timestamp and
 * channel, flag WAVEFORM_SENT) may arrive before or after it, so both sides wait for each other briefly. Only the
 * newest trace per channel is kept: a refresh draws at most one per channel however fast they come (decimation).
 * Thread-safe.
 */
public final class WaveformScope {
    /** Flagged records remembered while their waveform is on its way. */
    static final int PENDING = 64;

    private final Map<Integer, ScopeTrace> latest = new TreeMap<>();
    private final Map<Long, Double> markers = new LinkedHashMap<>(PENDING, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Double> eldest) { return size() > PENDING; }
    };
    private long received;

    public synchronized void onWaveform(int channel, long timestamp, short[] samples) {
        received++;
        Double ns = markers.remove(key(timestamp, channel));
        latest.put(channel, new ScopeTrace(channel, timestamp, samples, ns == null ? Double.NaN : ns));
    }

    /** The network's time within the window of a record flagged WAVEFORM_SENT. */
    public synchronized void onMarker(int channel, long timestamp, double markerNs) {
        ScopeTrace t = latest.get(channel);
        if (t != null && t.timestamp() == timestamp) {
            latest.put(channel, t.withMarker(markerNs));
        } else {
            markers.put(key(timestamp, channel), markerNs);
        }
    }

    /** The newest trace of each channel, by channel. */
    public synchronized List<ScopeTrace> traces() { return new ArrayList<>(latest.values()); }

    /** Waveforms received since the last reset (most of them are never drawn). */
    public synchronized long received() { return received; }

    public synchronized void reset() {
        latest.clear();
        markers.clear();
        received = 0;
    }

    private static long key(long timestamp, int channel) { return timestamp * 256 + channel; }
}
