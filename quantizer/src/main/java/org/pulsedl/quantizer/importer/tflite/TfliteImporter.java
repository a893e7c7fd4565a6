package org.pulsedl.quantizer.importer.tflite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Operator;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Options;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Quantization;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Subgraph;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Tensor;
import org.pulsedl.quantizer.importer.tflite.TfliteOps.TensorType;
import org.pulsedl.quantizer.model.Activation;
import org.pulsedl.quantizer.model.AveragePooling1D;
import org.pulsedl.quantizer.model.Conv1D;
import org.pulsedl.quantizer.model.Dense;
import org.pulsedl.quantizer.model.Flatten;
import org.pulsedl.quantizer.model.Layer;
import org.pulsedl.quantizer.model.MaxPooling1D;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.model.Padding;
import org.pulsedl.quantizer.model.Reshape;
import org.pulsedl.quantizer.model.Shape;
import org.pulsedl.quantizer.qmodel.QAvgPool1D;
import org.pulsedl.quantizer.qmodel.QConv1D;
import org.pulsedl.quantizer.qmodel.QDense;
import org.pulsedl.quantizer.qmodel.QFlatten;
import org.pulsedl.quantizer.qmodel.QLayer;
import org.pulsedl.quantizer.qmodel.QMaxPool1D;
import org.pulsedl.quantizer.qmodel.QReshape;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.qmodel.Requant;
import org.pulsedl.quantizer.quant.PostTrainingQuantizer;
import org.pulsedl.quantizer.quant.QuantParams;
import org.pulsedl.quantizer.quant.QuantizedMultiplier;
import org.pulsedl.quantizer.quant.RoundingMode;
import org.pulsedl.quantizer.quant.Width;

/**
 * Imports a {@code .tflite} flatbuffer (TF 2.18 converter output, docs/qmodel.md "TFLite import") as our IR:
 * a float {@link Model} for a float file, a {@link QuantizedModel} for a full-integer int8 or 16x8 file —
 * with the file's own quantisation (weights, per-channel scales, int32/int64 bias, activation scales and zero
 * points) taken as is, and {@code (M0, shift)} computed per operator exactly as TFLite's kernels do in
 * {@code Prepare}. The model's rounding is {@code DOUBLE} with 31-bit multipliers (TFLite's reference path).
 *
 * <p>The graph must be one chain of these patterns (TFLite's lowering of the DESIGN §2 layers):
 * <ul>
 *   <li>{@code EXPAND_DIMS → CONV_2D → RESHAPE} = Conv1D (a RESHAPE to {@code [1, L·C]} = Conv1D + Flatten);</li>
 *   <li>{@code EXPAND_DIMS → MAX_POOL_2D | AVERAGE_POOL_2D → RESHAPE} = MaxPooling1D / AveragePooling1D;</li>
 *   <li>{@code FULLY_CONNECTED} on a flat input = Dense; a lone {@code RESHAPE [1,L,C] → [1,N]} = Flatten;
 *       a first {@code RESHAPE [1,N] → [1,L,C]} = Reshape;</li>
 *   <li>quantised models with float I/O: {@code QUANTIZE} first and {@code DEQUANTIZE} last.</li>
 * </ul>
 * Anything else — the Keras 3 conv-bias {@code ADD}, dilation ≠ 1, an unsupported operator or activation,
 * several subgraphs, branches — is refused with one {@link TfliteException} naming the operator index, its
 * name and the reason. Never a partial model.
 */
public final class TfliteImporter {
    /** Multiplier bits of every imported quantised model (TFLite's {@code QuantizeMultiplier}). */
    public static final int M_BITS = 31;

    private TfliteImporter() {}

    /**
     * Reads and imports a {@code .tflite} file; the model is named after the file (without extension).
     *
     * @throws IOException     when the file cannot be read
     * @throws TfliteException when it is not a valid TFLite file or holds something outside the subset
     */
    public static TfliteImport read(Path file) throws IOException {
        TfliteModel m = TfliteReader.read(file);
        String name = file.getFileName().toString().replaceFirst("\\.tflite$", "");
        try {
            return importModel(m, name);
        } catch (TfliteException e) {
            throw new TfliteException("'" + file + "': ", e);
        }
    }

    /** {@link #read}, requiring a full-integer (int8 or 16x8) file. */
    public static QuantizedModel readQuantized(Path file) throws IOException {
        TfliteImport imp = read(file);
        if (!imp.isQuantized()) {
            throw new TfliteException("'" + file + "' is a float model; a full-integer (int8 or 16x8) .tflite is needed "
                    + "(or use read/readFloat)");
        }
        return imp.quantized();
    }

