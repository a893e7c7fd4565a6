package org.pulsedl.quantizer.importer.tflite;

import org.pulsedl.quantizer.importer.tflite.TfliteModel.Options;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Tensor;

/**
 * One layer {@link TflitePatternMatcher} recognised in the operator chain: the operator that defines it (index in
 * execution order, where refusals point) and the tensors it reads and writes. The layer builders turn each piece
 * into one IR layer.
 */
sealed interface Piece {
    /** The index of the operator refusals about this layer name. */
    int op();

    /**
     * {@code CONV_2D} with height 1: a Conv1D. {@code out} is the layer's output after any separate bias
     * {@code ADD}, BatchNormalization or activation folded into it ({@link LayerEpilogue}); {@code act} is the
     * activation in effect; {@code scale}, {@code shift} the folded float map {@code y·scale + shift} per channel
     * ({@code null} when none).
     */
    record Conv(int op, Tensor in, Tensor out, Tensor weights, Tensor bias, Options.Conv2D opts,
                TfliteOps.Activation act, float[] scale, float[] shift) implements Piece {}

    /**
     * A quantised {@code ADD} of a per-channel constant after a Conv1D or Dense (the default converter's Conv1D bias),
     * run as its own step ({@code QBiasAdd}) unless the builder proves it an identity it can fold; {@code act} is its
     * fused activation or a separate ReLU/ReLU6 after it.
     */
    record BiasAdd(int op, Tensor in, Tensor out, Tensor constant, TfliteOps.Activation act) implements Piece {}

    /** {@code MAX_POOL_2D | AVERAGE_POOL_2D} with height 1: a 1-D pooling layer. */
    record Pool(int op, boolean max, Tensor in, Tensor out, Options.Pool2D opts) implements Piece {}

    /** {@code FULLY_CONNECTED} on a flat input; {@code act} and {@code out} as for {@link Conv}. */
    record Dense(int op, Tensor in, Tensor out, Tensor weights, Tensor bias, Options.FullyConnected opts,
                 TfliteOps.Activation act) implements Piece {}

    /** A {@code RESHAPE [1, L, C] → [1, L·C]} (or the implicit flattening before a FULLY_CONNECTED). */
    record Flatten(int op, Tensor in, Tensor out) implements Piece {}

    /** A first {@code RESHAPE [1, N] → [1, L, C]}. */
    record Reshape(int op, Tensor in, Tensor out) implements Piece {}
}
