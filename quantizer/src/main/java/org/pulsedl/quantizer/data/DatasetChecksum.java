package org.pulsedl.quantizer.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The content checksum pulsedl records when it writes a dataset and verifies when it reads one back, so that a
 * truncated or corrupted file of ours is refused instead of read as valid (issue 8). One definition for both
 * formats: a CSV file and an HDF5 file of the same {@link Dataset} carry the same value.
 *
 * <p>CRC-32 (as {@link CRC32}, the zlib polynomial) over, in this order, all integers little-endian:
 * <ol>
 *   <li>the shape: channels and samples per event (int32 each; 0 and 0 for a dataset without events);</li>
 *   <li>the label names: their count (int32), then each as its UTF-8 length (int32) and bytes;</li>
 *   <li>the attributes in order: their count (int32), then each key and value as length and UTF-8 bytes;</li>
 *   <li>every event in order: its samples channel-major (int16), then its labels (the raw IEEE-754 bits,
 *       int64).</li>
 * </ol>
 * Events are added one at a time, so a streaming writer computes it in constant memory. The value is written
 * as 8 lower-case hexadecimal digits.
 */
public final class DatasetChecksum {
    private final CRC32 crc = new CRC32();
    private final int channels;
    private final int samples;
    private final int labels;
    private final ByteBuffer event;
    private long events;

    /** Starts the checksum of a dataset with this shape, label names and attributes (in their order). */
    public DatasetChecksum(int channels, int samples, List<String> labelNames, Map<String, String> attributes) {
        this.channels = channels;
        this.samples = samples;
        this.labels = labelNames.size();
        this.event = ByteBuffer.allocate(Math.multiplyExact(channels, samples) * Short.BYTES + labels * Double.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        int32(channels);
        int32(samples);
        int32(labelNames.size());
        for (String name : labelNames) text(name);
        int32(attributes.size());
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            text(a.getKey());
            text(a.getValue());
        }
    }

    /** The checksum of a whole dataset. */
    public static String of(Dataset dataset) {
        DatasetChecksum sum = new DatasetChecksum(dataset.channels(), dataset.samples(), dataset.labelNames(), dataset.attributes());
        for (int e = 0; e < dataset.events(); e++) sum.add(dataset.waveforms()[e], dataset.labels()[e]);
        return sum.value();
    }

    /** Adds the next event: {@code waveform[channel][sample]} and its label row. */
    public void add(short[][] waveform, double[] labelRow) {
        event.clear();
        for (int c = 0; c < channels; c++) {
            for (int s = 0; s < samples; s++) event.putShort(waveform[c][s]);
        }
        for (int j = 0; j < labels; j++) event.putLong(Double.doubleToRawLongBits(labelRow[j]));
        crc.update(event.array(), 0, event.position());
        events++;
    }

    /** The number of events added so far. */
    public long events() { return events; }

    /** The checksum so far, as 8 lower-case hexadecimal digits. */
    public String value() {
        return String.format("%08x", crc.getValue());
    }

    private void int32(int v) {
        byte[] b = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
        crc.update(b, 0, b.length);
    }

    private void text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int32(b.length);
        crc.update(b, 0, b.length);
    }
}
