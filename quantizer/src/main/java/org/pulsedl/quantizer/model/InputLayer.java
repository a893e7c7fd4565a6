package org.pulsedl.quantizer.model;

/** Keras' InputLayer: identity, allowed only at index 0, and its shape must equal the model's input shape. */
public record InputLayer(String name, Shape shape) implements Layer {
    public InputLayer {
        Layer.requireName(name);
    }

    @Override
    public Shape outputShape(Shape input) {
        if (!input.equals(shape)) {
            throw new IllegalArgumentException("declares shape " + shape + " but the model input is " + input);
        }
        return input;
    }
}
