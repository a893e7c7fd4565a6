package org.pulsedl.quantizer.model;

/** Max pooling over windows of {@code poolSize} samples moved by {@code stride}, per channel. */
public record MaxPooling1D(String name, int poolSize, int stride, Padding padding) implements Layer {
    public MaxPooling1D {
        Layer.requireName(name);
        if (poolSize < 1 || stride < 1) {
            throw new IllegalArgumentException("layer '" + name + "': pool size and stride must be >= 1");
        }
    }

    @Override
    public Shape outputShape(Shape input) { return PoolShapes.output("MaxPooling1D", input, poolSize, stride, padding); }
}
