package org.pulsedl.quantizer.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports a Vivado ILA waveform export (File → Export ILA Data → CSV) as a label-free {@link Dataset}.
 *
 * <p>Line 1 names the signals ({@code Sample in Buffer,Sample in Window,TRIGGER,adc_ch0[11:0],…}), line 2
 * gives their radices ({@code Radix - UNSIGNED,UNSIGNED,UNSIGNED,HEX,…}), every further line is one clock
 * cycle. The chosen signals become the channels, in the order asked for; consecutive rows form events of
 * {@code samplesPerEvent} samples. The rules are in {@code docs/datasets.md}.
 *
 * @param signals               signal names, each matching a column with or without its {@code [msb:lsb]}
 * @param samplesPerEvent       rows per event
 * @param skipPartialEvents     drop (and count) a group of rows too short for an event instead of failing
 * @param splitOnWindowRestart  start a new event whenever {@code Sample in Window} goes back to 0
 * @param twosComplement        HEX and BINARY cells are two's-complement patterns of the bus width
 */
public record IlaCsvImporter(List<String> signals, int samplesPerEvent, boolean skipPartialEvents,
                             boolean splitOnWindowRestart, boolean twosComplement) {
    public static final String SAMPLE_IN_WINDOW = "Sample in Window";
    private static final String RADIX_PREFIX = "Radix - ";
    private static final Pattern BUS = Pattern.compile("(.*)\\[(\\d{1,4})(?::(\\d{1,4}))?]");

    public IlaCsvImporter {
        signals = List.copyOf(signals);
        if (signals.isEmpty()) throw new IllegalArgumentException("name at least one ILA signal to import");
        if (samplesPerEvent <= 0) throw new IllegalArgumentException("samples per event must be positive, got " + samplesPerEvent);
    }

    /** Fails on partial events, ignores window boundaries, reads HEX/BINARY as unsigned. */
    public static IlaCsvImporter of(List<String> signals, int samplesPerEvent) {
        return new IlaCsvImporter(signals, samplesPerEvent, false, false, false);
    }

    public IlaCsvImporter withSkipPartialEvents(boolean skip) {
        return new IlaCsvImporter(signals, samplesPerEvent, skip, splitOnWindowRestart, twosComplement);
    }

    public IlaCsvImporter withSplitOnWindowRestart(boolean split) {
        return new IlaCsvImporter(signals, samplesPerEvent, skipPartialEvents, split, twosComplement);
    }

    public IlaCsvImporter withTwosComplement(boolean twos) {
        return new IlaCsvImporter(signals, samplesPerEvent, skipPartialEvents, splitOnWindowRestart, twos);
    }

    public CaptureImport read(Path file) throws IOException {
        try (TextLines in = new TextLines(file)) {
            String headerLine = in.next();
            if (headerLine == null) throw in.error("expected the ILA header row of signal names, found an empty file");
            String[] header = trimmed(in.cells(headerLine));
            int[] columns = selectColumns(in, header);
            int windowColumn = splitOnWindowRestart ? findWindowColumn(in, header) : -1;

            String radixLine = in.next();
            if (radixLine == null || !radixLine.startsWith(RADIX_PREFIX)) {
                throw in.error("expected the radix row starting with '" + RADIX_PREFIX + "', found "
                        + (radixLine == null ? "the end of the file" : "'" + TextLines.quote(radixLine) + "'"));
            }
            String[] radixCells = trimmed(in.cells(radixLine.substring(RADIX_PREFIX.length())));
            if (radixCells.length != header.length) {
                throw in.error("expected " + header.length + " radices, one per header column, found " + radixCells.length);
            }
            IlaRadix[] radix = new IlaRadix[columns.length];
            int[] width = new int[columns.length];
            for (int i = 0; i < columns.length; i++) {
                String name = header[columns[i]];
                radix[i] = radixOf(in, name, radixCells[columns[i]]);
                width[i] = busWidth(name);
                if (twosComplement && radix[i].isBitPattern() && width[i] == IlaRadix.UNKNOWN_WIDTH) {
                    throw in.error(name, "expected a [msb:lsb] bus width in the name to read " + radix[i]
                            + " values as two's complement, found none");
                }
            }
            IlaRadix windowRadix = windowColumn < 0 ? null : radixOf(in, header[windowColumn], radixCells[windowColumn]);

            EventAssembler events = new EventAssembler(in, columns.length, samplesPerEvent, skipPartialEvents);
            short[] row = new short[columns.length];
            boolean first = true;
            String line;
            while ((line = in.next()) != null) {
                if (line.isBlank()) continue;
                String[] cells = trimmed(in.cells(line));
                if (cells.length != header.length) {
                    throw in.error("expected " + header.length + " columns as in the header, found " + cells.length);
                }
                if (windowColumn >= 0) {
                    short position = cell(in, header[windowColumn], cells[windowColumn], windowRadix, IlaRadix.UNKNOWN_WIDTH);
                    if (position == 0 && !first) events.cut(in, "'" + SAMPLE_IN_WINDOW + "' restarting at 0");
                }
                for (int i = 0; i < columns.length; i++) row[i] = cell(in, header[columns[i]], cells[columns[i]], radix[i], width[i]);
                if (first) events.checkMemory(in, line.length() + 1L);
                events.add(row);
                first = false;
            }
            events.cut(in, "the capture ending");

            short[][][] waveforms = events.events();
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("source", String.valueOf(file.getFileName()));
            attributes.put("source_format", "vivado-ila-csv");
            List<String> names = new ArrayList<>();
            List<String> radices = new ArrayList<>();
            for (int i = 0; i < columns.length; i++) {
                names.add(header[columns[i]]);
                radices.add(radix[i].name());
            }
            attributes.put("signals", String.join(",", names));
            attributes.put("radix", String.join(",", radices));
            attributes.put("twos_complement", String.valueOf(twosComplement));
            attributes.put("samples_per_event", String.valueOf(samplesPerEvent));
            attributes.put("split_on_window_restart", String.valueOf(splitOnWindowRestart));
            attributes.put("discarded_rows", String.valueOf(events.discardedRows()));
            Dataset dataset = new Dataset(waveforms, List.of(), new double[waveforms.length][0], attributes);
            return new CaptureImport(dataset, events.discardedRows(), events.discardedEvents());
        }
    }

    /** The header column of each requested signal, matching the full name first, else the name without the bus range. */
    private int[] selectColumns(TextLines in, String[] header) throws DatasetFormatException {
        int[] columns = new int[signals.size()];
        for (int s = 0; s < signals.size(); s++) {
            String wanted = signals.get(s).trim();
            List<Integer> exact = new ArrayList<>();
            List<Integer> base = new ArrayList<>();
            for (int c = 0; c < header.length; c++) {
                if (header[c].equals(wanted)) exact.add(c);
                else if (baseName(header[c]).equals(wanted)) base.add(c);
            }
            List<Integer> found = exact.isEmpty() ? base : exact;
            if (found.size() != 1) {
                List<String> names = new ArrayList<>();
                for (int c : found) names.add(header[c]);
                throw in.error("signal '" + wanted + "': expected one matching column, found "
                        + (found.isEmpty() ? "none among " + TextLines.quote(Arrays.toString(header), 1000) : found.size() + " " + names));
            }
            columns[s] = found.get(0);
            for (int t = 0; t < s; t++) {
                if (columns[t] == columns[s]) {
                    throw in.error("signal '" + wanted + "': expected each column once, found '" + header[columns[s]] + "' chosen twice");
                }
            }
        }
        return columns;
    }

    private static int findWindowColumn(TextLines in, String[] header) throws DatasetFormatException {
        int c = Arrays.asList(header).indexOf(SAMPLE_IN_WINDOW);
        if (c < 0) throw in.error("expected a '" + SAMPLE_IN_WINDOW + "' column to split events at window restarts, found none");
        return c;
    }

    private static IlaRadix radixOf(TextLines in, String column, String text) throws DatasetFormatException {
        IlaRadix r = IlaRadix.byName(text);
        if (r == null) throw in.error(column, "expected a radix UNSIGNED, SIGNED, HEX or BINARY, found '" + TextLines.quote(text) + "'");
        return r;
    }

    private short cell(TextLines in, String column, String text, IlaRadix radix, int width) throws DatasetFormatException {
        IlaRadix.Result r = radix.parse(text, width, twosComplement);
        if (r.error() != null) throw in.error(column, r.error());
        return r.value();
    }

    /** {@code adc_ch0[11:0]} → {@code adc_ch0}; names without a range are returned unchanged. */
    static String baseName(String name) {
        Matcher m = BUS.matcher(name);
        return m.matches() ? m.group(1) : name;
    }

    /** {@code [11:0]} → 12, {@code [3]} → 1, no range → {@link IlaRadix#UNKNOWN_WIDTH}. */
    static int busWidth(String name) {
        Matcher m = BUS.matcher(name);
        if (!m.matches()) return IlaRadix.UNKNOWN_WIDTH;
        if (m.group(3) == null) return 1;
        return Math.abs(Integer.parseInt(m.group(2)) - Integer.parseInt(m.group(3))) + 1;
    }

    private static String[] trimmed(String[] cells) {
        for (int i = 0; i < cells.length; i++) cells[i] = cells[i].trim();
        return cells;
    }
}
