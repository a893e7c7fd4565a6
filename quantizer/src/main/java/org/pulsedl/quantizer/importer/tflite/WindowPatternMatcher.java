package org.pulsedl.quantizer.importer.tflite;

import java.util.Arrays;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Operator;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Options;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Tensor;
import org.pulsedl.quantizer.model.Padding;

/**
 * TFLite's lowering of a 1-D window layer: {@code EXPAND_DIMS (or RESHAPE) → CONV_2D | MAX_POOL_2D |
 * AVERAGE_POOL_2D → RESHAPE}, with height 1. Recognises it as one Conv1D or pooling {@link Piece} (flattening when
 * the closing RESHAPE goes to {@code [1, L·C]}).
 */
final class WindowPatternMatcher {
    private final TfliteGraph graph;
    private final OperatorChain chain;

    WindowPatternMatcher(TfliteGraph graph, OperatorChain chain) {
        this.graph = graph;
        this.chain = chain;
    }

    static boolean isWindowOp(int code) {
        return code == TfliteOps.CONV_2D || code == TfliteOps.MAX_POOL_2D || code == TfliteOps.AVERAGE_POOL_2D;
    }

    /** Matches the three operators starting at {@code expand} (the cursor's operator) and moves past them. */
    void match(Operator expand) {
        Tensor x = graph.tensor(expand.inputs()[0]);
        Tensor x4 = graph.tensor(expand.outputs()[0]);
        int[] s = x.shape();
        int[] s4 = x4.shape();
        if (s.length != 3 || s[0] != 1 || s4.length != 4 || s4[0] != 1 || s4[1] != 1 || s4[2] != s[1]
                || s4[3] != s[2]) {
            throw graph.refuse(expand, "must insert the height axis of a 1-D layer ([1, L, C] → [1, 1, L, C]), got "
                    + Arrays.toString(s) + " → " + Arrays.toString(s4));
        }
        if (graph.code(expand) == TfliteOps.EXPAND_DIMS && expand.inputs().length > 1) {
            int axis = graph.scalarInt(expand, expand.inputs()[1]);
            if (axis != 1 && axis != -3) {
                throw graph.refuse(expand, "axis " + axis + " does not insert the height axis (1 or -3 expected)");
            }
        }
        graph.sameQuant(expand, x, x4);
        chain.advance(expand);
        Operator win = chain.next("CONV_2D, MAX_POOL_2D or AVERAGE_POOL_2D", expand);
        if (!isWindowOp(graph.code(win))) {
            throw graph.refuse(win, "follows " + graph.opName(expand) + " (operator " + expand.index() + "), which "
                    + "only wraps CONV_2D, MAX_POOL_2D or AVERAGE_POOL_2D");
        }
        Tensor y4 = graph.tensor(win.outputs()[0]);
        int[] o4 = y4.shape();
        if (o4.length != 4 || o4[0] != 1 || o4[1] != 1) {
            throw graph.refuse(win, "output " + y4 + " is not [1, 1, L, C]");
        }
        chain.advance(win);
        Operator squeeze = chain.next("RESHAPE back to [1, L, C] (or [1, L·C])", win);
        if (graph.code(squeeze) != TfliteOps.RESHAPE) {
            throw graph.refuse(squeeze, "follows " + graph.opName(win) + " (operator " + win.index() + "), which "
                    + "must be followed by RESHAPE back to [1, L, C]");
        }
        Tensor y = graph.tensor(squeeze.outputs()[0]);
        int[] so = y.shape();
        boolean flatten;
        if (so.length == 3 && so[0] == 1 && so[1] == o4[2] && so[2] == o4[3]) {
            flatten = false;
        } else if (so.length == 2 && so[0] == 1 && so[1] == o4[2] * o4[3]) {
            flatten = true;
        } else {
            throw graph.refuse(squeeze, "reshapes " + Arrays.toString(o4) + " to " + Arrays.toString(so)
                    + "; expected [1, " + o4[2] + ", " + o4[3] + "] or [1, " + o4[2] * o4[3] + "]");
        }
        graph.sameQuant(squeeze, y4, y);
        chain.add(graph.code(win) == TfliteOps.CONV_2D
                ? conv(win, x, y4, y, flatten)
                : pool(win, x, x4, y4, y, flatten));
        chain.advance(squeeze);
    }

