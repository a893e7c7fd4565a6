package org.pulsedl.quantizer.model;

/**
 * Average pooling; like TensorFlow, a window that overlaps SAME padding averages only the real samples
 * it covers.
 */
public record AveragePooling1D(String name, int poolSize, int stride, Padding padding) implements Layer {
    public AveragePooling1D {
        Layer.requireName(name);
        if (poolSize < 1 || stride < 1) {
            throw new IllegalArgumentException("layer '" + name + "': pool size and stride must be >= 1");
        }
    }

    @Override
    public Shape outputShape(Shape input) {
        return PoolShapes.output("AveragePooling1D", input, poolSize, stride, padding);
    }
}
