package org.pulsedl.quantizer.importer.savedmodel;

import java.util.Arrays;

/**
 * What a tensor of the serving graph is, as far as the importer is concerned: the one activation flowing
 * down the chain, a constant (a {@code Const}, a variable's value, or arithmetic on those), or a variable
 * handle.
 */
sealed interface GraphValue {

    /**
     * The activation tensor with identity {@code id} (each op on the chain makes a new one, so reading an older
     * one means the graph branches), of {@code rank} dimensions including the
     * batch axis: 2 ({@code [N, n]}), 3 ({@code [N, L, C]}) or 4 ({@code [N, 1, L, C]}, Keras' 1-D ops run
     * as 2-D ops between ExpandDims and Squeeze).
     */
    record Activation(int id, int rank) implements GraphValue {}

    /** A constant tensor, row-major, widened to double. */
    record Constant(double[] values, int[] shape) implements GraphValue {
        int size() { return values.length; }

        @Override
        public String toString() { return "constant " + Arrays.toString(shape); }
    }

    /** A resource variable: the graph-level VarHandleOp node that holds it. */
    record Variable(String handleNode) implements GraphValue {}
}
