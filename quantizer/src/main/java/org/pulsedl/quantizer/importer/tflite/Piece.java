package org.pulsedl.quantizer.importer.tflite;

import org.pulsedl.quantizer.importer.tflite.TfliteModel.Options;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Tensor;

/**
 * One layer {@link TflitePatternMatcher} recognised in the operator chain: the operator that defines it (index in
 * execution order, where refusals point) and the tensors it reads and writes. The layer builders turn each piece
 * into one IR layer (plus a Flatten when {@code flatten} is set).
 */
sealed interface Piece {
    /** The index of the operator refusals about this layer name. */
    int op();

    /** {@code EXPAND_DIMS → CONV_2D → RESHAPE}: a Conv1D (followed by a Flatten when the RESHAPE flattens). */
    record Conv(int op, Tensor in, Tensor out, Tensor weights, Tensor bias, Options.Conv2D opts, boolean flatten)
            implements Piece {}

    /** {@code EXPAND_DIMS → MAX_POOL_2D | AVERAGE_POOL_2D → RESHAPE}: a 1-D pooling layer. */
    record Pool(int op, boolean max, Tensor in, Tensor out, Options.Pool2D opts, boolean flatten) implements Piece {}

    /** {@code FULLY_CONNECTED} on a flat input. */
    record Dense(int op, Tensor in, Tensor out, Tensor weights, Tensor bias, Options.FullyConnected opts)
            implements Piece {}

    /** A {@code RESHAPE [1, L, C] → [1, L·C]} (or the implicit flattening before a FULLY_CONNECTED). */
    record Flatten(int op, Tensor in, Tensor out) implements Piece {}

    /** A first {@code RESHAPE [1, N] → [1, L, C]}. */
    record Reshape(int op, Tensor in, Tensor out) implements Piece {}
}
