package org.pulsedl.quantizer.qmodel;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Typed, path-aware access to a JSON object for the readers of our JSON model files ({@code .qmodel} and the
 * float-model JSON); every error is a {@link QModelException} naming the field.
 */
public final class JsonFields {
    private final JsonNode node;
    private final String path;

    public JsonFields(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new QModelException(path.isEmpty() ? "(root)" : path, "must be a JSON object");
        }
        this.node = node;
        this.path = path;
    }

    /** This object's own path ({@code (root)} for the top level). */
    public String here() { return path.isEmpty() ? "(root)" : path; }

    public String path(String key) { return path.isEmpty() ? key : path + "." + key; }

    /** Refuses keys outside {@code allowed} (catches typos and fields of another version). */
    public void onlyKeys(String... allowed) {
        Set<String> ok = new HashSet<>(Arrays.asList(allowed));
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!ok.contains(k)) {
                throw new QModelException(path(k), "unknown field");
            }
        }
    }

    public boolean has(String key) { return node.has(key) && !node.get(key).isNull(); }

    public JsonNode get(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw new QModelException(path(key), "missing");
        }
        return v;
    }

    public JsonFields object(String key) { return new JsonFields(get(key), path(key)); }

    public String text(String key) {
        JsonNode v = get(key);
        if (!v.isTextual()) {
            throw new QModelException(path(key), "must be a string");
        }
        return v.asText();
    }

    public boolean bool(String key) {
        JsonNode v = get(key);
        if (!v.isBoolean()) {
            throw new QModelException(path(key), "must be true or false");
        }
        return v.asBoolean();
    }

    public int integer(String key) { return toInt(get(key), path(key)); }

    public double number(String key) { return toDouble(get(key), path(key)); }

    public JsonNode array(String key) {
        JsonNode v = get(key);
        if (!v.isArray()) {
            throw new QModelException(path(key), "must be an array");
        }
        return v;
    }

    public int[] ints(String key) {
        JsonNode a = array(key);
        int[] r = new int[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = toInt(a.get(i), path(key) + "[" + i + "]");
        }
        return r;
    }

    public long[] longs(String key) {
        JsonNode a = array(key);
        long[] r = new long[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = toLong(a.get(i), path(key) + "[" + i + "]");
        }
        return r;
    }

    public double[] doubles(String key) { return doubleArray(get(key), path(key)); }

    /** {@code v}, which must be a JSON array at {@code path}. */
    public static JsonNode arrayAt(JsonNode v, String path) {
        if (v == null || !v.isArray()) {
            throw new QModelException(path, "must be an array");
        }
        return v;
    }

    /** The array {@code a} (at {@code path}) of finite numbers. */
    public static double[] doubleArray(JsonNode a, String path) {
        arrayAt(a, path);
        double[] r = new double[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = toDouble(a.get(i), path + "[" + i + "]");
        }
        return r;
    }

    /** Rows of int8 weights, each value checked to lie in [−127, 127]. */
    public byte[][] weightRows(String key) {
        JsonNode a = array(key);
        byte[][] r = new byte[a.size()][];
        for (int c = 0; c < r.length; c++) {
            String rp = path(key) + "[" + c + "]";
            JsonNode row = a.get(c);
            if (!row.isArray()) {
                throw new QModelException(rp, "must be an array");
            }
            r[c] = new byte[row.size()];
            for (int i = 0; i < row.size(); i++) {
                long v = toLong(row.get(i), rp + "[" + i + "]");
                if (v < -127 || v > 127) {
                    throw new QModelException(rp + "[" + i + "]", v + " outside [-127, 127]");
                }
                r[c][i] = (byte) v;
            }
        }
        return r;
    }

    static int toInt(JsonNode v, String path) {
        long l = toLong(v, path);
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw new QModelException(path, l + " does not fit a 32-bit integer");
        }
        return (int) l;
    }

    static long toLong(JsonNode v, String path) {
        if (!v.isIntegralNumber()) {
            throw new QModelException(path, "must be an integer, got " + v);
        }
        if (!v.canConvertToLong()) {
            throw new QModelException(path, v + " does not fit a 64-bit integer");
        }
        return v.asLong();
    }

    static double toDouble(JsonNode v, String path) {
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new QModelException(path, "must be a finite number, got " + v);
        }
        return v.asDouble();
    }
}
