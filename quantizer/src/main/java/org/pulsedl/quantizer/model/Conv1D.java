package org.pulsedl.quantizer.model;

/**
 * A 1-D convolution (dilation 1) with bias and fused activation.
 *
 * @param kernel Keras layout {@code [kernelSize][inChannels][filters]}
 * @param bias   {@code [filters]}
 */
public record Conv1D(String name, int filters, int kernelSize, int stride, Padding padding, Activation activation,
                     double[][][] kernel, double[] bias) implements Layer {

    public Conv1D {
        Layer.requireName(name);
        if (filters < 1 || kernelSize < 1 || stride < 1) {
            throw new IllegalArgumentException("layer '" + name + "': filters, kernel size and stride must be >= 1");
        }
        if (kernel.length != kernelSize || kernel[0].length < 1) {
            throw new IllegalArgumentException("layer '" + name + "': kernel has " + kernel.length
                    + " taps, expected " + kernelSize);
        }
        int cin = kernel[0].length;
        for (double[][] tap : kernel) {
            if (tap.length != cin) {
                throw new IllegalArgumentException("layer '" + name + "': kernel taps disagree on input channels");
            }
            for (double[] row : tap) {
                if (row.length != filters) {
                    throw new IllegalArgumentException("layer '" + name + "': kernel has " + row.length
                            + " output channels, expected " + filters);
                }
            }
        }
        if (bias.length != filters) {
            throw new IllegalArgumentException("layer '" + name + "': bias has " + bias.length + " values, expected " + filters);
        }
    }

    public int inChannels() { return kernel[0].length; }

    @Override
    public Shape outputShape(Shape input) {
        Layer.requireRank2("Conv1D", input);
        if (input.channels() != inChannels()) {
            throw new IllegalArgumentException("kernel expects " + inChannels() + " input channels, input " + input
                    + " has " + input.channels());
        }
        int out = padding.outputLength(input.length(), kernelSize, stride);
        if (out < 1) {
            throw new IllegalArgumentException("kernel " + kernelSize + " is longer than the input length "
                    + input.length() + " with valid padding");
        }
        return Shape.of(out, filters);
    }

    @Override
    public long macs(Shape input) {
        return (long) outputShape(input).length() * kernelSize * inChannels() * filters;
    }

    @Override
    public long params() { return (long) kernelSize * inChannels() * filters + filters; }
}
