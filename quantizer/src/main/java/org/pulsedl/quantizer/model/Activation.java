package org.pulsedl.quantizer.model;

/** The activations a Conv1D or Dense layer may fuse (DESIGN §2). In the integer model they only move act_min/act_max. */
public enum Activation {
    NONE,
    RELU,
    RELU6;

    public double apply(double x) {
        return switch (this) {
            case NONE -> x;
            case RELU -> Math.max(x, 0.0);
            case RELU6 -> Math.min(Math.max(x, 0.0), 6.0);
        };
    }

    /** Lower-case name as used by Keras ({@code linear} for NONE) and the spec text. */
    public String keras() {
        return this == NONE ? "linear" : name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses {@code none}, {@code linear}, {@code relu} or {@code relu6} (any case). */
    public static Activation parse(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "none", "linear" -> NONE;
            case "relu" -> RELU;
            case "relu6" -> RELU6;
            default -> throw new IllegalArgumentException("unknown activation '" + text + "' (expected none, relu or relu6)");
        };
    }
}
