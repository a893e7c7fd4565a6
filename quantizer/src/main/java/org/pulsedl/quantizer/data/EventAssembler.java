package org.pulsedl.quantizer.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups consecutive capture rows (one sample of every channel) into events of {@code samples} rows, the
 * grouping shared by the capture importers. A group cut short — by the end of the file or by a new capture
 * window — is either an error or, when skipping is enabled, dropped and counted.
 */
final class EventAssembler {
    private final int channels;
    private final int samples;
    private final boolean skipPartial;
    private final List<short[][]> events = new ArrayList<>();
    private short[][] current;
    private int filled;
    private int discardedRows;
    private int discardedEvents;

    EventAssembler(int channels, int samples, boolean skipPartial) {
        if (channels <= 0 || samples <= 0) {
            throw new IllegalArgumentException("events need at least one channel and one sample, got " + channels + " x " + samples);
        }
        this.channels = channels;
        this.samples = samples;
        this.skipPartial = skipPartial;
    }

    /** Adds one row: {@code row[c]} is the sample of channel {@code c}. */
    void add(short[] row) {
        if (current == null) current = new short[channels][samples];
        for (int c = 0; c < channels; c++) current[c][filled] = row[c];
        if (++filled == samples) {
            events.add(current);
            current = null;
            filled = 0;
        }
    }

    /**
     * Ends the event being filled, as at a new capture window or the end of the file.
     *
     * @param in    the reader, positioned at the line that ends the event (for the error)
     * @param cause what ends the event, e.g. "the capture ends"
     */
    void cut(TextLines in, String cause) throws DatasetFormatException {
        if (filled == 0) return;
        if (!skipPartial) {
            throw in.error("expected " + samples + " samples per event, found " + cause + " after " + filled
                    + (filled == 1 ? " sample" : " samples") + " of event " + events.size() + " (skip partial events to drop them)");
        }
        discardedRows += filled;
        discardedEvents++;
        current = null;
        filled = 0;
    }

    short[][][] events() { return events.toArray(new short[0][][]); }
    int discardedRows() { return discardedRows; }
    int discardedEvents() { return discardedEvents; }
}