    /** {@link #read}, requiring a float file. */
    public static Model readFloat(Path file) throws IOException {
        TfliteImport imp = read(file);
        if (imp.isQuantized()) {
            throw new TfliteException("'" + file + "' is a quantised (" + imp.kind() + ") model; a float .tflite is "
                    + "needed (or use read/readQuantized)");
        }
        return imp.floatModel();
    }

    /**
     * TFLite's reference QUANTIZE (float → int8/int16), which the first operator of a float-I/O model applies:
     * {@code clamp(round(x / float(scale)) + zero_point)} with the division and the rounding (half away from zero) in
     * <b>float32</b> ({@code AffineQuantize}). For int16 inputs this differs from a double division now and then.
     */
    public static int quantizeInput(float x, QuantParams p) {
        float scaled = x / (float) p.scale();
        return p.width().clamp(org.pulsedl.quantizer.quant.Rounding.halfAwayFromZero(scaled) + p.zeroPoint());
    }

    /** Imports a parsed model. */
    public static TfliteImport importModel(TfliteModel model, String name) {
        return new Importer(model, name).run();
    }

    // ------------------------------------------------------------------------------------------------------

    /** One recognised layer: the operators it spans and the tensors it reads and writes. */
    private sealed interface Piece {
        int op();
    }

    private record ConvPiece(int op, Tensor in, Tensor out, Tensor weights, Tensor bias, Options.Conv2D opts,
                             boolean flatten) implements Piece {}

    private record PoolPiece(int op, boolean max, Tensor in, Tensor out, Options.Pool2D opts, boolean flatten)
            implements Piece {}

    private record DensePiece(int op, Tensor in, Tensor out, Tensor weights, Tensor bias, Options.FullyConnected opts)
            implements Piece {}

    private record FlattenPiece(int op, Tensor in, Tensor out) implements Piece {}

    private record ReshapePiece(int op, Tensor in, Tensor out) implements Piece {}

    private static final class Importer {
        private final TfliteModel model;
        private final String name;
        private final Subgraph g;
        private final List<Operator> ops;
        private final List<Piece> pieces = new ArrayList<>();
        private final Map<String, Integer> nameCounts = new HashMap<>();
        private int pos;
        private int current;

        Importer(TfliteModel model, String name) {
            this.model = model;
            this.name = name;
            if (model.subgraphs().size() != 1) {
                throw new TfliteException("the model has " + model.subgraphs().size() + " subgraphs; only single-subgraph "
                        + "models are supported (no control flow or several signatures)");
            }
            this.g = model.subgraphs().get(0);
            this.ops = g.operators();
        }

        private String opName(Operator op) { return model.code(op).name(); }

        private int code(Operator op) { return model.code(op).code(); }

        private TfliteException refuse(Operator op, String reason) {
            return new TfliteException(op.index(), opName(op), reason);
        }

        private Tensor tensor(int i) { return g.tensors().get(i); }

        private boolean isConstant(int t) { return t >= 0 && model.data(tensor(t)) != null; }

        TfliteImport run() {
            if (g.inputs().length != 1 || g.outputs().length != 1) {
                throw new TfliteException("the model has " + g.inputs().length + " inputs and " + g.outputs().length
                        + " outputs; exactly one of each is supported");
            }
            if (ops.isEmpty()) {
                throw new TfliteException("the model has no operators");
            }
            checkChain();
            current = g.inputs()[0];
            Tensor graphIn = tensor(current);
            boolean floatIo = false;
            int end = ops.size();
            if (code(ops.get(0)) == TfliteOps.QUANTIZE && graphIn.type() == TensorType.FLOAT32) {
                floatIo = true;
                current = ops.get(0).outputs()[0];
                pos = 1;
                Operator last = ops.get(end - 1);
                if (code(last) != TfliteOps.DEQUANTIZE) {
                    throw refuse(last, "a model with a float input (QUANTIZE first) must end with DEQUANTIZE");
                }
                end--;
            }
            Tensor in = tensor(current);
            TfliteImport.Kind kind = switch (in.type()) {
                case FLOAT32 -> TfliteImport.Kind.FLOAT;
                case INT8 -> TfliteImport.Kind.INT8;
                case INT16 -> TfliteImport.Kind.INT16X8;
                default -> throw new TfliteException("model input " + in + ": type " + in.type()
                        + " is not supported (float32, int8 or int16)");
            };
            while (pos < end) {
                match(end);
            }
            if (floatIo) {
                Operator deq = ops.get(end);
                if (deq.inputs()[0] != current || tensor(deq.outputs()[0]).type() != TensorType.FLOAT32) {
                    throw refuse(deq, "the final DEQUANTIZE must turn the last layer's output into the float graph output");
                }
            } else if (current != g.outputs()[0]) {
                throw new TfliteException("the graph output " + tensor(g.outputs()[0]) + " is not the last operator's "
                        + "output");
            }
            Shape inputShape = activationShape(in, null, "model input");
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("source", "tflite");
            meta.put("tflite_schema_version", Long.toString(model.version()));
            if (!model.description().isEmpty()) {
                meta.put("tflite_description", model.description());
            }
            meta.put("tflite_kind", kind.name());
            meta.put("tflite_io", floatIo ? "float" : "integer");
            if (kind == TfliteImport.Kind.FLOAT) {
                return new TfliteImport(kind, false, new Model(name, inputShape, floatLayers(inputShape)), null);
            }
            QuantParams inQ = quant(null, in);
            List<QLayer> layers = quantizedLayers(inputShape, inQ);
            try {
                return new TfliteImport(kind, floatIo, null, new QuantizedModel(name, inputShape, inQ, null, layers,
                        RoundingMode.DOUBLE, M_BITS, List.of(), meta));
            } catch (IllegalArgumentException e) {
                throw new TfliteException("the imported model breaks a .qmodel rule: " + e.getMessage(), e);
            }
        }

