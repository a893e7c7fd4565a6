package org.pulsedl.quantizer.golden;

import java.util.List;

/** Per-layer record of one golden inference: the model input (index −1 is not included) and every layer. */
public record GoldenTrace(int[] input, List<LayerTrace> layers) {
    public GoldenTrace {
        layers = List.copyOf(layers);
    }

    public LayerTrace last() { return layers.get(layers.size() - 1); }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        layers.forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }
}
