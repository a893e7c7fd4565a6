package org.pulsedl.quantizer.importer.tflite;

import java.util.Arrays;
import java.util.Locale;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Operator;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Options;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Tensor;

/**
 * Recognises the layer that starts at the {@link OperatorChain}'s cursor (after the height-axis operators the
 * chain passes over): a 1-D window operator (handed to {@link WindowPatternMatcher}), a {@code FULLY_CONNECTED}
 * (Dense), a {@code RESHAPE} (Flatten, or a first Reshape); the separate bias {@code ADD} and activation after a
 * Conv1D or Dense are folded by {@link LayerEpilogue}. Every other operator is refused with the reason.
 */
final class TflitePatternMatcher {
    private final TfliteGraph graph;
    private final OperatorChain chain;
    private final LayerEpilogue epilogue;
    private final WindowPatternMatcher windows;

    TflitePatternMatcher(TfliteGraph graph, OperatorChain chain) {
        this.graph = graph;
        this.chain = chain;
        this.epilogue = new LayerEpilogue(graph, chain);
        this.windows = new WindowPatternMatcher(graph, chain, epilogue);
    }

    /** Recognises one layer and moves the cursor past its operators. */
    void match() {
        Operator op = chain.next("an operator", null);
        int code = graph.code(op);
        switch (code) {
            case TfliteOps.CONV_2D, TfliteOps.MAX_POOL_2D, TfliteOps.AVERAGE_POOL_2D -> windows.match(op);
            case TfliteOps.EXPAND_DIMS -> {
                int[] s = graph.tensor(op.inputs()[0]).shape();
                int[] s4 = graph.tensor(op.outputs()[0]).shape();
                throw graph.refuse(op, "must insert the height axis of a 1-D layer ([1, L, C] → [1, 1, L, C]), got "
                        + Arrays.toString(s) + " → " + Arrays.toString(s4));
            }
            case TfliteOps.RESHAPE, TfliteOps.SQUEEZE -> matchReshape(op, graph.tensor(op.inputs()[0]),
                    graph.tensor(op.outputs()[0]));
            case TfliteOps.FULLY_CONNECTED -> matchDense(op);
            case TfliteOps.ADD -> throw graph.refuse(op, "element-wise ADD "
                    + (chain.last() instanceof Piece.Pool ? "after a pooling layer " : "") + "is not supported "
                    + "(a bias ADD folds only into the Conv1D or Dense it follows)");
            case TfliteOps.MUL -> throw graph.refuse(op, "element-wise MUL is not supported (a BatchNormalization "
                    + "the converter could not fold into a Conv1D or Dense: put BatchNormalization directly after the "
                    + "Conv1D or Dense, before the activation, or fold it before converting)");
            case TfliteOps.RELU, TfliteOps.RELU6 -> throw graph.refuse(op, "a separate activation that does not "
                    + "directly follow a Conv1D or Dense is not supported (ReLU and ReLU6 fuse into the Conv1D or "
                    + "Dense before them)");
            case TfliteOps.TANH, TfliteOps.LOGISTIC, TfliteOps.ELU, TfliteOps.LEAKY_RELU, TfliteOps.HARD_SWISH,
                    TfliteOps.GELU, TfliteOps.PRELU -> throw unsupportedActivation(op);
            case TfliteOps.QUANTIZE -> throw graph.refuse(op, "QUANTIZE is only supported as the first operator of a "
                    + "model with a float input (requantisation between layers is not supported)");
            case TfliteOps.DEQUANTIZE -> {
                Operator after = chain.following(op);
                if (after != null && isActivation(graph.code(after))) {
                    throw unsupportedActivation(after);       // run in float between DEQUANTIZE and QUANTIZE
                }
                throw graph.refuse(op, "DEQUANTIZE is only supported as the last operator of a model with float I/O"
                        + (graph.isConstant(op.inputs()[0]) ? " (here it expands float16/quantised constant weights, "
                        + "which is not supported: convert as float32 or full-integer)" : ""));
            }
            default -> throw graph.refuse(op, "is not supported (the importer maps CONV_2D, FULLY_CONNECTED, "
                    + "MAX_POOL_2D, AVERAGE_POOL_2D, a bias ADD, RELU/RELU6, RESHAPE/EXPAND_DIMS/SQUEEZE, and "
                    + "QUANTIZE/DEQUANTIZE at the ends)");
        }
    }

    private static boolean isActivation(int code) {
        return code == TfliteOps.TANH || code == TfliteOps.LOGISTIC || code == TfliteOps.ELU
                || code == TfliteOps.LEAKY_RELU || code == TfliteOps.HARD_SWISH || code == TfliteOps.GELU
                || code == TfliteOps.PRELU;
    }

    /** An activation op other than ReLU/ReLU6, named as Keras names it. */
    private TfliteException unsupportedActivation(Operator op) {
        String keras = switch (graph.code(op)) {
            case TfliteOps.LOGISTIC -> "sigmoid";
            case TfliteOps.PRELU -> "PReLU";
            default -> graph.opName(op).toLowerCase(Locale.ROOT);
        };
        return graph.refuse(op, "activation " + keras + " is not supported (only ReLU and ReLU6 fuse into the "
                + "integer kernels)");
    }

    private void matchReshape(Operator op, Tensor in, Tensor out) {
        int[] si = in.shape();
        int[] so = out.shape();
        graph.sameQuant(op, in, out);
        boolean flat = so.length == 2 && so[0] == 1 && si[0] == 1 && so[1] == in.size();
        if (flat && (si.length == 3 || si.length == 4 && si[1] == 1)) {
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
        if (so.length > 2 && w.quantization().scale().length > 1) {
            throw graph.refuse(op, "per-channel weights with a rank-" + so.length + " output " + out + " (keep_num_dims)"
                    + ": LiteRT's reference FULLY_CONNECTED computes only the first unit of such an output and leaves "
                    + "the others unwritten, so the file has no defined result to be bit-exact with; put a Flatten "
                    + "before the Dense");
        }
        Tensor bias = op.inputs().length > 2 && op.inputs()[2] >= 0 ? graph.constant(op, 2, "bias") : null;
        if (bias != null && bias.size() != ws[0]) {
            throw graph.refuse(op, "bias " + bias + " does not have " + ws[0] + " values");
        }
        if (si.length != 2) {
            // e.g. [1, 1, N]: the same numbers as [1, N]
            chain.add(new Piece.Flatten(op.index(), in, in));
        }
        chain.advance(op);
        LayerEpilogue.Result end = epilogue.fold(op, out, opts.activation(), ws[0], false);
        chain.add(new Piece.Dense(op.index(), in, end.out(), w, bias, opts, end.act()));
        if (end.biasAdd() != null) {
            chain.add(end.biasAdd());
        }
    }
}
