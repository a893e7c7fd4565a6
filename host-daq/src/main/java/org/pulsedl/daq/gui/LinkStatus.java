package org.pulsedl.daq.gui;

/**
 * The rate and loss counters the window shows.
 *
 * @param source          what the views show (a board's link, or a file being replayed)
 * @param eventsPerSecond results per second over the last refresh
 * @param records         results received since START
 * @param lost            results the board sent (its STATS) that did not arrive
 * @param crcErrors       frames that failed their CRC
 * @param sequenceGaps    gaps in the board's frame sequence numbers
 * @param waveforms       WAVEFORM frames received
 * @param recording       the list-mode file being written, or null
 */
public record LinkStatus(String source, double eventsPerSecond, long records, long lost, long crcErrors, long sequenceGaps,
                         long waveforms, String recording) {
    public static LinkStatus idle(String source) { return new LinkStatus(source, 0, 0, 0, 0, 0, 0, null); }
}
