package org.pulsedl.quantizer.model;

/**
 * One layer of a float model (DESIGN §2 layer subset). Layers are immutable records; weight arrays are
 * owned by the record and must not be modified after construction.
 *
 * <p>{@link #outputShape} throws {@link IllegalArgumentException} with the bare reason; {@link Model}
 * adds the layer's index, name and type.
 */
public sealed interface Layer
        permits InputLayer, Conv1D, Dense, Flatten, Reshape, MaxPooling1D, AveragePooling1D, BatchNormalization, Dropout {

    /** Unique name within the model (Keras layer name). */
    String name();

    /** The Keras class name, e.g. {@code Conv1D}. */
    default String type() { return getClass().getSimpleName(); }

    /** The output shape for the given input shape, or an exception giving the reason. */
    Shape outputShape(Shape input);

    /** Multiplications of one inference (padded taps included), 0 for layers without weights. */
    default long macs(Shape input) { return 0; }

    /** Stored parameters (Keras counting: BatchNormalization counts its four vectors). */
    default long params() { return 0; }

    static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a layer needs a non-empty name");
        }
    }

    static void requireRank2(String what, Shape input) {
        if (input.rank() != 2) {
            throw new IllegalArgumentException(what + " needs a [length][channels] input, got " + input);
        }
    }
}
