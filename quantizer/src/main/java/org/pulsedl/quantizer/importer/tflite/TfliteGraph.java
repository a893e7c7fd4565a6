package org.pulsedl.quantizer.importer.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Operator;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Options;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Quantization;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Subgraph;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Tensor;
import org.pulsedl.quantizer.importer.tflite.TfliteOps.TensorType;
import org.pulsedl.quantizer.model.Activation;
import org.pulsedl.quantizer.model.Shape;

/**
 * The single subgraph of a {@link TfliteModel} as the importer reads it: operators, tensors and constant data,
 * and the checked accessors that refuse with a {@link TfliteException} naming the operator (shared by the
 * pattern matcher and the layer builders).
 */
final class TfliteGraph {
    private final TfliteModel model;
    private final Subgraph g;
    private final List<Operator> ops;

    TfliteGraph(TfliteModel model) {
        this.model = model;
        if (model.subgraphs().size() != 1) {
            throw new TfliteException("the model has " + model.subgraphs().size() + " subgraphs; only single-subgraph "
                    + "models are supported (no control flow or several signatures)");
        }
        this.g = model.subgraphs().get(0);
        this.ops = g.operators();
    }

    TfliteModel model() { return model; }

    Subgraph subgraph() { return g; }

    /** The operators in execution order. */
    List<Operator> ops() { return ops; }

    String opName(Operator op) { return model.code(op).name(); }

    int code(Operator op) { return model.code(op).code(); }

    /**
     * A refusal of {@code op}: {@code operator <index> <name> (layer '<layer>'): <reason>}, the layer named as the
     * converter wrote it into the output tensor's name (see {@link #layerOf}).
     */
    TfliteException refuse(Operator op, String reason) {
        String layer = layerOf(op);
        return new TfliteException(op.index(), opName(op) + (layer == null ? "" : " (layer '" + layer + "')"), reason);
    }

    /**
     * The Keras layer an operator came from, read off its output tensor's name: the converter names tensors
     * {@code <model>/<layer>/<op>[;<more names>]}; {@code null} when the name has no such path (hand-written
     * files). {@code from_keras_model} traces the model a second time, so TensorFlow makes every name scope unique
     * with a suffix — model {@code sequential} becomes {@code sequential_1}, its layer {@code conv1d_1} becomes
     * {@code conv1d_1_2} — and when the model scope carries such a suffix the layer's is dropped too.
     */
    String layerOf(Operator op) {
        String name = tensor(op.outputs()[0]).name().split(";")[0];
        String[] path = name.split("/");
        if (path.length < 3 || path[1].isEmpty()) {
            return null;
        }
        boolean retraced = path[0].matches(".*_\\d+") && path[1].matches(".+_\\d+");
        return retraced ? path[1].replaceFirst("_\\d+$", "") : path[1];
    }

    Tensor tensor(int i) { return g.tensors().get(i); }

    /** The constant data of {@code t}, or {@code null} for an activation. */
    byte[] data(Tensor t) { return model.data(t); }

    boolean isConstant(int t) { return t >= 0 && model.data(tensor(t)) != null; }

    <T extends Options> T options(Operator op, Class<T> type) {
        if (!type.isInstance(op.options())) {
            throw refuse(op, "has no " + type.getSimpleName() + " options");
        }
        return type.cast(op.options());
    }

    /** Input {@code input} of {@code op}, checked to be a constant holding {@code size} values of its type. */
    Tensor constant(Operator op, int input, String what) {
        if (op.inputs().length <= input || op.inputs()[input] < 0) {
            throw refuse(op, "has no " + what + " input");
        }
        Tensor t = tensor(op.inputs()[input]);
        byte[] data = model.data(t);
        if (data == null) {
            throw refuse(op, what + " " + t + " is not a constant");
        }
        if (t.type().bytes() == 0 || data.length != t.size() * t.type().bytes()) {
            throw refuse(op, what + " " + t + " holds " + data.length + " bytes, expected " + t.size() + " values of "
                    + t.type());
        }
        return t;
    }

    int scalarInt(Operator op, int t) {
        Tensor axis = tensor(t);
        byte[] d = model.data(axis);
        if (d == null || axis.type() != TensorType.INT32 || d.length != 4) {
            throw refuse(op, "axis " + axis + " is not a constant int32 scalar");
        }
        return ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    /** Whether {@code a} and {@code b} hold the same numbers for the same bytes (type, scales, zero points). */
    boolean hasSameQuant(Tensor a, Tensor b) {
        Quantization qa = a.quantization();
        Quantization qb = b.quantization();
        return a.type() == b.type() && Arrays.equals(qa.scale(), qb.scale())
                && Arrays.equals(zeroPoints(qa), zeroPoints(qb));
    }

    /** Reshapes and pools must not change the quantisation (TFLite only copies or compares values). */
    void sameQuant(Operator op, Tensor a, Tensor b) {
        if (!hasSameQuant(a, b)) {
            throw refuse(op, "changes the type or quantisation (" + describe(a) + " → " + describe(b)
                    + "); requantisation outside Conv/Dense is not supported");
        }
    }

    private static long[] zeroPoints(Quantization q) {
        return q.zeroPoint().length == 0 ? new long[q.scale().length] : q.zeroPoint();
    }

    private static String describe(Tensor t) {
        Quantization q = t.quantization();
        return t.type() + (q.isQuantized() ? " scale " + Arrays.toString(q.scale()) + " zero point "
                + Arrays.toString(zeroPoints(q)) : "");
    }

    /** The IR shape of activation {@code t}; refused by {@code op}, or without an operator when it is null. */
    Shape activationShape(Tensor t, Operator op, String what) {
        int[] s = t.shape();
        String reason = null;
        if (s.length < 2 || s.length > 3 || s[0] != 1) {
            reason = what + " " + t + " is not [1, L, C] or [1, N] (batch 1)";
        } else {
            for (int d : s) {
                if (d < 1) {
                    reason = what + " " + t + " has an empty dimension";
                }
            }
        }
        if (reason != null) {
            if (op != null) {
                throw refuse(op, reason);
            }
            throw new TfliteException(reason);
        }
        return s.length == 3 ? Shape.of(s[1], s[2]) : Shape.flat(s[1]);
    }

    /** The fused activation of {@code op}, refused unless none, ReLU or ReLU6. */
    Activation activation(Operator op, TfliteOps.Activation a) {
        return switch (a) {
            case NONE -> Activation.NONE;
            case RELU -> Activation.RELU;
            case RELU6 -> Activation.RELU6;
            default -> throw refuse(op, "fused activation " + a + " is not supported (none, ReLU or ReLU6)");
        };
    }
}
