package org.pulsedl.quantizer.data;

import java.io.IOException;
import java.nio.file.Files;
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

    /**
     * @param in the capture being read: an event may not have more samples than the file can hold rows (each
     *           row takes at least 2 bytes), so a mistyped {@code --samples} cannot allocate gigabytes
     */
    EventAssembler(TextLines in, int channels, int samples, boolean skipPartial) throws IOException {
        if (channels <= 0 || samples <= 0) {
            throw new IllegalArgumentException("events need at least one channel and one sample, got " + channels + " x " + samples);
        }
        long maxRows = Files.size(in.file()) / 2 + 1;
        if (samples > maxRows) {
            throw DatasetFormatException.inFile(in.file(), "expected at least one event of " + samples
                    + " samples, but the file can hold at most " + maxRows + " rows; check the samples per event");
        }
        this.channels = channels;
        this.samples = samples;
        this.skipPartial = skipPartial;
    }

    /**
     * Refuses, from the first row's length and the file's size, a capture whose events cannot fit in memory.
     *
     * @param rowBytes bytes of the first data row, line break included
     */
    void checkMemory(TextLines in, long rowBytes) throws IOException {
        long rows = Math.max(1, (Files.size(in.file()) - in.bytesRead()) / Math.max(rowBytes, 1) + 1);
        long events = rows / samples + 1;
        String shortfall = DatasetSize.heapShortfall(DatasetSize.saturatingMultiply(events,
                DatasetSize.heapBytesPerEvent(channels, samples, 0)));
        if (shortfall != null) {
            throw DatasetFormatException.inFile(in.file(), "about " + events + " events (estimated from the file size) "
                    + shortfall + "; " + DatasetSize.HEAP_ADVICE + ", or import a smaller capture");
        }
    }

    boolean isEmpty() { return events.isEmpty() && filled == 0; }

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