        /**
         * Every operator has one output and reads activations only from its first input; every activation is read
         * by at most one operator (a single chain, no branches).
         */
        private void checkChain() {
            Map<Integer, Operator> readers = new HashMap<>();
            for (Operator op : ops) {
                if (op.outputs().length != 1) {
                    throw refuse(op, "has " + op.outputs().length + " outputs; only single-output operators are supported");
                }
                if (op.inputs().length == 0 || op.inputs()[0] < 0) {
                    throw refuse(op, "has no data input");
                }
                for (int k = 0; k < op.inputs().length; k++) {
                    int t = op.inputs()[k];
                    if (t < 0 || isConstant(t)) {
                        continue;
                    }
                    if (k > 0) {
                        throw refuse(op, "input " + k + " (" + tensor(t) + ") is not a constant: a second activation "
                                + "input means a residual connection or branch, which is not supported"
                                + (code(op) == TfliteOps.ADD ? " (element-wise ADD of two layers)" : ""));
                    }
                    Operator other = readers.put(t, op);
                    if (other != null) {
                        throw refuse(op, "reads " + tensor(t) + ", which operator " + other.index() + " " + opName(other)
                                + " also reads: branching graphs are not supported");
                    }
                }
            }
        }

        /** The operator at {@code pos}, checked to read the chain's current tensor. */
        private Operator next(int end, String expected, Operator after) {
            if (pos >= end) {
                throw refuse(after, "must be followed by " + expected + " (the model ends here)");
            }
            Operator op = ops.get(pos);
            if (op.inputs()[0] != current) {
                throw refuse(op, "reads " + tensor(op.inputs()[0]) + " instead of the previous operator's output "
                        + tensor(current) + ": the graph is not a single chain");
            }
            return op;
        }

        private void advance(Operator op) {
            current = op.outputs()[0];
            pos++;
        }

        private void match(int end) {
            Operator op = next(end, "an operator", null);
            int code = code(op);
            switch (code) {
                case TfliteOps.EXPAND_DIMS -> matchExpanded(op, end);
                case TfliteOps.RESHAPE -> {
                    Tensor in = tensor(op.inputs()[0]);
                    Tensor out = tensor(op.outputs()[0]);
                    if (in.shape().length == 3 && out.shape().length == 4 && pos + 1 < end
                            && isWindowOp(code(ops.get(pos + 1)))) {
                        matchExpanded(op, end);                       // RESHAPE used as EXPAND_DIMS
                    } else {
                        matchReshape(op, in, out);
                    }
                }
                case TfliteOps.FULLY_CONNECTED -> matchDense(op);
                case TfliteOps.ADD -> throw refuse(op, addReason(op));
                case TfliteOps.CONV_2D, TfliteOps.MAX_POOL_2D, TfliteOps.AVERAGE_POOL_2D -> throw refuse(op,
                        "a 2-D " + (code == TfliteOps.CONV_2D ? "convolution" : "pooling") + " must be a 1-D layer "
                                + "wrapped as EXPAND_DIMS → " + opName(op) + " → RESHAPE (height 1)");
                case TfliteOps.QUANTIZE -> throw refuse(op, "QUANTIZE is only supported as the first operator of a "
                        + "model with a float input (requantisation between layers is not supported)");
                case TfliteOps.DEQUANTIZE -> throw refuse(op, "DEQUANTIZE is only supported as the last operator of a "
                        + "model with float I/O"
                        + (isConstant(op.inputs()[0]) ? " (here it expands float16/quantised constant weights, which "
                        + "is not supported: convert as float32 or full-integer)" : ""));
                default -> throw refuse(op, "is not supported (the importer maps EXPAND_DIMS/CONV_2D/RESHAPE, "
                        + "FULLY_CONNECTED, MAX_POOL_2D, AVERAGE_POOL_2D, RESHAPE, and QUANTIZE/DEQUANTIZE at the ends)");
            }
        }

