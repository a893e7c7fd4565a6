package org.pulsedl.quantizer.model;

/** Shape rule shared by the two pooling layers. */
final class PoolShapes {
    private PoolShapes() {}

    static Shape output(String type, Shape input, int pool, int stride, Padding padding) {
        Layer.requireRank2(type, input);
        int out = padding.outputLength(input.length(), pool, stride);
        if (out < 1) {
            throw new IllegalArgumentException("pool size " + pool + " is longer than the input length "
                    + input.length() + " with valid padding");
        }
        return Shape.of(out, input.channels());
    }
}
