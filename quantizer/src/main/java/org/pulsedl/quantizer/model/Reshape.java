package org.pulsedl.quantizer.model;

/** Reinterprets the input with a new shape of equal size; only allowed as the first layer (DESIGN §2). */
public record Reshape(String name, Shape target) implements Layer {
    public Reshape {
        Layer.requireName(name);
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.size() != target.size()) {
            throw new IllegalArgumentException("cannot reshape " + input + " (" + input.size() + " values) to "
                    + target + " (" + target.size() + " values)");
        }
        return target;
    }
}
