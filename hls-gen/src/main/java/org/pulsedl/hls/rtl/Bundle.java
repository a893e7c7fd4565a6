package org.pulsedl.hls.rtl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named bit layout for signals that travel together down a pipeline (a group's drain information, a write's
 * sideband): {@link #pack} concatenates the field expressions, {@link #field} slices one back out.
 */
final class Bundle {
    private final Map<String, int[]> fields = new LinkedHashMap<>();   // name -> {lsb, bits}
    private final List<String> order = new ArrayList<>();
    private int width;

    Bundle add(String name, int bits) {
        fields.put(name, new int[] {0, bits});
        order.add(name);
        int lsb = 0;
        for (int i = order.size() - 1; i >= 0; i--) {
            int[] f = fields.get(order.get(i));
            f[0] = lsb;
            lsb += f[1];
        }
        width = lsb;
        return this;
    }

    int width() { return width; }

    /** {@code {e1, e2, ...}} in declaration order (first field most significant). */
    String pack(Map<String, String> values) {
        List<String> parts = new ArrayList<>();
        for (String n : order) {
            String v = values.get(n);
            if (v == null) {
                throw new IllegalArgumentException("bundle field " + n + " has no value");
            }
            parts.add(v);
        }
        return "{" + String.join(", ", parts) + "}";
    }

    /** The slice of {@code signal} holding field {@code name}. */
    String field(String signal, String name) {
        int[] f = fields.get(name);
        return f[1] == 1 ? signal + "[" + f[0] + "]" : signal + "[" + (f[0] + f[1] - 1) + ":" + f[0] + "]";
    }

    int bits(String name) { return fields.get(name)[1]; }
}
