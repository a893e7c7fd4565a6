package org.pulsedl.quantizer.importer.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Operator;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Quantization;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Tensor;
import org.pulsedl.quantizer.importer.tflite.TfliteOps.TensorType;
import org.pulsedl.quantizer.quant.QuantParams;
import org.pulsedl.quantizer.quant.Width;

/**
 * The file's own quantisation read off a full-integer model's tensors, taken as is: per-tensor activation
 * parameters, per-channel symmetric int8 weight scales and rows, int32/int64 biases — each checked against what
 * the golden model implements, refused by the operator otherwise.
 */
final class QuantizedTensors {
    private final TfliteGraph graph;

    QuantizedTensors(TfliteGraph graph) {
        this.graph = graph;
    }

    /** Per-tensor int8/int16 activation parameters of {@code t}; {@code op == null} for the model input. */
    QuantParams quant(Operator op, Tensor t) {
        Width width = switch (t.type()) {
            case INT8 -> Width.INT8;
            case INT16 -> Width.INT16;
            default -> null;
        };
        String problem = null;
        Quantization q = t.quantization();
        if (width == null) {
            problem = t + ": activation type " + t.type() + " is not supported (int8 or int16)";
        } else if (q.scale().length != 1) {
            problem = t + ": activations need one (per-tensor) scale, found " + q.scale().length;
        }
        if (problem == null) {
            try {
                return new QuantParams(q.scale()[0], q.zeroPoint().length == 0 ? 0 : Math.toIntExact(q.zeroPoint()[0]),
                        width);
            } catch (IllegalArgumentException | ArithmeticException e) {
                problem = t + ": " + e.getMessage();
            }
        }
        if (op == null) {
            throw new TfliteException("model input " + problem);
        }
        throw graph.refuse(op, problem);
    }

    /** One weight scale per output channel (a per-tensor scale repeated). */
    double[] weightScales(Operator op, Tensor w, int channels) {
        if (w.type() != TensorType.INT8) {
            throw graph.refuse(op, "weights " + w + " are " + w.type() + "; int8 weights are needed");
        }
        Quantization q = w.quantization();
        float[] s = q.scale();
        if (s.length != 1 && s.length != channels) {
            throw graph.refuse(op, "weights " + w + " have " + s.length + " scales for " + channels
                    + " output channels");
        }
        if (s.length > 1 && q.quantizedDimension() != 0) {
            throw graph.refuse(op, "weights " + w + " are quantised along dimension " + q.quantizedDimension()
                    + " instead of the output channels (0)");
        }
        for (long z : q.zeroPoint()) {
            if (z != 0) {
                throw graph.refuse(op, "weights " + w + " have zero point " + z + "; symmetric weights (0) are needed");
            }
        }
        double[] scales = new double[channels];
        for (int c = 0; c < channels; c++) {
            float v = s.length == 1 ? s[0] : s[c];
            if (!(v > 0) || Float.isInfinite(v)) {
                throw graph.refuse(op, "weights " + w + " have scale " + v + " for channel " + c);
            }
            scales[c] = v;
        }
        return scales;
    }

    /** The int8 weights as {@code rows} rows (output channels) of {@code cols} values, none of them -128. */
    byte[][] weightRows(Operator op, Tensor w, int rows, int cols) {
        byte[] d = graph.data(w);
        byte[][] out = new byte[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < cols; i++) {
                byte v = d[r * cols + i];
                if (v == Byte.MIN_VALUE) {
                    throw graph.refuse(op, "weights " + w + " hold -128 (row " + r + "); int8 weights must lie in "
                            + "[-127, 127]");
                }
                out[r][i] = v;
            }
        }
        return out;
    }

    /**
     * The codes of an int8/int16 constant holding one value per channel or one value for all (any leading unit
     * axes), as {@code channels} values.
     */
    int[] activationCodes(Operator op, Tensor t, int channels) {
        byte[] d = graph.data(t);
        int size = (int) t.size();
        if (size != 1 && size != channels) {
            throw graph.refuse(op, "constant " + t + " has " + size + " values for " + channels + " channels");
        }
        boolean wide = t.type() == TensorType.INT16;
        if (d == null || d.length != size * (wide ? 2 : 1)) {
            throw graph.refuse(op, "constant " + t + " holds " + (d == null ? 0 : d.length) + " bytes for " + size
                    + " values");
        }
        ByteBuffer bb = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
        int[] codes = new int[channels];
        for (int c = 0; c < channels; c++) {
            int i = size == 1 ? 0 : c;
            codes[c] = wide ? bb.getShort(2 * i) : bb.get(i);
        }
        return codes;
    }

    /** int32 bias for an int8 input, int64 for int16 (TFLite's 16x8); zeros when the operator has none. */
    long[] intBias(Operator op, Tensor bias, int n, Width inWidth) {
        if (bias == null) {
            return new long[n];
        }
        TensorType want = inWidth == Width.INT8 ? TensorType.INT32 : TensorType.INT64;
        if (bias.type() != want) {
            throw graph.refuse(op, "bias " + bias + " is " + bias.type() + "; an " + inWidth.label() + " input needs "
                    + "an " + want + " bias" + (inWidth == Width.INT16 ? " (16x8 with an int32 bias uses an int32 "
                    + "accumulator, which the golden model does not implement)" : ""));
        }
        for (long z : bias.quantization().zeroPoint()) {
            if (z != 0) {
                throw graph.refuse(op, "bias " + bias + " has zero point " + z);
            }
        }
        ByteBuffer bb = ByteBuffer.wrap(graph.data(bias)).order(ByteOrder.LITTLE_ENDIAN);
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = want == TensorType.INT32 ? bb.getInt(4 * i) : bb.getLong(8 * i);
        }
        return v;
    }
}
