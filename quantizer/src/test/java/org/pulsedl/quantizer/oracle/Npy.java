package org.pulsedl.quantizer.oracle;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The oracle tests' name for a {@code .npy} array: a view of the main code's {@link org.pulsedl.quantizer.io.Npy}, so
 * that the tests and {@code pulsedl predict} read NumPy files with one reader.
 */
public final class Npy {
    private final org.pulsedl.quantizer.io.Npy array;

    private Npy(org.pulsedl.quantizer.io.Npy array) {
        this.array = array;
    }

    public static Npy read(Path file) throws IOException {
        return new Npy(org.pulsedl.quantizer.io.Npy.read(file));
    }

    public String dtype() { return array.dtype(); }

    public int[] shape() { return array.shape(); }

    public int size() { return array.size(); }

    public boolean isFloat() { return array.isFloat(); }

    public double getDouble(int i) { return array.getDouble(i); }

    public long getLong(int i) { return array.getLong(i); }

    public double[] toDoubles() { return array.toDoubles(); }

    public long[] toLongs() { return array.toLongs(); }

    public double[] row(int r) { return array.row(r); }

    @Override
    public String toString() { return array.toString(); }
}
