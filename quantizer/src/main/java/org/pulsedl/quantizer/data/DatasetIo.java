package org.pulsedl.quantizer.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads and writes datasets, choosing the format by the file's extension: {@code .h5}/{@code .hdf5} → HDF5,
 * {@code .csv} → CSV. Both layouts are specified in {@code docs/datasets.md}.
 */
public final class DatasetIo {
    /** The on-disk formats of a {@link Dataset}. */
    public enum Format { HDF5, CSV }

    /** The extensions {@link #formatOf} understands, for error messages and help texts. */
    public static final String SUPPORTED_EXTENSIONS = ".h5, .hdf5, .csv";

    private DatasetIo() {}

    public static Dataset read(Path file) throws IOException {
        return switch (formatOf(file)) {
            case HDF5 -> Hdf5DatasetFormat.read(file);
            case CSV -> CsvDatasetFormat.read(file);
        };
    }

    /** Writes atomically: an interrupted or failed write leaves the previous file as it was. */
    public static void write(Dataset dataset, Path file) throws IOException {
        try {
            switch (formatOf(file)) {
                case HDF5 -> Hdf5DatasetFormat.write(dataset, file);
                case CSV -> CsvDatasetFormat.write(dataset, file);
            }
        } catch (IOException e) {
            throw namingFile(file, e);
        }
    }

    /** {@code e} itself when its message names {@code file}, else an error that does (e.g. a full disk). */
    public static IOException namingFile(Path file, IOException e) {
        String message = e.getMessage();
        if (message != null && message.contains(file.toString())) return e;
        return new IOException(file + ": cannot write the dataset: " + (message == null ? "input/output error" : message), e);
    }

    /** The format for {@code file}'s extension (case-insensitive), or an error naming the supported ones. */
    public static Format formatOf(Path file) {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".h5") || lower.endsWith(".hdf5")) return Format.HDF5;
        if (lower.endsWith(".csv")) return Format.CSV;
        throw new IllegalArgumentException("cannot tell the dataset format of '" + file
                + "' from its extension; supported extensions: " + SUPPORTED_EXTENSIONS);
    }
}
