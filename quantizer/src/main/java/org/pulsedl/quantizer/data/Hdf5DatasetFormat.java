package org.pulsedl.quantizer.data;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Node;
import io.jhdf.api.WritableDataset;
import io.jhdf.exceptions.HdfException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The HDF5 layout of a {@link Dataset} (schema {@code pulsedl-dataset} version 1, see {@code docs/datasets.md}):
 * <pre>
 * /                 attrs: format = "pulsedl-dataset", format_version = 1 (int32),
 *                          attribute_order = string[] (omitted when there are no attributes),
 *                          one string attribute per dataset attribute
 * /waveforms        int16 [events][channels][samples]
 * /labels           float64 [events][n_labels], attr names = string[n_labels]; absent when n_labels = 0
 * </pre>
 * jhdf 0.10.0 cannot write zero-length arrays, so a file holds at least one event, channel and sample, and
 * the label matrix is left out rather than written with zero columns. HDF5 attributes have no order, hence
 * {@code attribute_order}.
 */
public final class Hdf5DatasetFormat {
    public static final String FORMAT = "pulsedl-dataset";
    public static final int FORMAT_VERSION = 1;

    static final String ATTR_FORMAT = "format";
    static final String ATTR_VERSION = "format_version";
    static final String ATTR_ORDER = "attribute_order";
    static final String WAVEFORMS = "waveforms";
    static final String LABELS = "labels";
    static final String LABEL_NAMES = "names";
    /** jhdf stamps every file it writes with this root attribute; it is not a dataset attribute. */
    private static final String JHDF_STAMP = "_jHDF";
    /** Root attribute names a dataset attribute may not use. */
    public static final Set<String> RESERVED_ATTRIBUTES = Set.of(ATTR_FORMAT, ATTR_VERSION, ATTR_ORDER, JHDF_STAMP);

