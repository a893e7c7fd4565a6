package org.pulsedl.quantizer.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * # key=value                          one line per attribute, in order; value escapes \\ \n \r
 * ch0_s0,…,ch0_s31,ch1_s0,…,t0,energy  header: waveform columns channel-major, then the label names
 * 512,530,…,12.25,0.1                  rows: int16 samples, labels printed by Double.toString
 * </pre>
 * Labels round-trip exactly because {@link Double#toString} prints the shortest decimal that parses back to
 * the same double. Blank lines are not allowed; comment lines only before the header.
 */
public final class CsvDatasetFormat {
    private static final Pattern WAVEFORM_COLUMN = Pattern.compile("ch(\\d+)_s(\\d+)");
    private static final Pattern DOUBLE = Pattern.compile("[+-]?(NaN|Infinity|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");

    private CsvDatasetFormat() {}

    public static void write(Dataset dataset, Path file) throws IOException {
        check(dataset, file);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> a : dataset.attributes().entrySet()) {
                out.write("# " + a.getKey() + "=" + escape(a.getValue()) + "\n");
            }
            List<String> header = new ArrayList<>();
            for (int c = 0; c < dataset.channels(); c++) {
                for (int s = 0; s < dataset.samples(); s++) header.add(waveformColumn(c, s));
            }
            header.addAll(dataset.labelNames());
            out.write(String.join(",", header) + "\n");
            StringBuilder row = new StringBuilder();
            for (int e = 0; e < dataset.events(); e++) {
                row.setLength(0);
                for (short[] channel : dataset.waveforms()[e]) {
                    for (short v : channel) row.append(v).append(',');
                }
                for (double v : dataset.labels()[e]) row.append(Double.toString(v)).append(',');
                row.setLength(row.length() - 1);
                out.write(row.append('\n').toString());
            }
        }
    }

    public static Dataset read(Path file) throws IOException {
        try (TextLines in = new TextLines(file)) {
            Map<String, String> attributes = new LinkedHashMap<>();
            String line = in.next();
            while (line != null && line.startsWith("#")) {
                readAttribute(in, line, attributes);
                line = in.next();
            }
            if (line == null) throw in.error("expected a header row (ch0_s0,…,<label names>), found the end of the file");
            String[] header = line.isEmpty() ? new String[0] : TextLines.split(line);
            int waveformColumns = checkWaveformHeader(in, header);
            int samples = samplesPerChannel(header);
            int channels = samples == 0 ? 0 : waveformColumns / samples;
            List<String> labelNames = checkLabelHeader(in, header, waveformColumns);

            List<short[][]> waveforms = new ArrayList<>();
            List<double[]> labels = new ArrayList<>();
            while ((line = in.next()) != null) {
                if (waveformColumns == 0) {
                    throw in.error("expected no data rows for a header without waveform columns, found '" + line + "'");
                }
                if (line.isBlank()) throw in.error("expected a data row, found a blank line");
                String[] cells = TextLines.split(line);
                if (cells.length != header.length) {
                    throw in.error("expected " + header.length + " columns as in the header, found " + cells.length);
                }
                short[][] event = new short[channels][samples];
                for (int i = 0; i < waveformColumns; i++) event[i / samples][i % samples] = parseInt16(in, header[i], cells[i]);
                double[] row = new double[labelNames.size()];
                for (int j = 0; j < row.length; j++) row[j] = parseDouble(in, header[waveformColumns + j], cells[waveformColumns + j]);
                waveforms.add(event);
                labels.add(row);
            }
            return new Dataset(waveforms.toArray(new short[0][][]), labelNames, labels.toArray(new double[0][]), attributes);
        }
    }

    private static void check(Dataset dataset, Path file) {
        if (dataset.events() > 0 && dataset.samples() == 0) {
            throw new IllegalArgumentException("cannot write " + dataset + " to CSV '" + file + "': events need at least one channel and sample");
        }
        for (String name : dataset.labelNames()) {
            if (name.isEmpty() || name.contains(",") || name.contains("\n") || name.contains("\r") || name.startsWith("#")
                    || WAVEFORM_COLUMN.matcher(name).matches()) {
                throw new IllegalArgumentException("cannot write label '" + name + "' to CSV '" + file
                        + "': a label name must be non-empty, must not contain a comma or line break, start with '#' or look like 'ch0_s0'");
            }
        }
        for (String key : dataset.attributes().keySet()) {
            if (key.isEmpty() || key.contains("=") || key.contains("\n") || key.contains("\r")) {
                throw new IllegalArgumentException("cannot write attribute '" + key + "' to CSV '" + file
                        + "': an attribute name must be non-empty and must not contain '=' or a line break");
            }
        }
    }

    private static void readAttribute(TextLines in, String line, Map<String, String> attributes) throws DatasetFormatException {
        String body = line.startsWith("# ") ? line.substring(2) : line.substring(1);
        int eq = body.indexOf('=');
        if (eq <= 0) throw in.error("expected an attribute line '# key=value', found '" + line + "'");
        String key = body.substring(0, eq);
        if (attributes.containsKey(key)) throw in.error("expected each attribute once, found '" + key + "' again");
        attributes.put(key, unescape(in, body.substring(eq + 1)));
    }

    /** Checks the leading {@code chC_sS} columns form a full channel-major grid and returns their number. */
    private static int checkWaveformHeader(TextLines in, String[] header) throws DatasetFormatException {
        int count = 0;
        while (count < header.length && WAVEFORM_COLUMN.matcher(header[count]).matches()) count++;
        int samples = samplesPerChannel(header);
        if (count > 0 && samples == 0) {
            throw in.error("header column 1: expected 'ch0_s0', found '" + header[0] + "'");
        }
        for (int i = 0; i < count; i++) {
            String expected = waveformColumn(i / samples, i % samples);
            if (!header[i].equals(expected)) {
                throw in.error("header column " + (i + 1) + ": expected '" + expected + "', found '" + header[i] + "'");
            }
        }
        if (count > 0 && count % samples != 0) {
            int c = count / samples;
            throw in.error("header column " + (count + 1) + ": expected '" + waveformColumn(c, count % samples) + "' (every channel has "
                    + samples + " samples), found " + (count < header.length ? "'" + header[count] + "'" : "the end of the header"));
        }
        return count;
    }

    /** The number of leading {@code ch0_s0, ch0_s1, …} columns. */
    private static int samplesPerChannel(String[] header) {
        int s = 0;
        while (s < header.length && header[s].equals(waveformColumn(0, s))) s++;
        return s;
    }

    private static List<String> checkLabelHeader(TextLines in, String[] header, int from) throws DatasetFormatException {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = from; i < header.length; i++) {
            String name = header[i];
            Matcher m = WAVEFORM_COLUMN.matcher(name);
            if (name.isEmpty() || m.matches() || !seen.add(name)) {
                String why = name.isEmpty() ? "an empty name" : m.matches() ? "a waveform column after the labels" : "a repeated name";
                throw in.error("header column " + (i + 1) + ": expected a distinct label name, found " + why + " '" + name + "'");
            }
            names.add(name);
        }
        return names;
    }

    private static short parseInt16(TextLines in, String column, String cell) throws DatasetFormatException {
        try {
            return Short.parseShort(cell);
        } catch (NumberFormatException e) {
            throw in.error(column, "expected an int16 integer (-32768..32767), found '" + cell + "'");
        }
    }

    private static double parseDouble(TextLines in, String column, String cell) throws DatasetFormatException {
        if (!DOUBLE.matcher(cell).matches()) throw in.error(column, "expected a decimal number, found '" + cell + "'");
        return Double.parseDouble(cell);
    }

    static String waveformColumn(int channel, int sample) {
        return "ch" + channel + "_s" + sample;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
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
                        + (next == 0 ? "" : String.valueOf(next)) + "'");
            }
        }
        return sb.toString();
    }
}
