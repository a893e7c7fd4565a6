package org.pulsedl.quantizer.data;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.exceptions.HdfException;
import org.pulsedl.quantizer.io.AtomicOutput;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The HDF5 layout of a {@link Dataset} (schema {@code pulsedl-dataset} version 2, see {@code docs/datasets.md}):
 * <pre>
 * /                 attrs: format = "pulsedl-dataset", format_version = 2 (int32),
 *                          events = int64, content_crc32 = string (the {@link DatasetChecksum}),
 *                          attribute_order = string[] (omitted when there are no attributes),
 *                          one string attribute per dataset attribute
 * /waveforms        int16 [events][channels][samples]
 * /labels           float64 [events][n_labels], attr names = string[n_labels]; absent when n_labels = 0
 * </pre>
 * Version 1 files (before the checksum) and files written by other tools without it are still read, with the
 * structural checks only. jhdf 0.10.0 cannot write zero-length arrays, so a file holds at least one event,
 * channel and sample, and the label matrix is left out rather than written with zero columns. HDF5
 * attributes have no order, hence {@code attribute_order}. Reading is in {@link Hdf5DatasetReader}.
 */
public final class Hdf5DatasetFormat {
    public static final String FORMAT = "pulsedl-dataset";
    /** Version written; version 1 (no checksum) is still read. */
    public static final int FORMAT_VERSION = 2;

    static final String ATTR_FORMAT = "format";
    static final String ATTR_VERSION = "format_version";
    static final String ATTR_ORDER = "attribute_order";
    static final String ATTR_EVENTS = "events";
    static final String ATTR_CRC = "content_crc32";
    static final String WAVEFORMS = "waveforms";
    static final String LABELS = "labels";
    static final String LABEL_NAMES = "names";
    /** jhdf stamps every file it writes with this root attribute; it is not a dataset attribute. */
    static final String JHDF_STAMP = "_jHDF";
    /** Root attribute names a dataset attribute may not use. */
    public static final Set<String> RESERVED_ATTRIBUTES = Set.of(ATTR_FORMAT, ATTR_VERSION, ATTR_ORDER, ATTR_EVENTS, ATTR_CRC, JHDF_STAMP);

    private Hdf5DatasetFormat() {}

    /** Writes {@code dataset} atomically: the previous file stays intact until the new one is complete. */
    public static void write(Dataset dataset, Path file) throws IOException {
        if (dataset.events() == 0 || dataset.channels() == 0 || dataset.samples() == 0) {
            throw new IllegalArgumentException("cannot write " + dataset + " to HDF5 '" + file
                    + "': the HDF5 layout needs at least one event, channel and sample (use CSV for empty datasets)");
        }
        for (String key : dataset.attributes().keySet()) {
            if (RESERVED_ATTRIBUTES.contains(key)) {
                throw new IllegalArgumentException("cannot write dataset attribute '" + key + "' to HDF5 '" + file
                        + "': the name is reserved by the layout " + RESERVED_ATTRIBUTES);
            }
        }
        String checksum = DatasetChecksum.of(dataset);
        AtomicOutput.writeFile(file, partial -> {
            try (WritableHdfFile out = HdfFile.write(partial)) {
                out.putAttribute(ATTR_FORMAT, FORMAT);
                out.putAttribute(ATTR_VERSION, FORMAT_VERSION);
                out.putAttribute(ATTR_EVENTS, (long) dataset.events());
                out.putAttribute(ATTR_CRC, checksum);
                if (!dataset.attributes().isEmpty()) {
                    out.putAttribute(ATTR_ORDER, dataset.attributes().keySet().toArray(new String[0]));
                    dataset.attributes().forEach(out::putAttribute);
                }
                out.putDataset(WAVEFORMS, dataset.waveforms());
                if (!dataset.labelNames().isEmpty()) {
                    WritableDataset labels = out.putDataset(LABELS, dataset.labels());
                    labels.putAttribute(LABEL_NAMES, dataset.labelNames().toArray(new String[0]));
                }
            } catch (HdfException e) {
                throw new IOException("cannot write HDF5 file '" + file + "': " + e.getMessage(), e);
            }
        });
    }

    /**
     * Heap bytes writing {@code events} events to HDF5 takes: the dataset's arrays plus the flat copy of the
     * content jhdf encodes before writing it.
     */
    public static long writeHeapBytes(long events, int channels, int samples, int labels) {
        long arrays = DatasetSize.saturatingMultiply(events, DatasetSize.heapBytesPerEvent(channels, samples, labels));
        long flat = DatasetSize.contentBytes(events, channels, samples, labels);
        return arrays > Long.MAX_VALUE - flat ? Long.MAX_VALUE : arrays + flat;
    }

    /** Bytes of the file: the content plus a generous allowance for HDF5's headers and attributes. */
    public static long fileBytes(long events, int channels, int samples, int labels) {
        long content = DatasetSize.contentBytes(events, channels, samples, labels);
        return content > Long.MAX_VALUE - (1 << 20) ? Long.MAX_VALUE : content + (1 << 20);
    }

    public static Dataset read(Path file) throws IOException {
        return Hdf5DatasetReader.read(file);
    }
}