    private Hdf5DatasetFormat() {}

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
        // jhdf does not truncate an existing file, so write a sibling and move it into place.
        Path absolute = file.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try (WritableHdfFile out = HdfFile.write(partial)) {
            out.putAttribute(ATTR_FORMAT, FORMAT);
            out.putAttribute(ATTR_VERSION, FORMAT_VERSION);
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
            Files.deleteIfExists(partial);
            throw new IOException("cannot write HDF5 file '" + file + "': " + e.getMessage(), e);
        }
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
    }

    public static Dataset read(Path file) throws IOException {
        TextLines.requireFile(file);
        try (HdfFile in = new HdfFile(file)) {
            checkFormat(file, in);
            short[][][] waveforms = readWaveforms(file, in);
            List<String> labelNames = new ArrayList<>();
            double[][] labels = readLabels(file, in, waveforms.length, labelNames);
            return new Dataset(waveforms, labelNames, labels, readAttributes(file, in));
        } catch (HdfException e) {
            throw DatasetFormatException.inFile(file, "expected an HDF5 file, found one jhdf cannot read (" + e.getMessage() + ")");
        }
    }

    private static void checkFormat(Path file, HdfFile in) throws DatasetFormatException {
        Object format = data(in.getAttribute(ATTR_FORMAT));
        if (!FORMAT.equals(format)) {
            throw DatasetFormatException.inFile(file, "root attribute '" + ATTR_FORMAT + "': expected '" + FORMAT
                    + "', found " + describe(format));
        }
        Object version = data(in.getAttribute(ATTR_VERSION));
        boolean integral = version instanceof Integer || version instanceof Long || version instanceof Short || version instanceof Byte;
        if (!integral || ((Number) version).longValue() != FORMAT_VERSION) {
            throw DatasetFormatException.inFile(file, "root attribute '" + ATTR_VERSION + "': expected the integer "
                    + FORMAT_VERSION + ", found " + describe(version));
        }
    }

    private static short[][][] readWaveforms(Path file, HdfFile in) throws DatasetFormatException {
        io.jhdf.api.Dataset ds = dataset(file, in, WAVEFORMS);
        int[] dims = ds.getDimensions();
        if (dims.length != 3 || ds.getJavaType() != short.class) {
            throw DatasetFormatException.inFile(file, "dataset '" + WAVEFORMS + "': expected int16 [events][channels][samples], found "
                    + typeName(ds) + " " + Arrays.toString(dims));
        }
        return (short[][][]) ds.getData();
    }

    private static double[][] readLabels(Path file, HdfFile in, int events, List<String> namesOut) throws DatasetFormatException {
        if (in.getChild(LABELS) == null) return new double[events][0];
        io.jhdf.api.Dataset ds = dataset(file, in, LABELS);
        int[] dims = ds.getDimensions();
        if (dims.length != 2 || ds.getJavaType() != double.class || dims[0] != events) {
            throw DatasetFormatException.inFile(file, "dataset '" + LABELS + "': expected float64 [" + events + "][n_labels], found "
                    + typeName(ds) + " " + Arrays.toString(dims));
        }
        Object names = data(ds.getAttribute(LABEL_NAMES));
        if (!(names instanceof String[] array) || array.length != dims[1]) {
            throw DatasetFormatException.inFile(file, "dataset '" + LABELS + "' attribute '" + LABEL_NAMES + "': expected "
                    + dims[1] + " label names as strings, found " + describe(names));
        }
        if (Set.copyOf(Arrays.asList(array)).size() != array.length) {
            throw DatasetFormatException.inFile(file, "dataset '" + LABELS + "' attribute '" + LABEL_NAMES
                    + "': expected distinct label names, found " + Arrays.toString(array));
        }
        namesOut.addAll(Arrays.asList(array));
        return (double[][]) ds.getData();
    }

    private static Map<String, String> readAttributes(Path file, HdfFile in) throws DatasetFormatException {
        Set<String> present = new TreeSet<>(in.getAttributes().keySet());
        present.removeAll(RESERVED_ATTRIBUTES);
        List<String> order;
        Object orderData = data(in.getAttribute(ATTR_ORDER));
        if (orderData == null) {
            order = new ArrayList<>(present);
        } else if (orderData instanceof String[] array && new TreeSet<>(Arrays.asList(array)).equals(present)
                && array.length == present.size()) {
            order = Arrays.asList(array);
        } else {
            throw DatasetFormatException.inFile(file, "root attribute '" + ATTR_ORDER + "': expected the names of the other root attributes "
                    + present + ", found " + describe(orderData));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String key : order) {
            Object value = data(in.getAttribute(key));
            if (!(value instanceof String s)) {
                throw DatasetFormatException.inFile(file, "root attribute '" + key + "': expected a string, found " + describe(value));
            }
            attributes.put(key, s);
        }
        return attributes;
    }

    private static io.jhdf.api.Dataset dataset(Path file, HdfFile in, String name) throws DatasetFormatException {
        Node node = in.getChild(name);
        if (!(node instanceof io.jhdf.api.Dataset ds)) {
            throw DatasetFormatException.inFile(file, "expected a dataset '" + name + "', found "
                    + (node == null ? "none" : "a " + node.getType().toString().toLowerCase()));
        }
        return ds;
    }

    private static Object data(Attribute attribute) {
        return attribute == null ? null : attribute.getData();
    }

    private static String typeName(io.jhdf.api.Dataset ds) {
        Class<?> t = ds.getJavaType();
        if (t == short.class) return "int16";
        if (t == double.class) return "float64";
        if (t == int.class) return "int32 (or uint16)";
        if (t == long.class) return "int64 (or uint32)";
        if (t == float.class) return "float32";
        if (t == byte.class) return "int8";
        return t.getSimpleName();
    }

    private static String describe(Object value) {
        if (value == null) return "none";
        if (value instanceof String s) return "'" + s + "'";
        if (value instanceof String[] a) return Arrays.toString(a);
        if (value.getClass().isArray()) return "an array of " + value.getClass().getComponentType().getSimpleName();
        return value + " (" + value.getClass().getSimpleName() + ")";
    }
}
