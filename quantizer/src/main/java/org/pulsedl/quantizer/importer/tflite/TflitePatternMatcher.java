package org.pulsedl.quantizer.importer.tflite;

import java.util.Arrays;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Operator;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Options;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Tensor;

/**
 * Recognises the layer that starts at the {@link OperatorChain}'s cursor: a {@code FULLY_CONNECTED} (Dense), a
 * lone {@code RESHAPE} (Flatten, or a first Reshape), or a wrapped 1-D window operator (handed to
 * {@link WindowPatternMatcher}); every other operator is refused with the reason.
 */
final class TflitePatternMatcher {
    private final TfliteGraph graph;
    private final OperatorChain chain;
    private final WindowPatternMatcher windows;

    TflitePatternMatcher(TfliteGraph graph, OperatorChain chain) {
        this.graph = graph;
        this.chain = chain;
        this.windows = new WindowPatternMatcher(graph, chain);
    }

    /** Recognises one layer and moves the cursor past its operators. */
    void match() {
        Operator op = chain.next("an operator", null);
        int code = graph.code(op);
        switch (code) {
            case TfliteOps.EXPAND_DIMS -> windows.match(op);
            case TfliteOps.RESHAPE -> {
                Tensor in = graph.tensor(op.inputs()[0]);
                Tensor out = graph.tensor(op.outputs()[0]);
                Operator after = chain.following();
                if (in.shape().length == 3 && out.shape().length == 4 && after != null
                        && WindowPatternMatcher.isWindowOp(graph.code(after))) {
                    windows.match(op);                                // RESHAPE used as EXPAND_DIMS
                } else {
                    matchReshape(op, in, out);
                }
            }
            case TfliteOps.FULLY_CONNECTED -> matchDense(op);
            case TfliteOps.ADD -> throw graph.refuse(op, addReason(op));
            case TfliteOps.CONV_2D, TfliteOps.MAX_POOL_2D, TfliteOps.AVERAGE_POOL_2D -> throw graph.refuse(op,
                    "a 2-D " + (code == TfliteOps.CONV_2D ? "convolution" : "pooling") + " must be a 1-D layer "
                            + "wrapped as EXPAND_DIMS → " + graph.opName(op) + " → RESHAPE (height 1)");
            case TfliteOps.QUANTIZE -> throw graph.refuse(op, "QUANTIZE is only supported as the first operator of a "
                    + "model with a float input (requantisation between layers is not supported)");
            case TfliteOps.DEQUANTIZE -> throw graph.refuse(op, "DEQUANTIZE is only supported as the last operator of "
                    + "a model with float I/O"
                    + (graph.isConstant(op.inputs()[0]) ? " (here it expands float16/quantised constant weights, "
                    + "which is not supported: convert as float32 or full-integer)" : ""));
            default -> throw graph.refuse(op, "is not supported (the importer maps EXPAND_DIMS/CONV_2D/RESHAPE, "
                    + "FULLY_CONNECTED, MAX_POOL_2D, AVERAGE_POOL_2D, RESHAPE, and QUANTIZE/DEQUANTIZE at the ends)");
        }
    }

    private String addReason(Operator op) {
        int other = op.inputs().length > 1 ? op.inputs()[1] : -1;
        boolean afterConv = chain.last() instanceof Piece.Conv;
        if (other >= 0 && graph.isConstant(other) && afterConv) {
            return "a Conv1D bias added as a separate ADD of " + graph.tensor(other) + " (Keras 3 traces Conv1D "
                    + "biases as [1,1,C] and the converter leaves them outside CONV_2D); convert with the bias fused "
                    + "into CONV_2D (scripts/oracle/tflite_convert.py --conv-bias fused)";
        }
        return "element-wise ADD is not supported (only the layers of DESIGN §2)";
    }

    private void matchReshape(Operator op, Tensor in, Tensor out) {
        int[] si = in.shape();
        int[] so = out.shape();
        graph.sameQuant(op, in, out);
        if (si.length == 3 && si[0] == 1 && so.length == 2 && so[0] == 1 && so[1] == si[1] * si[2]) {
            chain.add(new Piece.Flatten(op.index(), in, out));
        } else if (chain.isEmpty() && si.length == 2 && si[0] == 1 && so.length == 3 && so[0] == 1
                && so[1] * so[2] == si[1]) {
            chain.add(new Piece.Reshape(op.index(), in, out));
        } else {
            throw graph.refuse(op, "reshapes " + Arrays.toString(si) + " to " + Arrays.toString(so) + "; only a "
                    + "Flatten ([1, L, C] → [1, L·C]), a first Reshape ([1, N] → [1, L, C]) or the end of a 1-D layer "
                    + "is supported");
        }
        chain.advance(op);
    }

    private void matchDense(Operator op) {
        Options.FullyConnected opts = graph.options(op, Options.FullyConnected.class);
        Tensor in = graph.tensor(op.inputs()[0]);
        Tensor out = graph.tensor(op.outputs()[0]);
        Tensor w = graph.constant(op, 1, "weights");
        if (opts.weightsFormat() != 0) {
            throw graph.refuse(op, "shuffled weights format " + opts.weightsFormat() + " is not supported");
        }
        int[] ws = w.shape();
        if (ws.length != 2) {
            throw graph.refuse(op, "weights " + w + " are not [units, inputs]");
        }
        int[] si = in.shape();
        if (si.length < 2 || si[0] != 1 || in.size() != ws[1]) {
            throw graph.refuse(op, "input " + in + " is not a flat [1, " + ws[1] + "] vector (a Dense applied per "
                    + "position is not supported; add a Flatten)");
        }
        int[] so = out.shape();
        if (out.size() != ws[0] || so[so.length - 1] != ws[0]) {
            throw graph.refuse(op, "output " + out + " does not have " + ws[0] + " units");
        }
        Tensor bias = op.inputs().length > 2 && op.inputs()[2] >= 0 ? graph.constant(op, 2, "bias") : null;
        if (bias != null && bias.size() != ws[0]) {
            throw graph.refuse(op, "bias " + bias + " does not have " + ws[0] + " values");
        }
        if (si.length != 2) {
            // e.g. [1, 1, N]: the same numbers as [1, N]
            chain.add(new Piece.Flatten(op.index(), in, in));
        }
        chain.add(new Piece.Dense(op.index(), in, out, w, bias, opts));
        chain.advance(op);
    }
}
