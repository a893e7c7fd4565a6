package org.pulsedl.daq.gui;

/**
 * One waveform for the scope: the raw samples of an event window and where the network put the pulse in it.
 *
 * @param channel   ADC channel
 * @param timestamp the window's trigger tick
 * @param samples   ADC counts, oldest first
 * @param markerNs  the network's time output within the window, ns, or NaN until its result record arrived
 */
public record ScopeTrace(int channel, long timestamp, short[] samples, double markerNs) {
    ScopeTrace withMarker(double ns) { return new ScopeTrace(channel, timestamp, samples, ns); }
}
