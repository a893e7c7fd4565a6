package org.pulsedl.quantizer.qmodel;

/**
 * Model output → physical units, per output: {@code physical = a · real + b}, where {@code real} is the
 * dequantised model output ({@link QuantizedModel#dequantizeOutput}).
 */
public record OutputScaling(String name, String unit, double a, double b) {
    public OutputScaling {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an output needs a name");
        }
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("output '" + name + "': a and b must be finite");
        }
    }

    public static OutputScaling identity(String name) { return new OutputScaling(name, "", 1.0, 0.0); }

    public double apply(double real) { return a * real + b; }
}
