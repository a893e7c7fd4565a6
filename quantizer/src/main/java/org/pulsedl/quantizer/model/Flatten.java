package org.pulsedl.quantizer.model;

/** Row-major flattening of {@code [length][channels]} to {@code [length*channels]}; no data movement. */
public record Flatten(String name) implements Layer {
    public Flatten {
        Layer.requireName(name);
    }

    @Override
    public Shape outputShape(Shape input) { return Shape.flat(input.size()); }
}
