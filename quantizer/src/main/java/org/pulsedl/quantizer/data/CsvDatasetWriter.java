package org.pulsedl.quantizer.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the CSV layout of a dataset one event at a time, in constant memory (so {@code simulate} can stream
 * any number of events), and frames it as a pulsedl-written file: the first line {@value #MARKER} and, after
 * the last row, the end line {@code # end events=N crc32=XXXXXXXX} with the {@link DatasetChecksum}. A reader
 * that finds the marker but not the end line knows the file was cut short. The layout is specified in
 * {@code docs/datasets.md}; {@link CsvDatasetFormat} reads it.
 */
public final class CsvDatasetWriter {
    /** First line of every CSV file pulsedl writes. */
    static final String MARKER = "# format=pulsedl-dataset";
    /** The last line: event count and content checksum. */
    static final Pattern END = Pattern.compile("# end events=(0|[1-9]\\d{0,17}) crc32=([0-9a-f]{8})");
    static final String END_SHAPE = "# end events=N crc32=XXXXXXXX";
    private static final Pattern WAVEFORM_COLUMN = Pattern.compile("ch(\\d+)_s(\\d+)");

    private final Writer out;
    private final int channels;
    private final int samples;
    private final int labels;
    private final DatasetChecksum checksum;
    private final StringBuilder row = new StringBuilder();

    /**
     * Writes the marker, the attribute lines and the header to {@code out} (which the caller closes).
     *
     * @param file the target, for messages only
     */
    public CsvDatasetWriter(OutputStream out, Path file, int channels, int samples, List<String> labelNames,
                            Map<String, String> attributes) throws IOException {
        check(file, channels, samples, labelNames, attributes);
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.channels = channels;
        this.samples = samples;
        this.labels = labelNames.size();
        this.checksum = new DatasetChecksum(channels, samples, labelNames, attributes);
        this.out.write(MARKER + "\n");
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            this.out.write("# " + a.getKey() + "=" + escape(a.getValue()) + "\n");
        }
        List<String> header = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            for (int s = 0; s < samples; s++) header.add(waveformColumn(c, s));
        }
        header.addAll(labelNames);
        this.out.write(String.join(",", header) + "\n");
    }

    /** Writes one event row: {@code waveform[channel][sample]}, then its labels. */
    public void add(short[][] waveform, double[] labelRow) throws IOException {
        if (channels == 0) throw new IllegalArgumentException("cannot write CSV events without channels and samples");
        row.setLength(0);
        for (int c = 0; c < channels; c++) {
            for (int s = 0; s < samples; s++) row.append(waveform[c][s]).append(',');
        }
        for (int j = 0; j < labels; j++) row.append(Double.toString(labelRow[j])).append(',');
        row.setLength(row.length() - 1);
        out.write(row.append('\n').toString());
        checksum.add(waveform, labelRow);
    }

    /** Writes the end line and flushes; the file is complete only after this. */
    public void finish() throws IOException {
        out.write("# end events=" + checksum.events() + " crc32=" + checksum.value() + "\n");
        out.flush();
    }

    static String waveformColumn(int channel, int sample) {
        return "ch" + channel + "_s" + sample;
    }

    static boolean isWaveformColumn(String name) {
        return WAVEFORM_COLUMN.matcher(name).matches();
    }

    private static void check(Path file, int channels, int samples, List<String> labelNames, Map<String, String> attributes) {
        if ((channels == 0) != (samples == 0)) {
            throw new IllegalArgumentException("cannot write CSV '" + file + "': events need at least one channel and sample");
        }
        for (String name : labelNames) {
            if (name.isEmpty() || name.contains(",") || name.contains("\n") || name.contains("\r") || name.startsWith("#")
                    || isWaveformColumn(name)) {
                throw new IllegalArgumentException("cannot write label '" + name + "' to CSV '" + file
                        + "': a label name must be non-empty, must not contain a comma or line break, start with '#' or look like 'ch0_s0'");
            }
        }
        for (String key : attributes.keySet()) {
            if (key.isEmpty() || key.contains("=") || key.contains("\n") || key.contains("\r")) {
                throw new IllegalArgumentException("cannot write attribute '" + key + "' to CSV '" + file
                        + "': an attribute name must be non-empty and must not contain '=' or a line break");
            }
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
