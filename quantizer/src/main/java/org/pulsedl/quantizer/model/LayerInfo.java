package org.pulsedl.quantizer.model;

/** One row of a model summary. */
public record LayerInfo(int index, String name, String type, Shape input, Shape output, long macs, long params) {
    @Override
    public String toString() {
        return String.format("%2d %-20s %-18s %-10s -> %-10s MACs %7d params %6d",
                index, name, type, input, output, macs, params);
    }
}
