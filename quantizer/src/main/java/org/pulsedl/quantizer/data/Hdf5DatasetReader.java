package org.pulsedl.quantizer.data;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.exceptions.HdfException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.pulsedl.quantizer.data.Hdf5DatasetFormat.*;

/**
 * Reads the HDF5 layout of {@link Hdf5DatasetFormat} from an untrusted file. Before jhdf reads any data, every
 * declared size is checked against the file's size and the memory the JVM may use (jhdf reads a cut-off file
 * as zeros, and allocates whatever a damaged header declares); the checksum of a version-2 file is verified;
 * and whatever jhdf throws on a damaged file is caught at one place, {@link #read}, and reported as the
 * file's problem.
 */
final class Hdf5DatasetReader {
    private final Path file;
    private final long fileSize;
    private final HdfFile in;

    private Hdf5DatasetReader(Path file, long fileSize, HdfFile in) {
        this.file = file;
        this.fileSize = fileSize;
        this.in = in;
    }

    static Dataset read(Path file) throws IOException {
        TextLines.requireFile(file);
        long fileSize = Files.size(file);
        try (HdfFile in = new HdfFile(file)) {
            return new Hdf5DatasetReader(file, fileSize, in).read();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // jhdf signals a damaged file with HdfException, but also with buffer, arithmetic and array errors
            // (and can run out of memory or stack on a damaged size or link): all of them mean the same here.
            String detail = e instanceof HdfException && e.getMessage() != null ? " (" + e.getMessage() + ")" : "";
            throw DatasetFormatException.inFile(file, "expected an HDF5 file, found one that cannot be read: it is damaged, "
                    + "truncated or not HDF5" + detail);
        }
    }

    private Dataset read() throws IOException {
        int version = checkFormat();
        io.jhdf.api.Dataset waveformSet = dataset(WAVEFORMS);
        int[] dims = checkShape(waveformSet, WAVEFORMS, short.class, 3, "int16 [events][channels][samples]");
        io.jhdf.api.Dataset labelSet = in.getChild(LABELS) == null ? null : dataset(LABELS);
        String[] names = new String[0];
        int[] labelDims = {dims[0], 0};
        if (labelSet != null) {
            labelDims = checkShape(labelSet, LABELS, double.class, 2, "float64 [" + dims[0] + "][n_labels]");
            if (labelDims[0] != dims[0]) {
                throw error("dataset '" + LABELS + "': expected float64 [" + dims[0] + "][n_labels], found float64 "
                        + Arrays.toString(labelDims));
            }
            names = labelNames(labelSet, labelDims[1]);
        }
        Map<String, String> attributes = readAttributes();
        Long events = (Long) integer(ATTR_EVENTS, version == 2);
        String crc = string(ATTR_CRC, version == 2);
        if (events != null && events != dims[0]) {
            throw error("root attribute '" + ATTR_EVENTS + "' records " + events + " events, but dataset '" + WAVEFORMS
                    + "' holds " + dims[0] + ": the file is damaged");
        }
        checkMemory(dims, labelDims[1]);
        short[][][] waveforms = (short[][][]) waveformSet.getData();
        double[][] labels = labelSet == null ? new double[dims[0]][0] : (double[][]) labelSet.getData();
        Dataset dataset = new Dataset(waveforms, Arrays.asList(names), labels, attributes);
        if (crc != null) {
            String actual = DatasetChecksum.of(dataset);
            if (!actual.equals(crc)) {
                throw error("the content checksum is " + actual + ", but root attribute '" + ATTR_CRC + "' records "
                        + crc + ": the file was damaged or changed after it was written");
            }
        }
        return dataset;
    }

    /** Checks the format attributes and returns the version (1 or 2). */
    private int checkFormat() throws DatasetFormatException {
        Object format = checkedData(in.getAttribute(ATTR_FORMAT));
        if (!FORMAT.equals(format)) {
            throw error("root attribute '" + ATTR_FORMAT + "': expected '" + FORMAT + "', found " + describe(format));
        }
        Object version = checkedData(in.getAttribute(ATTR_VERSION));
        boolean integral = version instanceof Integer || version instanceof Long || version instanceof Short || version instanceof Byte;
        long v = integral ? ((Number) version).longValue() : -1;
        if (v != 1 && v != FORMAT_VERSION) {
            throw error("root attribute '" + ATTR_VERSION + "': expected the integer 1 or " + FORMAT_VERSION + ", found "
                    + describe(version));
        }
        return (int) v;
    }

    /**
     * Checks type, rank and extents of a dataset against the file before any of it is read: a contiguous
     * dataset must lie inside the file (jhdf would read the missing part of a cut-off file as zeros).
     */
    private int[] checkShape(io.jhdf.api.Dataset ds, String name, Class<?> type, int rank, String expected)
            throws DatasetFormatException {
        int[] dims = ds.getDimensions();
        if (dims.length != rank || ds.getJavaType() != type) {
            throw error("dataset '" + name + "': expected " + expected + ", found " + typeName(ds) + " " + Arrays.toString(dims));
        }
        long elements = 1;
        for (int d : dims) {
            if (d < 0) throw error("dataset '" + name + "': expected non-negative extents, found " + Arrays.toString(dims));
            elements = DatasetSize.saturatingMultiply(elements, d);
        }
        long bytes = DatasetSize.saturatingMultiply(elements, type == short.class ? Short.BYTES : Double.BYTES);
        if (ds instanceof ContiguousDataset contiguous && bytes > 0) {
            long address = contiguous.getDataAddress();
            if (address < 0 || address > fileSize || bytes > fileSize - address) {
                throw error("truncated or damaged: dataset '" + name + "' " + Arrays.toString(dims) + " declares " + bytes
                        + " bytes of data at byte " + Long.toUnsignedString(address) + ", beyond the end of the file ("
                        + fileSize + " bytes)");
            }
        }
        return dims;
    }

