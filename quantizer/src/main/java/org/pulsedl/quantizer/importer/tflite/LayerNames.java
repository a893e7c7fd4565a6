package org.pulsedl.quantizer.importer.tflite;

import java.util.HashMap;
import java.util.Map;

/** Keras-style layer names for one imported model: {@code conv1d}, {@code conv1d_1}, {@code conv1d_2}, … */
final class LayerNames {
    private final Map<String, Integer> counts = new HashMap<>();

    /** The next name for a layer of kind {@code base}. */
    String next(String base) {
        int n = counts.merge(base, 1, Integer::sum) - 1;
        return n == 0 ? base : base + "_" + n;
    }
}
