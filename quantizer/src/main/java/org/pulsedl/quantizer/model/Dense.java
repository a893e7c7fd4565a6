package org.pulsedl.quantizer.model;

/**
 * A fully connected layer on a flat input, with bias and fused activation.
 *
 * @param weights Keras layout {@code [in][units]}
 * @param bias    {@code [units]}
 */
public record Dense(String name, int units, Activation activation, double[][] weights, double[] bias) implements Layer {

    public Dense {
        Layer.requireName(name);
        if (units < 1 || weights.length < 1) {
            throw new IllegalArgumentException("layer '" + name + "': needs at least one input and one unit");
        }
        for (double[] row : weights) {
            if (row.length != units) {
                throw new IllegalArgumentException("layer '" + name + "': weights have " + row.length
                        + " columns, expected " + units);
            }
        }
        if (bias.length != units) {
            throw new IllegalArgumentException("layer '" + name + "': bias has " + bias.length + " values, expected " + units);
        }
    }

    public int inputs() { return weights.length; }

    @Override
    public Shape outputShape(Shape input) {
        if (!input.isFlat()) {
            throw new IllegalArgumentException("needs a flat input (add a Flatten layer before it), got " + input);
        }
        if (input.size() != inputs()) {
            throw new IllegalArgumentException("weights expect " + inputs() + " inputs, got " + input.size());
        }
        return Shape.flat(units);
    }

    @Override
    public long macs(Shape input) { return (long) inputs() * units; }

    @Override
    public long params() { return (long) inputs() * units + units; }
}