    private void checkMemory(int[] dims, int labels) throws DatasetFormatException {
        long heap = DatasetSize.saturatingMultiply(dims[0], DatasetSize.heapBytesPerEvent(dims[1], dims[2], labels));
        String shortfall = DatasetSize.heapShortfall(heap);
        if (shortfall != null) {
            throw error(dims[0] + " events of " + dims[1] + " x " + dims[2] + " samples " + shortfall + "; "
                    + DatasetSize.HEAP_ADVICE);
        }
    }

    private String[] labelNames(io.jhdf.api.Dataset labelSet, int count) throws DatasetFormatException {
        Object names = checkedData(labelSet.getAttribute(LABEL_NAMES));
        if (!(names instanceof String[] array) || array.length != count) {
            throw error("dataset '" + LABELS + "' attribute '" + LABEL_NAMES + "': expected " + count
                    + " label names as strings, found " + describe(names));
        }
        if (Set.copyOf(Arrays.asList(array)).size() != array.length) {
            throw error("dataset '" + LABELS + "' attribute '" + LABEL_NAMES + "': expected distinct label names, found "
                    + Arrays.toString(array));
        }
        return array;
    }

    private Map<String, String> readAttributes() throws DatasetFormatException {
        Set<String> present = new TreeSet<>(in.getAttributes().keySet());
        present.removeAll(RESERVED_ATTRIBUTES);
        List<String> order;
        Object orderData = checkedData(in.getAttribute(ATTR_ORDER));
        if (orderData == null) {
            order = new ArrayList<>(present);
        } else if (orderData instanceof String[] array && new TreeSet<>(Arrays.asList(array)).equals(present)
                && array.length == present.size()) {
            order = Arrays.asList(array);
        } else {
            throw error("root attribute '" + ATTR_ORDER + "': expected the names of the other root attributes "
                    + present + ", found " + describe(orderData));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String key : order) {
            Object value = checkedData(in.getAttribute(key));
            if (!(value instanceof String s)) {
                throw error("root attribute '" + key + "': expected a string, found " + describe(value));
            }
            attributes.put(key, s);
        }
        return attributes;
    }

    /** A scalar integer root attribute as a Long, or null when absent and not required. */
    private Object integer(String name, boolean required) throws DatasetFormatException {
        Object value = checkedData(in.getAttribute(name));
        if (value == null && !required) return null;
        if (value instanceof Long || value instanceof Integer) return ((Number) value).longValue();
        throw error("root attribute '" + name + "': expected an integer, found " + describe(value));
    }

    /** A scalar string root attribute, or null when absent and not required. */
    private String string(String name, boolean required) throws DatasetFormatException {
        Object value = checkedData(in.getAttribute(name));
        if (value == null && !required) return null;
        if (value instanceof String s) return s;
        throw error("root attribute '" + name + "': expected a string, found " + describe(value));
    }

    private io.jhdf.api.Dataset dataset(String name) throws DatasetFormatException {
        Node node = in.getChild(name);
        if (!(node instanceof io.jhdf.api.Dataset ds)) {
            throw error("expected a dataset '" + name + "', found "
                    + (node == null ? "none" : "a " + node.getType().toString().toLowerCase()));
        }
        return ds;
    }

    /** An attribute's value, after checking its declared size fits the file (it is stored in it). */
    private Object checkedData(Attribute attribute) throws DatasetFormatException {
        if (attribute == null) return null;
        long bytes = attribute.getSizeInBytes();
        if (bytes < 0 || bytes > fileSize) {
            throw error("attribute '" + attribute.getName() + "' declares " + bytes + " bytes, more than the file ("
                    + fileSize + " bytes): the file is damaged");
        }
        return attribute.getData();
    }

    private DatasetFormatException error(String detail) {
        return DatasetFormatException.inFile(file, detail);
    }

    private static String typeName(io.jhdf.api.Dataset ds) {
        Class<?> t = ds.getJavaType();
        if (t == short.class) return "int16";
        if (t == double.class) return "float64";
        if (t == int.class) return "int32 (or uint16)";
        if (t == long.class) return "int64 (or uint32)";
        if (t == float.class) return "float32";
        if (t == byte.class) return "int8";
        if (t == String.class) return "string";
        return "an unsupported type";
    }

    private static String describe(Object value) {
        if (value == null) return "none";
        if (value instanceof String s) return "'" + TextLines.quote(s) + "'";
        if (value instanceof String[] a) return TextLines.quote(Arrays.toString(a));
        if (value.getClass().isArray()) return "an array";
        if (value instanceof Number n) return n + " (" + (value instanceof Long ? "int64" : value instanceof Integer ? "int32"
                : value instanceof Double ? "float64" : value instanceof Float ? "float32" : "integer") + ")";
        return "a value of another type";
    }
}
