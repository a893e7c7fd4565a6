package org.pulsedl.quantizer.model;

/**
 * TensorFlow's padding rules for a 1-D window of size {@code k} moved by stride {@code s} over {@code l}
 * samples (DESIGN §2). The same rules serve Conv1D and the pooling layers.
 */
public enum Padding {
    /** No padding: windows lie entirely inside the input. */
    VALID,
    /** Output length {@code ceil(l / s)}; missing samples are split with the smaller half on the left. */
    SAME;

    /** Output length, or 0 when a VALID window does not fit. */
    public int outputLength(int l, int k, int s) {
        return switch (this) {
            case VALID -> l < k ? 0 : (l - k) / s + 1;
            case SAME -> (l + s - 1) / s;
        };
    }

    /** Padded samples on the left: {@code floor(pad_total / 2)}, {@code pad_total = max((out-1)*s + k - l, 0)}. */
    public int padLeft(int l, int k, int s) {
        if (this == VALID) {
            return 0;
        }
        int out = outputLength(l, k, s);
        int total = Math.max((out - 1) * s + k - l, 0);
        return total / 2;
    }

    /** Lower-case name as used by Keras and the spec text. */
    public String keras() { return name().toLowerCase(java.util.Locale.ROOT); }

    /** Parses {@code valid} or {@code same} (any case). */
    public static Padding parse(String text) {
        for (Padding p : values()) {
            if (p.name().equalsIgnoreCase(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown padding '" + text + "' (expected valid or same)");
    }
}
