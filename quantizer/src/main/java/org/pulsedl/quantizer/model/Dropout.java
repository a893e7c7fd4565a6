package org.pulsedl.quantizer.model;

/** Dropout: the identity at inference; removed by {@link RemoveDropout}. */
public record Dropout(String name, double rate) implements Layer {
    public Dropout {
        Layer.requireName(name);
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("layer '" + name + "': dropout rate must be in [0, 1)");
        }
    }

    @Override
    public Shape outputShape(Shape input) { return input; }
}