        private static boolean isWindowOp(int code) {
            return code == TfliteOps.CONV_2D || code == TfliteOps.MAX_POOL_2D || code == TfliteOps.AVERAGE_POOL_2D;
        }

        private String addReason(Operator op) {
            int other = op.inputs().length > 1 ? op.inputs()[1] : -1;
            boolean afterConv = !pieces.isEmpty() && pieces.get(pieces.size() - 1) instanceof ConvPiece;
            if (other >= 0 && isConstant(other) && afterConv) {
                return "a Conv1D bias added as a separate ADD of " + tensor(other) + " (Keras 3 traces Conv1D biases "
                        + "as [1,1,C] and the converter leaves them outside CONV_2D); convert with the bias fused into "
                        + "CONV_2D (scripts/oracle/tflite_convert.py --conv-bias fused)";
            }
            return "element-wise ADD is not supported (only the layers of DESIGN §2)";
        }

        /** {@code EXPAND_DIMS (or RESHAPE) → CONV_2D | MAX_POOL_2D | AVERAGE_POOL_2D → RESHAPE}. */
        private void matchExpanded(Operator expand, int end) {
            Tensor x = tensor(expand.inputs()[0]);
            Tensor x4 = tensor(expand.outputs()[0]);
            int[] s = x.shape();
            int[] s4 = x4.shape();
            if (s.length != 3 || s[0] != 1 || s4.length != 4 || s4[0] != 1 || s4[1] != 1 || s4[2] != s[1]
                    || s4[3] != s[2]) {
                throw refuse(expand, "must insert the height axis of a 1-D layer ([1, L, C] → [1, 1, L, C]), got "
                        + Arrays.toString(s) + " → " + Arrays.toString(s4));
            }
            if (code(expand) == TfliteOps.EXPAND_DIMS && expand.inputs().length > 1) {
                int axis = scalarInt(expand, expand.inputs()[1]);
                if (axis != 1 && axis != -3) {
                    throw refuse(expand, "axis " + axis + " does not insert the height axis (1 or -3 expected)");
                }
            }
            sameQuant(expand, x, x4);
            advance(expand);
            Operator win = next(end, "CONV_2D, MAX_POOL_2D or AVERAGE_POOL_2D", expand);
            int wc = code(win);
            if (!isWindowOp(wc)) {
                throw refuse(win, "follows " + opName(expand) + " (operator " + expand.index() + "), which only wraps "
                        + "CONV_2D, MAX_POOL_2D or AVERAGE_POOL_2D");
            }
            Tensor y4 = tensor(win.outputs()[0]);
            int[] o4 = y4.shape();
            if (o4.length != 4 || o4[0] != 1 || o4[1] != 1) {
                throw refuse(win, "output " + y4 + " is not [1, 1, L, C]");
            }
            int inLen = s[1];
            int outLen = o4[2];
            advance(win);
            Operator squeeze = next(end, "RESHAPE back to [1, L, C] (or [1, L·C])", win);
            if (code(squeeze) != TfliteOps.RESHAPE) {
                throw refuse(squeeze, "follows " + opName(win) + " (operator " + win.index() + "), which must be followed "
                        + "by RESHAPE back to [1, L, C]");
            }
            Tensor y = tensor(squeeze.outputs()[0]);
            int[] so = y.shape();
            boolean flatten;
            if (so.length == 3 && so[0] == 1 && so[1] == o4[2] && so[2] == o4[3]) {
                flatten = false;
            } else if (so.length == 2 && so[0] == 1 && so[1] == o4[2] * o4[3]) {
                flatten = true;
            } else {
                throw refuse(squeeze, "reshapes " + Arrays.toString(o4) + " to " + Arrays.toString(so)
                        + "; expected [1, " + o4[2] + ", " + o4[3] + "] or [1, " + o4[2] * o4[3] + "]");
            }
            sameQuant(squeeze, y4, y);
            if (wc == TfliteOps.CONV_2D) {
                Options.Conv2D opts = options(win, Options.Conv2D.class);
                if (opts.dilationW() != 1 || opts.dilationH() != 1) {
                    throw refuse(win, "dilation " + opts.dilationW() + (opts.dilationH() != 1 ? "x" + opts.dilationH() : "")
                            + " is not supported (dilation 1 only)");
                }
                if (opts.strideW() < 1) {
                    throw refuse(win, "stride " + opts.strideW() + " must be >= 1");
                }
                Tensor w = constant(win, 1, "weights");
                int[] ws = w.shape();
                if (ws.length != 4 || ws[1] != 1 || ws[3] != s[2]) {
                    throw refuse(win, "weights " + w + " are not [filters, 1, kernel, " + s[2] + "]");
                }
                if (ws[0] != o4[3]) {
                    throw refuse(win, "weights have " + ws[0] + " filters but the output has " + o4[3] + " channels");
                }
                checkLength(win, opts.padding(), inLen, ws[2], opts.strideW(), outLen);
                Tensor bias = win.inputs().length > 2 && win.inputs()[2] >= 0 ? constant(win, 2, "bias") : null;
                if (bias != null && bias.size() != ws[0]) {
                    throw refuse(win, "bias " + bias + " does not have " + ws[0] + " values");
                }
                pieces.add(new ConvPiece(win.index(), x, y, w, bias, opts, flatten));
            } else {
                Options.Pool2D opts = options(win, Options.Pool2D.class);
                if (opts.filterHeight() != 1) {
                    throw refuse(win, "filter height " + opts.filterHeight() + " is not 1");
                }
                if (opts.filterWidth() < 1 || opts.strideW() < 1) {
                    throw refuse(win, "filter width and stride must be >= 1");
                }
                if (opts.activation() != TfliteOps.Activation.NONE) {
                    throw refuse(win, "fused activation " + opts.activation() + " on pooling is not supported");
                }
                if (o4[3] != s[2]) {
                    throw refuse(win, "changes the channel count " + s[2] + " → " + o4[3]);
                }
                checkLength(win, opts.padding(), inLen, opts.filterWidth(), opts.strideW(), outLen);
                sameQuant(win, x4, y4);
                pieces.add(new PoolPiece(win.index(), wc == TfliteOps.MAX_POOL_2D, x, y, opts, flatten));
            }
            advance(squeeze);
        }

