package org.pulsedl.quantizer.quant;

/** How {@link Calibration} turns observed activation values into a quantisation range. */
public sealed interface RangeMethod {

    /** The observed minimum and maximum (TFLite's converter default). */
    record MinMax() implements RangeMethod {}

    /**
     * Clip the tails: the range is [{@code (100 − p)}th, {@code p}th] percentile of the observed values.
     *
     * @param percent in (50, 100], e.g. 99.99
     */
    record Percentile(double percent) implements RangeMethod {
        public Percentile {
            if (!(percent > 50 && percent <= 100)) {
                throw new IllegalArgumentException("percentile must be in (50, 100], got " + percent);
            }
        }
    }

    /** The clipped range {@code α·[min, max]} (α on a grid in [0.3, 1]) with the least quantisation MSE. */
    record MseOptimal() implements RangeMethod {}

    /**
     * Ranges given per tensor instead of measured, e.g. the moving-average ranges of quantisation-aware
     * training. Tensor {@code 0} is the model input, tensor {@code i+1} the output of layer {@code i} of the
     * prepared model (as in {@link Calibration}); an entry may be {@code null} for a tensor the quantiser
     * does not ask for (pool, flatten and raw outputs).
     *
     * @param ranges {@code [tensor] -> {min, max}}
     */
    record Fixed(java.util.List<double[]> ranges) implements RangeMethod {
        public Fixed {
            ranges = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(ranges));
        }

        @Override
        public String toString() { return "fixed (" + ranges.size() + " tensors)"; }
    }

    static RangeMethod parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("minmax")) {
            return new MinMax();
        }
        if (t.equals("mse")) {
            return new MseOptimal();
        }
        if (t.startsWith("percentile:")) {
            try {
                return new Percentile(Double.parseDouble(t.substring(11)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("range method '" + text + "': percent is not a number");
            }
        }
        throw new IllegalArgumentException("unknown range method '" + text + "' (expected minmax, percentile:P or mse)");
    }
}
