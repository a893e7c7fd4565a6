package org.pulsedl.quantizer.importer.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Operator;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Options;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Tensor;
import org.pulsedl.quantizer.importer.tflite.TfliteOps.TensorType;

/**
 * The fusion passes after a Conv1D or Dense operator: a separate bias {@code ADD} of a per-channel constant (the
 * default conversion of a Keras 3 Conv1D), the {@code MUL}/{@code ADD} of a BatchNormalization before the
 * activation, and a separate {@code RELU}/{@code RELU6} operator are folded into the layer when that is exact,
 * kept as a step of their own, or refused with the reason.
 *
 * <p>Exactness: in a float model the bias is added to the same float sums either way, so the fold is always the
 * same function. In a quantised model the file rounds the convolution's output to int8/int16 first and the ADD
 * rescales and rounds it again; one requantisation (DESIGN §2) cannot reproduce that double rounding (nor the
 * clamp in between) for every input, so the ADD becomes a {@link Piece.BiasAdd} — its own step with TFLite's ADD
 * arithmetic, which {@code QuantizedLayerBuilder} folds only when it proves the step an identity. A quantised
 * BatchNormalization {@code MUL} is refused. A separate ReLU/ReLU6 whose output has the input's quantisation only
 * clamps, which is exactly a fused activation's range; with other parameters it requantises and is refused.
 */
final class LayerEpilogue {
    /**
     * The layer's output after the folded operators, the activation in effect, and the folded float affine map
     * {@code y·scale + shift} per channel ({@code null} when none: a quantised model, or nothing to fold); and the
     * quantised bias ADD that follows the layer as a step of its own, or {@code null}.
     */
    record Result(Tensor out, TfliteOps.Activation act, float[] scale, float[] shift, Piece.BiasAdd biasAdd) {}

    private final TfliteGraph graph;
    private final OperatorChain chain;

    LayerEpilogue(TfliteGraph graph, OperatorChain chain) {
        this.graph = graph;
        this.chain = chain;
    }

    /**
     * Folds what follows {@code layer} (already passed by the cursor) whose output is {@code out} with fused
     * activation {@code act} and {@code channels} output channels.
     */
    Result fold(Operator layer, Tensor out, TfliteOps.Activation act, int channels, boolean conv) {
        float[] scale = null;
        float[] shift = null;
        Piece.BiasAdd biasAdd = null;
        Operator next = chain.peek();
        while (next != null && (graph.code(next) == TfliteOps.ADD || graph.code(next) == TfliteOps.MUL)
                && isChannelConstant(next, channels)) {
            boolean add = graph.code(next) == TfliteOps.ADD;
            if (act != TfliteOps.Activation.NONE || biasAdd != null && biasAdd.act() != TfliteOps.Activation.NONE) {
                throw graph.refuse(next, (add ? "adds" : "multiplies by") + " a constant after the activation of the "
                        + kind(conv) + " (operator " + layer.index() + "): a BatchNormalization or bias after the "
                        + "activation does not fold into the layer (put it before the activation)");
            }
            if (out.type() != TensorType.FLOAT32) {
                if (!add) {
                    throw graph.refuse(next, "a BatchNormalization left as a separate quantised MUL after the "
                            + kind(conv) + " is not supported (requantisation outside Conv/Dense); import the float "
                            + ".tflite or the Keras model, where it folds into the " + kind(conv));
                }
                if (biasAdd != null) {
                    throw graph.refuse(next, "a second quantised ADD after the " + kind(conv) + "'s bias ADD (operator "
                            + biasAdd.op() + ") is not supported (a BatchNormalization the converter left unfolded: "
                            + "import the float .tflite or the Keras model, where it folds into the " + kind(conv) + ")");
                }
                biasAdd = new Piece.BiasAdd(next.index(), out, graph.tensor(next.outputs()[0]),
                        graph.tensor(next.inputs()[1]), graph.options(next, Options.Add.class).activation());
                chain.advance(next);
                next = chain.peek();
                continue;
            }
            Tensor c = graph.tensor(next.inputs()[1]);
            if (c.type() != TensorType.FLOAT32) {
                throw graph.refuse(next, "constant " + c + " is not float32 in a float model");
            }
            float[] v = channelValues(c, channels);
            if (scale == null) {
                scale = new float[channels];
                shift = new float[channels];
                Arrays.fill(scale, 1f);
            }
            for (int ch = 0; ch < channels; ch++) {       // y·s + t, then + v or · v
                if (add) {
                    shift[ch] += v[ch];
                } else {
                    scale[ch] *= v[ch];
                    shift[ch] *= v[ch];
                }
            }
            act = add ? graph.options(next, Options.Add.class).activation() : graph.options(next, Options.Mul.class)
                    .activation();
            out = graph.tensor(next.outputs()[0]);
            chain.advance(next);
            next = chain.peek();
        }
        if (next != null && (graph.code(next) == TfliteOps.RELU || graph.code(next) == TfliteOps.RELU6)) {
            Tensor y = graph.tensor(next.outputs()[0]);
            Tensor before = biasAdd != null ? biasAdd.out() : out;
            TfliteOps.Activation inEffect = biasAdd != null ? biasAdd.act() : act;
            String what = biasAdd != null ? kind(conv) + "'s bias ADD" : kind(conv);
            if (inEffect != TfliteOps.Activation.NONE) {
                throw graph.refuse(next, "a second activation after the " + what + "'s " + inEffect
                        + " is not supported");
            }
            if (!graph.hasSameQuant(before, y)) {
                throw graph.refuse(next, "a separate " + graph.opName(next) + " that changes the quantisation "
                        + "is not supported (it fuses into the " + what + " only as a clamp)");
            }
            TfliteOps.Activation relu = graph.code(next) == TfliteOps.RELU ? TfliteOps.Activation.RELU
                    : TfliteOps.Activation.RELU6;
            if (biasAdd != null) {
                biasAdd = new Piece.BiasAdd(biasAdd.op(), biasAdd.in(), y, biasAdd.constant(), relu);
            } else {
                act = relu;
                out = y;
            }
            chain.advance(next);
        }
        if (scale != null && !conv) {
            throw graph.refuse(layer, "a per-unit ADD/MUL after a Dense is not supported");
        }
        return new Result(out, act, scale, shift, biasAdd);
    }

    private static String kind(boolean conv) {
        return conv ? "Conv1D" : "Dense";
    }

    /** An ADD of a constant holding one value per channel (any leading unit axes) or one value for all. */
    private boolean isChannelConstant(Operator add, int channels) {
        if (add.inputs().length != 2 || !graph.isConstant(add.inputs()[1])) {
            return false;
        }
        int[] s = graph.tensor(add.inputs()[1]).shape();
        long size = 1;
        for (int d : s) {
            size *= d;
        }
        return size == 1 || (size == channels && s.length > 0 && s[s.length - 1] == channels);
    }

    private float[] channelValues(Tensor t, int channels) {
        ByteBuffer bb = ByteBuffer.wrap(graph.data(t)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[channels];
        boolean scalar = t.size() == 1;
        for (int c = 0; c < channels; c++) {
            v[c] = bb.getFloat(4 * (scalar ? 0 : c));
        }
        return v;
    }
}