        private void checkLength(Operator op, Padding padding, int inLen, int k, int stride, int outLen) {
            int expect = padding.outputLength(inLen, k, stride);
            if (expect != outLen || expect < 1) {
                throw refuse(op, "output length " + outLen + " differs from " + expect + " (" + padding.keras()
                        + " padding, input " + inLen + ", window " + k + ", stride " + stride + ")");
            }
        }

        private void matchReshape(Operator op, Tensor in, Tensor out) {
            int[] si = in.shape();
            int[] so = out.shape();
            sameQuant(op, in, out);
            if (si.length == 3 && si[0] == 1 && so.length == 2 && so[0] == 1 && so[1] == si[1] * si[2]) {
                pieces.add(new FlattenPiece(op.index(), in, out));
            } else if (pieces.isEmpty() && si.length == 2 && si[0] == 1 && so.length == 3 && so[0] == 1
                    && so[1] * so[2] == si[1]) {
                pieces.add(new ReshapePiece(op.index(), in, out));
            } else {
                throw refuse(op, "reshapes " + Arrays.toString(si) + " to " + Arrays.toString(so) + "; only a Flatten "
                        + "([1, L, C] → [1, L·C]), a first Reshape ([1, N] → [1, L, C]) or the end of a 1-D layer is "
                        + "supported");
            }
            advance(op);
        }

        private void matchDense(Operator op) {
            Options.FullyConnected opts = options(op, Options.FullyConnected.class);
            Tensor in = tensor(op.inputs()[0]);
            Tensor out = tensor(op.outputs()[0]);
            Tensor w = constant(op, 1, "weights");
            if (opts.weightsFormat() != 0) {
                throw refuse(op, "shuffled weights format " + opts.weightsFormat() + " is not supported");
            }
            int[] ws = w.shape();
            if (ws.length != 2) {
                throw refuse(op, "weights " + w + " are not [units, inputs]");
            }
            int[] si = in.shape();
            if (si.length < 2 || si[0] != 1 || in.size() != ws[1]) {
                throw refuse(op, "input " + in + " is not a flat [1, " + ws[1] + "] vector (a Dense applied per "
                        + "position is not supported; add a Flatten)");
            }
            int[] so = out.shape();
            if (out.size() != ws[0] || so[so.length - 1] != ws[0]) {
                throw refuse(op, "output " + out + " does not have " + ws[0] + " units");
            }
            Tensor bias = op.inputs().length > 2 && op.inputs()[2] >= 0 ? constant(op, 2, "bias") : null;
            if (bias != null && bias.size() != ws[0]) {
                throw refuse(op, "bias " + bias + " does not have " + ws[0] + " values");
            }
            if (si.length != 2) {
                // e.g. [1, 1, N]: the same numbers as [1, N]
                pieces.add(new FlattenPiece(op.index(), in, in));
            }
            pieces.add(new DensePiece(op.index(), in, out, w, bias, opts));
            advance(op);
        }

