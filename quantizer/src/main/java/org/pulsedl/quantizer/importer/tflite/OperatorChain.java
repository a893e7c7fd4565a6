package org.pulsedl.quantizer.importer.tflite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Operator;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Subgraph;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Tensor;
import org.pulsedl.quantizer.importer.tflite.TfliteOps.TensorType;

/**
 * The subgraph as one chain of operators, walked from the graph input to the graph output: checks that it is a
 * single chain, strips the {@code QUANTIZE}/{@code DEQUANTIZE} ends of a float-I/O model, and lets
 * {@link TflitePatternMatcher} turn the operators in between into {@link Piece}s through a cursor
 * ({@link #next}, {@link #peek}, {@link #advance}) that follows the current activation tensor and passes over
 * the operators that only add or drop the unit height axis of a 1-D layer.
 */
final class OperatorChain {
    /**
     * The recognised chain.
     *
     * @param input   the first layer's input (the QUANTIZE output of a float-I/O model)
     * @param kind    the arithmetic, from {@code input}'s type
     * @param floatIo QUANTIZE first and DEQUANTIZE last
     * @param pieces  the layers in order
     */
    record Recognised(Tensor input, TfliteImport.Kind kind, boolean floatIo, List<Piece> pieces) {}

    private final TfliteGraph graph;
    private final List<Operator> ops;
    private final List<Piece> pieces = new ArrayList<>();
    private int pos;
    private int current;
    private int end;

    private OperatorChain(TfliteGraph graph) {
        this.graph = graph;
        this.ops = graph.ops();
    }

    /** Recognises the whole graph, or refuses it. */
    static Recognised recognise(TfliteGraph graph) {
        return new OperatorChain(graph).run();
    }

    private Recognised run() {
        Subgraph g = graph.subgraph();
        if (g.inputs().length != 1 || g.outputs().length != 1) {
            throw new TfliteException("the model has " + g.inputs().length + " inputs and " + g.outputs().length
                    + " outputs; exactly one of each is supported");
        }
        if (ops.isEmpty()) {
            throw new TfliteException("the model has no operators");
        }
        checkChain();
        current = g.inputs()[0];
        Tensor graphIn = graph.tensor(current);
        boolean floatIo = false;
        end = ops.size();
        if (graph.code(ops.get(0)) == TfliteOps.QUANTIZE && graphIn.type() == TensorType.FLOAT32) {
            floatIo = true;
            current = ops.get(0).outputs()[0];
            pos = 1;
            Operator last = ops.get(end - 1);
            if (graph.code(last) != TfliteOps.DEQUANTIZE) {
                throw graph.refuse(last, "a model with a float input (QUANTIZE first) must end with DEQUANTIZE");
            }
            end--;
        }
        Tensor in = graph.tensor(current);
        TfliteImport.Kind kind = switch (in.type()) {
            case FLOAT32 -> TfliteImport.Kind.FLOAT;
            case INT8 -> TfliteImport.Kind.INT8;
            case INT16 -> TfliteImport.Kind.INT16X8;
            default -> throw new TfliteException("model input " + in + ": type " + in.type()
                    + " is not supported (float32, int8 or int16)");
        };
        TflitePatternMatcher matcher = new TflitePatternMatcher(graph, this);
        for (skipHeightAxisOps(); pos < end; skipHeightAxisOps()) {
            matcher.match();
        }
        if (floatIo) {
            Operator deq = ops.get(end);
            if (deq.inputs()[0] != current || graph.tensor(deq.outputs()[0]).type() != TensorType.FLOAT32) {
                throw graph.refuse(deq, "the final DEQUANTIZE must turn the last layer's output into the float graph "
                        + "output");
            }
        } else if (current != g.outputs()[0]) {
            throw new TfliteException("the graph output " + graph.tensor(g.outputs()[0]) + " is not the last "
                    + "operator's output");
        }
        return new Recognised(in, kind, floatIo, List.copyOf(pieces));
    }

