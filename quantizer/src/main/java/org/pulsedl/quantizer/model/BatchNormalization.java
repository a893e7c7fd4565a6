package org.pulsedl.quantizer.model;

/**
 * Inference-mode batch normalisation over the last axis:
 * {@code y = gamma * (x - movingMean) / sqrt(movingVariance + epsilon) + beta}.
 * Folded into the preceding Conv1D/Dense by {@link FoldBatchNorm} before quantisation.
 */
public record BatchNormalization(String name, double[] gamma, double[] beta, double[] movingMean,
                                 double[] movingVariance, double epsilon) implements Layer {
    public BatchNormalization {
        Layer.requireName(name);
        int n = gamma.length;
        if (n < 1 || beta.length != n || movingMean.length != n || movingVariance.length != n) {
            throw new IllegalArgumentException("layer '" + name + "': gamma, beta, mean and variance must have the same non-zero length");
        }
        if (!(epsilon >= 0)) {
            throw new IllegalArgumentException("layer '" + name + "': epsilon must be >= 0");
        }
        for (double v : movingVariance) {
            if (!(v + epsilon > 0)) {
                throw new IllegalArgumentException("layer '" + name + "': variance + epsilon must be > 0");
            }
        }
    }

    public int channels() { return gamma.length; }

    /** Per-channel multiplier {@code gamma / sqrt(var + eps)}. */
    public double scale(int c) { return gamma[c] / Math.sqrt(movingVariance[c] + epsilon); }

    /** Per-channel offset {@code beta - mean * scale}. */
    public double offset(int c) { return beta[c] - movingMean[c] * scale(c); }

    @Override
    public Shape outputShape(Shape input) {
        int last = input.dims()[input.rank() - 1];
        if (last != channels()) {
            throw new IllegalArgumentException("has " + channels() + " channels but the input " + input + " has " + last);
        }
        return input;
    }

    @Override
    public long params() { return 4L * channels(); }
}
