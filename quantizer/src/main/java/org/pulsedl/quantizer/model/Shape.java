package org.pulsedl.quantizer.model;

import java.util.Arrays;

/**
 * The shape of one activation tensor, without the batch axis: either {@code [length][channels]} (rank 2,
 * Keras channels_last) or a flat vector {@code [n]} (rank 1, after Flatten or a Dense layer). Data is
 * stored row-major, so element {@code (l, c)} of a rank-2 tensor lives at {@code l * channels + c}.
 */
public record Shape(int[] dims) {

    public Shape {
        if (dims.length < 1 || dims.length > 2) {
            throw new IllegalArgumentException("a shape has rank 1 or 2, got " + Arrays.toString(dims));
        }
        long size = 1;
        for (int d : dims) {
            if (d < 1) {
                throw new IllegalArgumentException("shape dimensions must be >= 1, got " + Arrays.toString(dims));
            }
            size *= d;
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " has " + size
                    + " elements, more than a tensor can hold (2^31 - 1)");
        }
        dims = dims.clone();
    }

    /** {@code [length][channels]}. */
    public static Shape of(int length, int channels) { return new Shape(new int[] {length, channels}); }

    /** A flat vector {@code [n]}. */
    public static Shape flat(int n) { return new Shape(new int[] {n}); }

    /**
     * Parses {@code "32x2"}, {@code "32,2"} or {@code "128"}.
     *
     * @throws IllegalArgumentException naming the text and the reason
     */
    public static Shape parse(String text) {
        String[] parts = text.trim().split("[x,×]");
        int[] dims = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                dims[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("shape '" + text + "': '" + parts[i].trim() + "' is not an integer");
            }
        }
        try {
            return new Shape(dims);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("shape '" + text + "': " + e.getMessage());
        }
    }

    @Override
    public int[] dims() { return dims.clone(); }

    public int rank() { return dims.length; }

    public boolean isFlat() { return dims.length == 1; }

    /** Length of a rank-2 tensor. */
    public int length() {
        requireRank2();
        return dims[0];
    }

    /** Channels of a rank-2 tensor. */
    public int channels() {
        requireRank2();
        return dims[1];
    }

    /** Number of elements. */
    public int size() {
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    private void requireRank2() {
        if (dims.length != 2) {
            throw new IllegalStateException("shape " + this + " is not [length][channels]");
        }
    }

    @Override
    public boolean equals(Object o) { return o instanceof Shape s && Arrays.equals(dims, s.dims); }

    @Override
    public int hashCode() { return Arrays.hashCode(dims); }

    @Override
    public String toString() { return Arrays.toString(dims); }
}