        private <T extends Options> T options(Operator op, Class<T> type) {
            if (!type.isInstance(op.options())) {
                throw refuse(op, "has no " + type.getSimpleName() + " options");
            }
            return type.cast(op.options());
        }

        private Tensor constant(Operator op, int input, String what) {
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

        private int scalarInt(Operator op, int t) {
            Tensor axis = tensor(t);
            byte[] d = model.data(axis);
            if (d == null || axis.type() != TensorType.INT32 || d.length != 4) {
                throw refuse(op, "axis " + axis + " is not a constant int32 scalar");
            }
            return ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN).getInt();
        }

        /** Reshapes and pools must not change the quantisation (TFLite only copies or compares values). */
        private void sameQuant(Operator op, Tensor a, Tensor b) {
            Quantization qa = a.quantization();
            Quantization qb = b.quantization();
            if (a.type() != b.type() || !Arrays.equals(qa.scale(), qb.scale())
                    || !Arrays.equals(zeroPoints(qa), zeroPoints(qb))) {
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

        private Shape activationShape(Tensor t, Operator op, String what) {
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

        private String layerName(String base) {
            int n = nameCounts.merge(base, 1, Integer::sum) - 1;
            return n == 0 ? base : base + "_" + n;
        }

        // --------------------------------------------------------------------------------------- float model

        private List<Layer> floatLayers(Shape inputShape) {
            List<Layer> layers = new ArrayList<>();
            for (Piece p : pieces) {
                Operator op = ops.get(p.op());
                if (p instanceof ConvPiece c) {
                    requireFloat(op, c.in(), c.out(), c.weights(), c.bias());
                    int[] ws = c.weights().shape();
                    int filters = ws[0];
                    int k = ws[2];
                    int cin = ws[3];
                    float[] w = floats(c.weights());
                    double[][][] kernel = new double[k][cin][filters];
                    for (int f = 0; f < filters; f++) {
                        for (int t = 0; t < k; t++) {
                            for (int ch = 0; ch < cin; ch++) {
                                kernel[t][ch][f] = w[(f * k + t) * cin + ch];
                            }
                        }
                    }
                    layers.add(new Conv1D(layerName("conv1d"), filters, k, c.opts().strideW(), c.opts().padding(),
                            activation(op, c.opts().activation()), kernel, floatBias(c.bias(), filters)));
                    if (c.flatten()) {
                        layers.add(new Flatten(layerName("flatten")));
                    }
                } else if (p instanceof PoolPiece pp) {
                    requireFloat(op, pp.in(), pp.out(), null, null);
                    layers.add(pp.max()
                            ? new MaxPooling1D(layerName("max_pooling1d"), pp.opts().filterWidth(), pp.opts().strideW(),
                            pp.opts().padding())
                            : new AveragePooling1D(layerName("average_pooling1d"), pp.opts().filterWidth(),
                            pp.opts().strideW(), pp.opts().padding()));
                    if (pp.flatten()) {
                        layers.add(new Flatten(layerName("flatten")));
                    }
                } else if (p instanceof DensePiece d) {
                    requireFloat(op, d.in(), d.out(), d.weights(), d.bias());
                    int units = d.weights().shape()[0];
                    int inputs = d.weights().shape()[1];
                    float[] w = floats(d.weights());
                    double[][] weights = new double[inputs][units];
                    for (int j = 0; j < units; j++) {
                        for (int i = 0; i < inputs; i++) {
                            weights[i][j] = w[j * inputs + i];
                        }
                    }
                    layers.add(new Dense(layerName("dense"), units, activation(op, d.opts().activation()), weights,
                            floatBias(d.bias(), units)));
                } else if (p instanceof FlattenPiece f) {
                    requireFloat(op, f.in(), f.out(), null, null);
                    layers.add(new Flatten(layerName("flatten")));
                } else if (p instanceof ReshapePiece r) {
                    requireFloat(op, r.in(), r.out(), null, null);
                    layers.add(new Reshape(layerName("reshape"), activationShape(r.out(), op, "output")));
                }
            }
            return layers;
        }

        private void requireFloat(Operator op, Tensor in, Tensor out, Tensor w, Tensor b) {
            for (Tensor t : new Tensor[] {in, out, w, b}) {
                if (t != null && t.type() != TensorType.FLOAT32) {
                    String hint = t == w && (t.type() == TensorType.INT8 || t.type() == TensorType.UINT8)
                            ? " (dynamic-range quantised weights with float activations are not supported: convert "
                            + "float32 or full-integer)"
                            : "";
                    throw refuse(op, t + " is not float32 in a float model" + hint);
                }
            }
        }

        private double[] floatBias(Tensor bias, int n) {
            double[] b = new double[n];
            if (bias != null) {
                float[] f = floats(bias);
                for (int i = 0; i < n; i++) {
                    b[i] = f[i];
                }
            }
            return b;
        }

        private float[] floats(Tensor t) {
            ByteBuffer bb = ByteBuffer.wrap(model.data(t)).order(ByteOrder.LITTLE_ENDIAN);
            float[] v = new float[(int) t.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = bb.getFloat(4 * i);
            }
            return v;
        }

        // ----------------------------------------------------------------------------------- quantised model

        private List<QLayer> quantizedLayers(Shape inputShape, QuantParams inQ) {
            List<QLayer> layers = new ArrayList<>();
            Shape shape = inputShape;
            for (Piece p : pieces) {
                Operator op = ops.get(p.op());
                if (p instanceof ConvPiece c) {
                    QuantParams in = quant(op, c.in());
                    QuantParams out = quant(op, c.out());
                    int[] ws = c.weights().shape();
                    int filters = ws[0];
                    int k = ws[2];
                    int cin = ws[3];
                    double[] scales = weightScales(op, c.weights(), filters);
                    byte[][] weights = weightRows(op, c.weights(), filters, k * cin);
                    long[] bias = intBias(op, c.bias(), filters, in.width());
                    Activation act = activation(op, c.opts().activation());
                    Requant rq = requant(op, in, scales, out, act, true);
                    QConv1D q = new QConv1D(layerName("conv1d"), shape, filters, k, c.opts().strideW(),
                            c.opts().padding(), act, in, weights, scales, bias, rq);
                    layers.add(q);
                    shape = q.outputShape();
                    if (c.flatten()) {
                        QFlatten f = new QFlatten(layerName("flatten"), shape, out);
                        layers.add(f);
                        shape = f.outputShape();
                    }
                } else if (p instanceof PoolPiece pp) {
                    QuantParams q = quant(op, pp.in());
                    QLayer l = pp.max()
                            ? new QMaxPool1D(layerName("max_pooling1d"), shape, pp.opts().filterWidth(),
                            pp.opts().strideW(), pp.opts().padding(), q)
                            : new QAvgPool1D(layerName("average_pooling1d"), shape, pp.opts().filterWidth(),
                            pp.opts().strideW(), pp.opts().padding(), q);
                    layers.add(l);
                    shape = l.outputShape();
                    if (pp.flatten()) {
                        QFlatten f = new QFlatten(layerName("flatten"), shape, q);
                        layers.add(f);
                        shape = f.outputShape();
                    }
                } else if (p instanceof DensePiece d) {
                    QuantParams in = quant(op, d.in());
                    QuantParams out = quant(op, d.out());
                    int units = d.weights().shape()[0];
                    int inputs = d.weights().shape()[1];
                    double[] scales = weightScales(op, d.weights(), units);
                    byte[][] weights = weightRows(op, d.weights(), units, inputs);
                    long[] bias = intBias(op, d.bias(), units, in.width());
                    Activation act = activation(op, d.opts().activation());
                    boolean perChannel = d.weights().quantization().scale().length > 1;
                    Requant rq = requant(op, in, scales, out, act, perChannel);
                    QDense q = new QDense(layerName("dense"), inputs, units, act, in, weights, scales, bias, rq);
                    layers.add(q);
                    shape = q.outputShape();
                } else if (p instanceof FlattenPiece f) {
                    QFlatten l = new QFlatten(layerName("flatten"), shape, quant(op, f.in()));
                    layers.add(l);
                    shape = l.outputShape();
                } else if (p instanceof ReshapePiece r) {
                    QReshape l = new QReshape(layerName("reshape"), shape, activationShape(r.out(), op, "output"),
                            quant(op, r.in()));
                    layers.add(l);
                    shape = l.outputShape();
                }
            }
            return layers;
        }

        /** Per-tensor int8/int16 activation parameters of {@code t}. */
        private QuantParams quant(Operator op, Tensor t) {
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
            throw refuse(op, problem);
        }

        private double[] weightScales(Operator op, Tensor w, int channels) {
            if (w.type() != TensorType.INT8) {
                throw refuse(op, "weights " + w + " are " + w.type() + "; int8 weights are needed");
            }
            Quantization q = w.quantization();
            float[] s = q.scale();
            if (s.length != 1 && s.length != channels) {
                throw refuse(op, "weights " + w + " have " + s.length + " scales for " + channels + " output channels");
            }
            if (s.length > 1 && q.quantizedDimension() != 0) {
                throw refuse(op, "weights " + w + " are quantised along dimension " + q.quantizedDimension()
                        + " instead of the output channels (0)");
            }
            for (long z : q.zeroPoint()) {
                if (z != 0) {
                    throw refuse(op, "weights " + w + " have zero point " + z + "; symmetric weights (0) are needed");
                }
            }
            double[] scales = new double[channels];
            for (int c = 0; c < channels; c++) {
                float v = s.length == 1 ? s[0] : s[c];
                if (!(v > 0) || Float.isInfinite(v)) {
                    throw refuse(op, "weights " + w + " have scale " + v + " for channel " + c);
                }
                scales[c] = v;
            }
            return scales;
        }

        private byte[][] weightRows(Operator op, Tensor w, int rows, int cols) {
            byte[] d = model.data(w);
            byte[][] out = new byte[rows][cols];
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < cols; i++) {
                    byte v = d[r * cols + i];
                    if (v == Byte.MIN_VALUE) {
                        throw refuse(op, "weights " + w + " hold -128 (row " + r + "); int8 weights must lie in "
                                + "[-127, 127]");
                    }
                    out[r][i] = v;
                }
            }
            return out;
        }

        /** int32 bias for an int8 input, int64 for int16 (TFLite's 16x8); zeros when the operator has none. */
        private long[] intBias(Operator op, Tensor bias, int n, Width inWidth) {
            if (bias == null) {
                return new long[n];
            }
            TensorType want = inWidth == Width.INT8 ? TensorType.INT32 : TensorType.INT64;
            if (bias.type() != want) {
                throw refuse(op, "bias " + bias + " is " + bias.type() + "; an " + inWidth.label() + " input needs an "
                        + want + " bias" + (inWidth == Width.INT16 ? " (16x8 with an int32 bias uses an int32 "
                        + "accumulator, which the golden model does not implement)" : ""));
            }
            for (long z : bias.quantization().zeroPoint()) {
                if (z != 0) {
                    throw refuse(op, "bias " + bias + " has zero point " + z);
                }
            }
            ByteBuffer bb = ByteBuffer.wrap(model.data(bias)).order(ByteOrder.LITTLE_ENDIAN);
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = want == TensorType.INT32 ? bb.getInt(4 * i) : bb.getLong(8 * i);
            }
            return v;
        }