    /** The CONV_2D of the pattern: input {@code x} {@code [1, L, C]}, window output {@code y4} {@code [1, 1, L', F]}. */
    private Piece.Conv conv(Operator win, Tensor x, Tensor y4, Tensor y, boolean flatten) {
        int[] s = x.shape();
        int[] o4 = y4.shape();
        Options.Conv2D opts = graph.options(win, Options.Conv2D.class);
        if (opts.dilationW() != 1 || opts.dilationH() != 1) {
            throw graph.refuse(win, "dilation " + opts.dilationW() + (opts.dilationH() != 1 ? "x" + opts.dilationH()
                    : "") + " is not supported (dilation 1 only)");
        }
        if (opts.strideW() < 1) {
            throw graph.refuse(win, "stride " + opts.strideW() + " must be >= 1");
        }
        Tensor w = graph.constant(win, 1, "weights");
        int[] ws = w.shape();
        if (ws.length != 4 || ws[1] != 1 || ws[3] != s[2]) {
            throw graph.refuse(win, "weights " + w + " are not [filters, 1, kernel, " + s[2] + "]");
        }
        if (ws[0] != o4[3]) {
            throw graph.refuse(win, "weights have " + ws[0] + " filters but the output has " + o4[3] + " channels");
        }
        checkLength(win, opts.padding(), s[1], ws[2], opts.strideW(), o4[2]);
        Tensor bias = win.inputs().length > 2 && win.inputs()[2] >= 0 ? graph.constant(win, 2, "bias") : null;
        if (bias != null && bias.size() != ws[0]) {
            throw graph.refuse(win, "bias " + bias + " does not have " + ws[0] + " values");
        }
        return new Piece.Conv(win.index(), x, y, w, bias, opts, flatten);
    }

    /** The MAX_POOL_2D or AVERAGE_POOL_2D of the pattern, reading {@code x4} and writing {@code y4}. */
    private Piece.Pool pool(Operator win, Tensor x, Tensor x4, Tensor y4, Tensor y, boolean flatten) {
        int[] s = x.shape();
        int[] o4 = y4.shape();
        Options.Pool2D opts = graph.options(win, Options.Pool2D.class);
        if (opts.filterHeight() != 1) {
            throw graph.refuse(win, "filter height " + opts.filterHeight() + " is not 1");
        }
        if (opts.filterWidth() < 1 || opts.strideW() < 1) {
            throw graph.refuse(win, "filter width and stride must be >= 1");
        }
        if (opts.activation() != TfliteOps.Activation.NONE) {
            throw graph.refuse(win, "fused activation " + opts.activation() + " on pooling is not supported");
        }
        if (o4[3] != s[2]) {
            throw graph.refuse(win, "changes the channel count " + s[2] + " → " + o4[3]);
        }
        checkLength(win, opts.padding(), s[1], opts.filterWidth(), opts.strideW(), o4[2]);
        graph.sameQuant(win, x4, y4);
        return new Piece.Pool(win.index(), graph.code(win) == TfliteOps.MAX_POOL_2D, x, y, opts, flatten);
    }

    private void checkLength(Operator op, Padding padding, int inLen, int k, int stride, int outLen) {
        int expect = padding.outputLength(inLen, k, stride);
        if (expect != outLen || expect < 1) {
            throw graph.refuse(op, "output length " + outLen + " differs from " + expect + " (" + padding.keras()
                    + " padding, input " + inLen + ", window " + k + ", stride " + stride + ")");
        }
    }
}
