package org.pulsedl.quantizer.importer.tflite;

import org.pulsedl.quantizer.importer.tflite.TfliteModel.Operator;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Options;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Tensor;
import org.pulsedl.quantizer.model.Padding;

/**
 * TFLite's 1-D window layers: {@code CONV_2D}, {@code MAX_POOL_2D} or {@code AVERAGE_POOL_2D} on a
 * {@code [1, 1, L, C]} activation (height 1). The operators that add or drop the height axis around them are
 * passed over by {@link OperatorChain}, so a window operator reads the same logical {@code [L, C]} whether the
 * converter wrapped it in {@code EXPAND_DIMS}/{@code RESHAPE} or ran the conv and the pool in 4-D back to back.
 */
final class WindowPatternMatcher {
    private final TfliteGraph graph;
    private final OperatorChain chain;
    private final LayerEpilogue epilogue;

    WindowPatternMatcher(TfliteGraph graph, OperatorChain chain, LayerEpilogue epilogue) {
        this.graph = graph;
        this.chain = chain;
        this.epilogue = epilogue;
    }

    /** Matches the window operator {@code win} (the cursor's operator) and moves past it and its epilogue. */
    void match(Operator win) {
        Tensor x = graph.tensor(win.inputs()[0]);
        int[] s = x.shape();
        if (s.length != 4 || s[0] != 1 || s[1] != 1) {
            throw graph.refuse(win, "input " + x + " is not a 1-D activation [1, 1, L, C] (height 1): 2-D "
                    + (graph.code(win) == TfliteOps.CONV_2D ? "convolutions" : "pooling")
                    + " are not supported, only Conv1D and 1-D pooling");
        }
        Tensor y = graph.tensor(win.outputs()[0]);
        int[] o = y.shape();
        if (o.length != 4 || o[0] != 1 || o[1] != 1) {
            throw graph.refuse(win, "output " + y + " is not [1, 1, L, C]");
        }
        chain.advance(win);
        if (graph.code(win) == TfliteOps.CONV_2D) {
            conv(win, x, y);
        } else {
            chain.add(pool(win, x, y));
        }
    }

    /**
     * The CONV_2D: input {@code x} {@code [1, 1, L, C]}, output {@code y} {@code [1, 1, L', F]}; adds the Conv1D and a
     * quantised bias ADD after it to the chain.
     */
    private void conv(Operator win, Tensor x, Tensor y) {
        int[] s = x.shape();
        int[] o = y.shape();
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
        if (ws.length != 4 || ws[1] != 1 || ws[3] != s[3]) {
            throw graph.refuse(win, "weights " + w + " are not [filters, 1, kernel, " + s[3] + "]");
        }
        if (ws[0] != o[3]) {
            throw graph.refuse(win, "weights have " + ws[0] + " filters but the output has " + o[3] + " channels");
        }
        checkLength(win, opts.padding(), s[2], ws[2], opts.strideW(), o[2]);
        Tensor bias = win.inputs().length > 2 && win.inputs()[2] >= 0 ? graph.constant(win, 2, "bias") : null;
        if (bias != null && bias.size() != ws[0]) {
            throw graph.refuse(win, "bias " + bias + " does not have " + ws[0] + " values");
        }
        LayerEpilogue.Result end = epilogue.fold(win, y, opts.activation(), ws[0], true);
        chain.add(new Piece.Conv(win.index(), x, end.out(), w, bias, opts, end.act(), end.scale(), end.shift()));
        if (end.biasAdd() != null) {
            chain.add(end.biasAdd());
        }
    }

    /** The MAX_POOL_2D or AVERAGE_POOL_2D, reading {@code x} and writing {@code y}. */
    private Piece.Pool pool(Operator win, Tensor x, Tensor y) {
        int[] s = x.shape();
        int[] o = y.shape();
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
        if (o[3] != s[3]) {
            throw graph.refuse(win, "changes the channel count " + s[3] + " → " + o[3]);
        }
        checkLength(win, opts.padding(), s[2], opts.filterWidth(), opts.strideW(), o[2]);
        graph.sameQuant(win, x, y);
        return new Piece.Pool(win.index(), graph.code(win) == TfliteOps.MAX_POOL_2D, x, y, opts);
    }

    private void checkLength(Operator op, Padding padding, int inLen, int k, int stride, int outLen) {
        int expect = padding.outputLength(inLen, k, stride);
        if (expect != outLen || expect < 1) {
            throw graph.refuse(op, "output length " + outLen + " differs from " + expect + " (" + padding.keras()
                    + " padding, input " + inLen + ", window " + k + ", stride " + stride + ")");
        }
    }
}