    /**
     * Every operator has one output and reads activations only from its first input; every activation is read
     * by at most one operator (a single chain, no branches).
     */
    private void checkChain() {
        Map<Integer, Operator> readers = new HashMap<>();
        for (Operator op : ops) {
            if (op.outputs().length != 1) {
                throw graph.refuse(op, "has " + op.outputs().length + " outputs; only single-output operators are "
                        + "supported");
            }
            if (op.inputs().length == 0 || op.inputs()[0] < 0) {
                throw graph.refuse(op, "has no data input");
            }
            for (int k = 0; k < op.inputs().length; k++) {
                int t = op.inputs()[k];
                if (t < 0 || graph.isConstant(t)) {
                    continue;
                }
                if (k > 0) {
                    throw graph.refuse(op, "input " + k + " (" + graph.tensor(t) + ") is not a constant: a second "
                            + "activation input means a residual connection or branch, which is not supported"
                            + (graph.code(op) == TfliteOps.ADD ? " (element-wise ADD of two layers)" : ""));
                }
                Operator other = readers.put(t, op);
                if (other != null) {
                    throw graph.refuse(op, "reads " + graph.tensor(t) + ", which operator " + other.index() + " "
                            + graph.opName(other) + " also reads: branching graphs are not supported");
                }
            }
        }
    }

    /**
     * The shape-only pass: moves the cursor past operators that only insert or remove the unit height axis
     * ({@code EXPAND_DIMS}, {@code RESHAPE} or {@code SQUEEZE} between {@code [1, L, C]} and {@code [1, 1, L, C]},
     * same type and quantisation). TFLite wraps every 1-D layer in them; the bytes do not change, so the layers
     * see one logical {@code [L, C]} activation whether the converter wrote them or not.
     */
    private void skipHeightAxisOps() {
        while (pos < end && ops.get(pos).inputs()[0] == current && isHeightAxisOnly(ops.get(pos))) {
            advance(ops.get(pos));
        }
    }

    private boolean isHeightAxisOnly(Operator op) {
        int code = graph.code(op);
        if (code != TfliteOps.EXPAND_DIMS && code != TfliteOps.RESHAPE && code != TfliteOps.SQUEEZE) {
            return false;
        }
        Tensor in = graph.tensor(op.inputs()[0]);
        Tensor out = graph.tensor(op.outputs()[0]);
        return (heightOf(in.shape(), out.shape()) || heightOf(out.shape(), in.shape()))
                && graph.hasSameQuant(in, out);
    }

    /** Whether {@code s4} is {@code s3 = [1, L, C]} with a unit height axis inserted: {@code [1, 1, L, C]}. */
    private static boolean heightOf(int[] s3, int[] s4) {
        return s3.length == 3 && s4.length == 4 && s3[0] == 1 && s4[0] == 1 && s4[1] == 1 && s4[2] == s3[1]
                && s4[3] == s3[2];
    }

    /** The next operator after the shape-only ones, or {@code null} when the chain ends (for look-ahead). */
    Operator peek() {
        skipHeightAxisOps();
        return pos < end && ops.get(pos).inputs()[0] == current ? ops.get(pos) : null;
    }

    /** The operator at the cursor (after the shape-only ones), checked to read the chain's current tensor. */
    Operator next(String expected, Operator after) {
        skipHeightAxisOps();
        if (pos >= end) {
            throw graph.refuse(after, "must be followed by " + expected + " (the model ends here)");
        }
        Operator op = ops.get(pos);
        if (op.inputs()[0] != current) {
            throw graph.refuse(op, "reads " + graph.tensor(op.inputs()[0]) + " instead of the previous operator's "
                    + "output " + graph.tensor(current) + ": the graph is not a single chain");
        }
        return op;
    }

    /** Moves the cursor past {@code op}, whose output becomes the current tensor. */
    void advance(Operator op) {
        current = op.outputs()[0];
        pos++;
    }

    /** The operator right after {@code op} in execution order, or {@code null} at the end of the chain. */
    Operator following(Operator op) {
        return op.index() + 1 < end ? ops.get(op.index() + 1) : null;
    }

    void add(Piece piece) {
        pieces.add(piece);
    }

    /** Whether no layer has been recognised yet. */
    boolean isEmpty() {
        return pieces.isEmpty();
    }

    /** The last recognised layer, or {@code null}. */
    Piece last() {
        return pieces.isEmpty() ? null : pieces.get(pieces.size() - 1);
    }
}