        /**
         * The per-channel {@code (M0, shift)} exactly as TFLite's {@code Prepare} computes them:
         * {@code QuantizeMultiplier(double(s_in) · double(s_w[c]) / double(s_out))} for CONV_2D (any number of
         * scales) and for a per-channel FULLY_CONNECTED; a per-tensor FULLY_CONNECTED (one weight scale) goes through
         * {@code GetQuantizedConvolutionMultipler}, which multiplies the two scales in float32 first.
         */
        private Requant requant(Operator op, QuantParams in, double[] ws, QuantParams out, Activation act,
                                boolean doubleProduct) {
            int[] m0 = new int[ws.length];
            int[] shift = new int[ws.length];
            for (int c = 0; c < ws.length; c++) {
                double m = doubleProduct
                        ? in.scale() * ws[c] / out.scale()
                        : (double) ((float) in.scale() * (float) ws[c]) / out.scale();
                QuantizedMultiplier qm;
                try {
                    qm = QuantizedMultiplier.of(m, M_BITS);
                } catch (IllegalArgumentException e) {
                    throw refuse(op, "channel " + c + ": " + e.getMessage());
                }
                m0[c] = qm.m0();
                shift[c] = qm.shift();
            }
            int[] range = PostTrainingQuantizer.activationRange(act, out);
            return new Requant(out, m0, shift, range[0], range[1]);
        }

        private Activation activation(Operator op, TfliteOps.Activation a) {
            return switch (a) {
                case NONE -> Activation.NONE;
                case RELU -> Activation.RELU;
                case RELU6 -> Activation.RELU6;
                default -> throw refuse(op, "fused activation " + a + " is not supported (none, ReLU or ReLU6)");
            };
        }
    }
}
