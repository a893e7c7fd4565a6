package org.pulsedl.quantizer.io;

import java.io.DataOutputStream;
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
 * A NumPy {@code .npy} array: format versions 1–3, C order, little-endian {@code int8/int16/int32/int64},
 * {@code uint8} and {@code float32/float64}. Reading refuses everything else — Fortran order, big-endian or object
 * dtypes, a damaged header, truncated or surplus data, shapes larger than the file — with one line naming the file.
 * Values are decoded on demand from the file's bytes.
 *
 * @param dtype NumPy's descr, normalised to the little-endian spelling ({@code <f4}, {@code |i1}, …)
 * @param shape dimensions ({@code []} for a scalar)
 */
public record Npy(String dtype, int[] shape, ByteBuffer data) {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** The header dictionary NumPy writes: exactly these three keys, in any order. */
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    /** Longest header accepted; NumPy's own limit for reading untrusted files is 10,000 bytes. */
    private static final int MAX_HEADER = 10_000;

    /** Reads {@code file}; a refusal is an {@link IOException} whose one-line message names it. */
    public static Npy read(Path file) throws IOException {
        long size = Files.size(file);
        String where = "'" + file + "'";
        if (size > Integer.MAX_VALUE - 64) {
            throw new IOException(where + " is " + size + " bytes; .npy inputs up to 2 GiB are supported (split it)");
        }
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (buf.remaining() < 10) {
            throw new IOException(where + " is too short for a .npy file");
        }
        byte[] magic = new byte[MAGIC.length];
        buf.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException(where + " is not a .npy file (it does not start with \\x93NUMPY)");
        }
        int major = buf.get() & 0xff;
        buf.get(); // minor
        long headerLen = switch (major) {
            case 1 -> buf.getShort() & 0xffff;
            case 2, 3 -> buf.remaining() >= 4 ? buf.getInt() & 0xffffffffL : Long.MAX_VALUE;
            default -> throw new IOException(where + ": unsupported .npy format version " + major + " (1, 2 and 3 are read)");
        };
        if (headerLen > buf.remaining() || headerLen > MAX_HEADER) {
            throw new IOException(where + ": damaged .npy header (length " + headerLen + " for a file of " + size + " bytes)");
        }
        byte[] header = new byte[(int) headerLen];
        buf.get(header);
        String text = new String(header, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).trim();
        if (!text.startsWith("{") || !text.endsWith("}")) {
            throw new IOException(where + ": damaged .npy header (not a dictionary)");
        }
        String descr = normalise(group(DESCR, text, where, "descr"), where);
        if (group(FORTRAN, text, where, "fortran_order").equals("True")) {
            throw new IOException(where + ": the array is in Fortran order; save it in C order (numpy.ascontiguousarray)");
        }
        int[] shape = parseShape(group(SHAPE, text, where, "shape"), where);
        long itemSize = itemSize(descr);
        long count = 1;
        for (int d : shape) {
            count *= d;
            if (count * itemSize > size) {
                throw new IOException(where + ": shape " + Arrays.toString(shape) + " of " + descr + " needs more bytes than "
                        + "the file holds (" + size + ")");
            }
        }
        if (count * itemSize != buf.remaining()) {
            throw new IOException(where + ": " + count + " values of " + descr + " need " + count * itemSize
                    + " bytes of data, the file holds " + buf.remaining() + (count * itemSize > buf.remaining()
                    ? " (truncated)" : " (surplus bytes after the array)"));
        }
        return new Npy(descr, shape, buf.slice().order(ByteOrder.LITTLE_ENDIAN));
    }

    private static String group(Pattern p, String text, String where, String what) throws IOException {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IOException(where + ": damaged .npy header (no '" + what + "')");
        }
        return m.group(1);
    }

    private static int[] parseShape(String text, String where) throws IOException {
        String[] parts = text.split(",", -1);
        int n = parts.length;
        if (n > 0 && parts[n - 1].trim().isEmpty()) {
            n--;                                   // "(3,)" and "()" end in an empty part
        }
        int[] shape = new int[n];
        for (int i = 0; i < n; i++) {
            String p = parts[i].trim();
            if (!p.matches("\\d{1,10}") || Long.parseLong(p) > Integer.MAX_VALUE) {
                throw new IOException(where + ": damaged .npy header (shape (" + text + "))");
            }
            shape[i] = Integer.parseInt(p);
        }
        return shape;
    }

    /** The descr in one spelling per dtype; big-endian, object, string and other dtypes are refused. */
    private static String normalise(String descr, String where) throws IOException {
        return switch (descr) {
            case "|i1", "<i1", "i1" -> "|i1";
            case "|u1", "<u1", "u1" -> "|u1";
            case "<i2", "<i4", "<i8", "<f4", "<f8" -> descr;
            default -> throw new IOException(where + ": dtype '" + descr + "' is not supported (little-endian int8, "
                    + "int16, int32, int64, float32 or float64" + (descr.startsWith(">") ? "; this array is big-endian" : "")
                    + ")");
        };
    }

    private static int itemSize(String descr) {
        return Integer.parseInt(descr.substring(2));
    }

    /** Bytes per value. */
    public int itemSize() { return itemSize(dtype); }

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

    /** NumPy's name of the dtype ({@code int8}, {@code float32}, …). */
    public String typeName() { return typeName(dtype); }

    /** NumPy's name of a supported descr ({@code |i1} → {@code int8}, {@code <f4} → {@code float32}, …). */
    public static String typeName(String descr) {
        int bits = 8 * itemSize(descr);
        return switch (descr.charAt(1)) {
            case 'f' -> "float" + bits;
            case 'u' -> "uint" + bits;
            default -> "int" + bits;
        };
    }

    /** Value {@code i} (flat, C order) as a double; exact for every supported dtype except int64 beyond 2^53. */
    public double getDouble(int i) {
        return switch (dtype) {
            case "<f4" -> data.getFloat(i * 4);
            case "<f8" -> data.getDouble(i * 8);
            default -> getLong(i);
        };
    }

    /** Value {@code i} of a float array as float32, as a float32 model input receives it. */
    public float getFloat(int i) {
        return dtype.equals("<f4") ? data.getFloat(i * 4) : (float) getDouble(i);
    }

    /** Value {@code i} of an integer array. */
    public long getLong(int i) {
        return switch (dtype) {
            case "|i1" -> data.get(i);
            case "|u1" -> data.get(i) & 0xff;
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

    // ---------------------------------------------------------------------------------------------------------
    // Writing

    /**
     * Writes integer {@code values} (C order) as {@code descr} ({@code |i1}, {@code <i2}, {@code <i4} or {@code <i8}),
     * atomically; a value outside the dtype is a programming error.
     */
    public static void writeIntegers(Path file, String descr, int[] shape, long[] values) throws IOException {
        int item = itemSize(descr);
        ByteBuffer b = body(shape, values.length, item);
        for (long v : values) {
            if (item < 8 && (v < -(1L << (8 * item - 1)) || v >= 1L << (8 * item - 1))) {
                throw new IllegalArgumentException("value " + v + " does not fit " + typeName(descr));
            }
            switch (item) {
                case 1 -> b.put((byte) v);
                case 2 -> b.putShort((short) v);
                case 4 -> b.putInt((int) v);
                default -> b.putLong(v);
            }
        }
        write(file, descr, shape, b);
    }

    /** Writes {@code values} (C order) as {@code <f4} or {@code <f8}, atomically. */
    public static void writeFloats(Path file, String descr, int[] shape, double[] values) throws IOException {
        boolean single = descr.equals("<f4");
        ByteBuffer b = body(shape, values.length, single ? 4 : 8);
        for (double v : values) {
            if (single) b.putFloat((float) v);
            else b.putDouble(v);
        }
        write(file, descr, shape, b);
    }

    private static ByteBuffer body(int[] shape, int count, int item) {
        long n = 1;
        for (int d : shape) n *= d;
        if (n != count) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, got " + count);
        }
        return ByteBuffer.allocate(Math.multiplyExact(count, item)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Version 1 header (version 2 when the header outgrows 65,535 bytes), padded to 64 bytes as NumPy does. */
    private static void write(Path file, String descr, int[] shape, ByteBuffer body) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (int d : shape) dims.append(d).append(shape.length == 1 ? "," : ", ");
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': ("
                + (shape.length > 1 ? dims.substring(0, dims.length() - 2) : dims.toString()) + "), }";
        boolean v2 = dict.length() + 11 > 65_535;
        int prefix = MAGIC.length + 2 + (v2 ? 4 : 2);
        int padded = (prefix + dict.length() + 1 + 63) / 64 * 64;
        String header = dict + " ".repeat(padded - prefix - dict.length() - 1) + "\n";
        AtomicOutput.write(file, out -> {
            DataOutputStream d = new DataOutputStream(out);
            d.write(MAGIC);
            d.write(v2 ? 2 : 1);
            d.write(0);
            int len = header.length();
            if (v2) {
                d.write(new byte[] {(byte) len, (byte) (len >> 8), (byte) (len >> 16), (byte) (len >> 24)});
            } else {
                d.write(new byte[] {(byte) len, (byte) (len >> 8)});
            }
            d.write(header.getBytes(StandardCharsets.ISO_8859_1));
            d.write(body.array());
            d.flush();
        });
    }
}
