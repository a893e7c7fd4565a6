package org.pulsedl.quantizer.oracle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A NumPy {@code .npy} array as the oracle scripts write them: format versions 1–3, C order, little-endian
 * {@code float32/float64/int8/int16/int32/int64} (also {@code uint8}). Values are decoded on demand.
 *
 * @param dtype NumPy's descr, e.g. {@code <f4}
 * @param shape dimensions ({@code []} for a scalar)
 */
public record Npy(String dtype, int[] shape, ByteBuffer data) {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    public static Npy read(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        String where = "'" + file + "'";
        byte[] magic = new byte[MAGIC.length];
        if (buf.remaining() < 10) {
            throw new IOException(where + " is too short for a .npy file");
        }
        buf.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException(where + " is not a .npy file (bad magic)");
        }
        int major = buf.get() & 0xff;
        buf.get(); // minor
        long headerLen = switch (major) {
            case 1 -> buf.getShort() & 0xffff;
            case 2, 3 -> buf.getInt() & 0xffffffffL;
            default -> throw new IOException(where + ": unsupported .npy version " + major);
        };
        if (headerLen > buf.remaining()) {
            throw new IOException(where + ": header longer than the file");
        }
        byte[] header = new byte[(int) headerLen];
        buf.get(header);
        String text = new String(header, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, text, where, "descr");
        if (group(FORTRAN, text, where, "fortran_order").equals("True")) {
            throw new IOException(where + ": Fortran order is not supported");
        }
        int[] shape = Arrays.stream(group(SHAPE, text, where, "shape").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        int itemSize = itemSize(descr, where);
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        if (count * itemSize != buf.remaining()) {
            throw new IOException(where + ": " + count + " values of " + descr + " need " + count * itemSize
                    + " bytes, the file holds " + buf.remaining());
        }
        return new Npy(descr, shape, buf.slice().order(ByteOrder.LITTLE_ENDIAN));
    }

    private static String group(Pattern p, String text, String where, String what) throws IOException {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IOException(where + ": header has no '" + what + "': " + text.trim());
        }
        return m.group(1);
    }

    private static int itemSize(String descr, String where) throws IOException {
        return switch (descr) {
            case "|i1", "|u1", "<i1", "<u1" -> 1;
            case "<i2" -> 2;
            case "<i4", "<f4" -> 4;
            case "<i8", "<f8" -> 8;
            default -> throw new IOException(where + ": unsupported dtype '" + descr + "' (little-endian int/float only)");
        };
    }

    /** Number of values. */
    public int size() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Whether the dtype is a float type. */
    public boolean isFloat() { return dtype.charAt(1) == 'f'; }

    /** Value {@code i} (flat, C order) as a double; exact for every supported dtype except int64 beyond 2^53. */
    public double getDouble(int i) {
        return switch (dtype) {
            case "<f4" -> data.getFloat(i * 4);
            case "<f8" -> data.getDouble(i * 8);
            default -> getLong(i);
        };
    }

    /** Value {@code i} of an integer array. */
    public long getLong(int i) {
        return switch (dtype) {
            case "|i1", "<i1" -> data.get(i);
            case "|u1", "<u1" -> data.get(i) & 0xff;
            case "<i2" -> data.getShort(i * 2);
            case "<i4" -> data.getInt(i * 4);
            case "<i8" -> data.getLong(i * 8);
            default -> throw new IllegalStateException("not an integer array: " + dtype);
        };
    }

    /** All values as doubles, C order. */
    public double[] toDoubles() {
        double[] v = new double[size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = getDouble(i);
        }
        return v;
    }

    /** All values of an integer array, C order. */
    public long[] toLongs() {
        long[] v = new long[size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = getLong(i);
        }
        return v;
    }

    /** Row {@code r} of the flattened trailing dimensions, e.g. one input window of {@code [N, 32, 2]}. */
    public double[] row(int r) {
        int n = size() / shape[0];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = getDouble(r * n + i);
        }
        return v;
    }

    @Override
    public int[] shape() { return shape.clone(); }

    @Override
    public String toString() { return "Npy[" + dtype + " " + Arrays.toString(shape) + "]"; }
}
