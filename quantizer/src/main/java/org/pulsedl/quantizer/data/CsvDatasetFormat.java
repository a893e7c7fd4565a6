package org.pulsedl.quantizer.data;

import org.pulsedl.quantizer.io.AtomicOutput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CSV layout of a {@link Dataset}, one event per row (see {@code docs/datasets.md}):
 * <pre>
 * # format=pulsedl-dataset             marks a file pulsedl wrote (files from elsewhere have no marker)
 * # key=value                          one line per attribute, in order; value escapes \\ \n \r
 * ch0_s0,…,ch0_s31,ch1_s0,…,t0,energy  header: waveform columns channel-major, then the label names
 * 512,530,…,12.25,0.1                  rows: int16 samples, labels printed by Double.toString
 * # end events=N crc32=XXXXXXXX        written last: event count and {@link DatasetChecksum}
 * </pre>
 * Labels round-trip exactly because {@link Double#toString} prints the shortest decimal that parses back to
 * the same double. Blank lines are not allowed; comment lines only before the header, and the end line.
 * A marked file without its end line was cut short and is refused; an end line is verified wherever it is.
 */
public final class CsvDatasetFormat {
    /** Longest label cell: far above the 25 characters of any double printed by Java or numpy. */
    private static final int MAX_NUMBER_CHARS = 400;
    private static final Pattern DOUBLE = Pattern.compile("[+-]?(NaN|Infinity|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");

    private CsvDatasetFormat() {}

    /** Writes {@code dataset} atomically: the previous file stays intact until the new one is complete. */
    public static void write(Dataset dataset, Path file) throws IOException {
        AtomicOutput.write(file, out -> {
            CsvDatasetWriter writer = new CsvDatasetWriter(out, file, dataset.channels(), dataset.samples(),
                    dataset.labelNames(), dataset.attributes());
            for (int e = 0; e < dataset.events(); e++) writer.add(dataset.waveforms()[e], dataset.labels()[e]);
            writer.finish();
        });
    }

    public static Dataset read(Path file) throws IOException {
        try (TextLines in = new TextLines(file)) {
            Map<String, String> attributes = new LinkedHashMap<>();
            String line = in.next();
            boolean marked = CsvDatasetWriter.MARKER.equals(line);
            if (marked) line = in.next();
            while (line != null && line.startsWith("#")) {
                readAttribute(in, line, attributes);
                line = in.next();
            }
            if (line == null) throw in.error("expected a header row (ch0_s0,…,<label names>), found the end of the file");
            if (marked && !in.lastLineTerminated()) throw truncated(file, 0);
            String[] header = line.isEmpty() ? new String[0] : in.cells(line);
            int waveformColumns = checkWaveformHeader(in, header);
            int samples = samplesPerChannel(header);
            int channels = samples == 0 ? 0 : waveformColumns / samples;
            List<String> labelNames = checkLabelHeader(in, header, waveformColumns);
            DatasetChecksum checksum = new DatasetChecksum(channels, samples, labelNames, attributes);

            List<short[][]> waveforms = new ArrayList<>();
            List<double[]> labels = new ArrayList<>();
            boolean ended = false;
            while ((line = in.next()) != null) {
                if (marked && !in.lastLineTerminated()) throw truncated(file, waveforms.size());
                if (ended) throw in.error("expected nothing after the end line, found '" + TextLines.quote(line) + "'");
                if (line.startsWith("#")) {
                    checkEnd(in, line, checksum);
                    ended = true;
                    continue;
                }
                if (waveformColumns == 0) {
                    throw in.error("expected no data rows for a header without waveform columns, found '" + TextLines.quote(line) + "'");
                }
                if (line.isBlank()) throw in.error("expected a data row, found a blank line");
                String[] cells = in.cells(line);
                if (cells.length != header.length) {
                    throw in.error("expected " + header.length + " columns as in the header, found " + cells.length);
                }
                if (waveforms.isEmpty()) requireHeap(file, in, line.length() + 1L, channels, samples, labelNames.size());
                short[][] event = new short[channels][samples];
                for (int i = 0; i < waveformColumns; i++) event[i / samples][i % samples] = parseInt16(in, header[i], cells[i]);
                double[] row = new double[labelNames.size()];
                for (int j = 0; j < row.length; j++) row[j] = parseDouble(in, header[waveformColumns + j], cells[waveformColumns + j]);
                waveforms.add(event);
                labels.add(row);
                checksum.add(event, row);
            }
            if (marked && !ended) throw truncated(file, waveforms.size());
            return new Dataset(waveforms.toArray(new short[0][][]), labelNames, labels.toArray(new double[0][]), attributes);
        }
    }

    private static DatasetFormatException truncated(Path file, long completeEvents) {
        return DatasetFormatException.inFile(file, "truncated: the file ends after " + completeEvents + " complete event"
                + (completeEvents == 1 ? "" : "s") + " without the end line '" + CsvDatasetWriter.END_SHAPE
                + "' that pulsedl writes last (the write was interrupted or the file was cut); write it again");
    }

    /** Verifies the end line against the events read so far. */
    private static void checkEnd(TextLines in, String line, DatasetChecksum checksum) throws DatasetFormatException {
        Matcher m = CsvDatasetWriter.END.matcher(line);
        if (!m.matches()) {
            throw in.error("expected a data row or the end line '" + CsvDatasetWriter.END_SHAPE
                    + "' (comments are allowed only before the header), found '" + TextLines.quote(line) + "'");
        }
        long declared = Long.parseLong(m.group(1));
        if (declared != checksum.events()) {
            throw in.error("the end line records " + declared + " events, but the file holds " + checksum.events()
                    + ": the file is damaged");
        }
        if (!m.group(2).equals(checksum.value())) {
            throw in.error("the content checksum is " + checksum.value() + ", but the end line records " + m.group(2)
                    + ": the file was damaged or changed after it was written");
        }
    }

    /** Refuses, from the first row's length and the file's size, a file whose events cannot fit in memory. */
    private static void requireHeap(Path file, TextLines in, long rowBytes, int channels, int samples, int labels) throws IOException {
        long events = Math.max(1, (Files.size(file) - in.bytesRead()) / rowBytes + 1);
        String shortfall = DatasetSize.heapShortfall(DatasetSize.saturatingMultiply(events,
                DatasetSize.heapBytesPerEvent(channels, samples, labels)));
        if (shortfall != null) {
            throw DatasetFormatException.inFile(file, "about " + events + " events (estimated from the file size) "
                    + shortfall + "; " + DatasetSize.HEAP_ADVICE + ", or read a smaller file");
        }
    }

    private static void readAttribute(TextLines in, String line, Map<String, String> attributes) throws DatasetFormatException {
        String body = line.startsWith("# ") ? line.substring(2) : line.substring(1);
        int eq = body.indexOf('=');
        if (eq <= 0) throw in.error("expected an attribute line '# key=value', found '" + TextLines.quote(line) + "'");
        String key = body.substring(0, eq);
        if (attributes.containsKey(key)) throw in.error("expected each attribute once, found '" + TextLines.quote(key) + "' again");
        attributes.put(key, unescape(in, body.substring(eq + 1)));
    }

    /** Checks the leading {@code chC_sS} columns form a full channel-major grid and returns their number. */
    private static int checkWaveformHeader(TextLines in, String[] header) throws DatasetFormatException {
        int count = 0;
        while (count < header.length && CsvDatasetWriter.isWaveformColumn(header[count])) count++;
        int samples = samplesPerChannel(header);
        if (count > 0 && samples == 0) {
            throw in.error("header column 1: expected 'ch0_s0', found '" + TextLines.quote(header[0]) + "'");
        }
        for (int i = 0; i < count; i++) {
            String expected = CsvDatasetWriter.waveformColumn(i / samples, i % samples);
            if (!header[i].equals(expected)) {
                throw in.error("header column " + (i + 1) + ": expected '" + expected + "', found '" + TextLines.quote(header[i]) + "'");
            }
        }
        if (count > 0 && count % samples != 0) {
            int c = count / samples;
            throw in.error("header column " + (count + 1) + ": expected '" + CsvDatasetWriter.waveformColumn(c, count % samples)
                    + "' (every channel has " + samples + " samples), found "
                    + (count < header.length ? "'" + TextLines.quote(header[count]) + "'" : "the end of the header"));
        }
        return count;
    }

    /** The number of leading {@code ch0_s0, ch0_s1, …} columns. */
    private static int samplesPerChannel(String[] header) {
        int s = 0;
        while (s < header.length && header[s].equals(CsvDatasetWriter.waveformColumn(0, s))) s++;
        return s;
    }

    private static List<String> checkLabelHeader(TextLines in, String[] header, int from) throws DatasetFormatException {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = from; i < header.length; i++) {
            String name = header[i];
            boolean waveform = CsvDatasetWriter.isWaveformColumn(name);
            if (name.isEmpty() || waveform || !seen.add(name)) {
                String why = name.isEmpty() ? "an empty name" : waveform ? "a waveform column after the labels" : "a repeated name";
                throw in.error("header column " + (i + 1) + ": expected a distinct label name, found " + why
                        + " '" + TextLines.quote(name) + "'");
            }
            names.add(name);
        }
        return names;
    }

    private static short parseInt16(TextLines in, String column, String cell) throws DatasetFormatException {
        if (cell.length() <= 7) {
            try {
                return Short.parseShort(cell);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw in.error(column, "expected an int16 integer (-32768..32767), found '" + TextLines.quote(cell) + "'");
    }

    private static double parseDouble(TextLines in, String column, String cell) throws DatasetFormatException {
        // The length bound keeps the regular expression linear in time on a damaged file.
        if (cell.length() > MAX_NUMBER_CHARS || !DOUBLE.matcher(cell).matches()) throw in.error(column, "expected a decimal number, found '" + TextLines.quote(cell) + "'");
        return Double.parseDouble(cell);
    }

    private static String unescape(TextLines in, String value) throws DatasetFormatException {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char next = i + 1 < value.length() ? value.charAt(++i) : 0;
            switch (next) {
                case '\\' -> sb.append('\\');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                default -> throw in.error("expected an escape \\\\, \\n or \\r in the attribute value, found '\\"
                        + (next == 0 ? "" : TextLines.quote(String.valueOf(next))) + "'");
            }
        }
        return sb.toString();
    }
}
