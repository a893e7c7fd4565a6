package org.pulsedl.quantizer.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Imports a plain CSV capture — one row per sample, one decimal integer column per channel — as a label-free
 * {@link Dataset}, grouping consecutive rows into events of {@code samplesPerEvent}.
 *
 * <p>Lines starting with {@code #} and blank lines are skipped. The first remaining row is a header when none
 * of its cells is an integer; a row that is partly numeric is data and fails with the cell that is not.
 *
 * @param channels          columns per row, or 0 to take the number of columns of the first row
 * @param samplesPerEvent   rows per event
 * @param skipPartialEvents drop (and count) trailing rows too few for an event instead of failing
 */
public record PlainCsvCaptureImporter(int channels, int samplesPerEvent, boolean skipPartialEvents) {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    public PlainCsvCaptureImporter {
        if (channels < 0) throw new IllegalArgumentException("channels must be positive (or 0 to infer), got " + channels);
        if (samplesPerEvent <= 0) throw new IllegalArgumentException("samples per event must be positive, got " + samplesPerEvent);
    }

    public CaptureImport read(Path file) throws IOException {
        try (TextLines in = new TextLines(file)) {
            String line = nextRow(in);
            if (line == null) throw in.error("expected at least one row of samples, found none");
            String[] first = cells(in, line);
            String[] names = isHeader(first) ? first : null;
            int width = channels > 0 ? channels : first.length;
            if (names != null) {
                if (names.length != width) throw in.error("expected " + width + " header columns (one per channel), found " + names.length);
                line = nextRow(in);
            }
            EventAssembler events = new EventAssembler(in, width, samplesPerEvent, skipPartialEvents);
            short[] row = new short[width];
            for (; line != null; line = nextRow(in)) {
                String[] cells = cells(in, line);
                if (cells.length != width) throw in.error("expected " + width + " columns (one per channel), found " + cells.length);
                for (int c = 0; c < width; c++) row[c] = parse(in, names == null ? "channel " + c : names[c], cells[c]);
                if (events.isEmpty()) events.checkMemory(in, line.length() + 1L);
                events.add(row);
            }
            events.cut(in, "the capture ending");

            short[][][] waveforms = events.events();
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("source", String.valueOf(file.getFileName()));
            attributes.put("source_format", "plain-csv");
            if (names != null) attributes.put("signals", String.join(",", names));
            attributes.put("samples_per_event", String.valueOf(samplesPerEvent));
            attributes.put("discarded_rows", String.valueOf(events.discardedRows()));
            Dataset dataset = new Dataset(waveforms, List.of(), new double[waveforms.length][0], attributes);
            return new CaptureImport(dataset, events.discardedRows(), events.discardedEvents());
        }
    }

    private static String nextRow(TextLines in) throws IOException {
        String line;
        do {
            line = in.nextNonBlank();
        } while (line != null && line.startsWith("#"));
        return line;
    }

    private static boolean isHeader(String[] cells) {
        for (String c : cells) {
            if (INTEGER.matcher(c).matches()) return false;
        }
        return true;
    }

    private static short parse(TextLines in, String column, String cell) throws DatasetFormatException {
        if (INTEGER.matcher(cell).matches()) {
            String digits = cell.replaceFirst("^[+-]?0*(?=.)", "");
            if (digits.length() <= 6) {
                long v = Long.parseLong(cell.startsWith("-") ? "-" + digits : digits);
                if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) return (short) v;
            }
        }
        throw in.error(column, "expected an int16 integer (-32768..32767), found '" + TextLines.quote(cell) + "'");
    }

    private static String[] cells(TextLines in, String line) throws DatasetFormatException {
        String[] cells = in.cells(line);
        for (int i = 0; i < cells.length; i++) cells[i] = cells[i].trim();
        return cells;
    }
}
