package org.pulsedl.quantizer.importer.tflite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Tensor;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.model.Shape;
import org.pulsedl.quantizer.qmodel.QLayer;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.quant.QuantParams;
import org.pulsedl.quantizer.quant.RoundingMode;

/**
 * Imports a {@code .tflite} flatbuffer (TF 2.18 converter output, docs/qmodel.md "TFLite import") as our IR:
 * a float {@link Model} for a float file, a {@link QuantizedModel} for a full-integer int8 or 16x8 file —
 * with the file's own quantisation (weights, per-channel scales, int32/int64 bias, activation scales and zero
 * points) taken as is, and {@code (M0, shift)} computed per operator exactly as TFLite's kernels do in
 * {@code Prepare}. The model's rounding is {@code DOUBLE} with 31-bit multipliers (TFLite's reference path).
 *
 * <p>The graph must be one chain of operators; it is normalised into the DESIGN §2 layers by small passes:
 * <ul>
 *   <li>operators that only add or drop the unit height axis ({@code EXPAND_DIMS}, {@code RESHAPE},
 *       {@code SQUEEZE} between {@code [1, L, C]} and {@code [1, 1, L, C]}) are passed over, so conv and pool run
 *       in 4-D or 3-D with or without them ({@link OperatorChain});</li>
 *   <li>{@code CONV_2D} / {@code MAX_POOL_2D} / {@code AVERAGE_POOL_2D} with height 1 = Conv1D / pooling
 *       ({@link WindowPatternMatcher}); {@code FULLY_CONNECTED} on a flat input, with or without
 *       {@code keep_num_dims} = Dense; {@code RESHAPE} to {@code [1, L·C]} = Flatten; a first
 *       {@code RESHAPE [1, N] → [1, L, C]} = Reshape;</li>
 *   <li>after a Conv1D or Dense, a separate bias {@code ADD}, a BatchNormalization's {@code MUL}/{@code ADD} and a
 *       separate {@code RELU}/{@code RELU6} fold into the layer when that is exact ({@link LayerEpilogue}: float
 *       always; quantised only the ReLU clamp — a quantised bias ADD is refused with the reason);</li>
 *   <li>quantised models with float I/O: {@code QUANTIZE} first and {@code DEQUANTIZE} last.</li>
 * </ul>
 * Anything else — dilation ≠ 1, an unsupported operator or activation, several subgraphs, branches — is
 * refused with one {@link TfliteException} naming the operator index, its name, the Keras layer it came from
 * (when the converter wrote it into the tensor names) and the reason. Never a partial model.
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
        } catch (IllegalArgumentException | IllegalStateException e) { // an IR rule broken by the file's shapes
            throw new TfliteException("'" + file + "': " + e.getMessage(), e);
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

    /**
     * Imports a parsed model: {@code OperatorChain} recognises the layers, then {@code FloatLayerBuilder} or
     * {@code QuantizedLayerBuilder} builds them.
     */
    public static TfliteImport importModel(TfliteModel model, String name) {
        TfliteGraph graph = new TfliteGraph(model);
        OperatorChain.Recognised chain = OperatorChain.recognise(graph);
        Tensor in = chain.input();
        TfliteImport.Kind kind = chain.kind();
        Shape inputShape = graph.activationShape(in, null, "model input");
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("source", "tflite");
        meta.put("tflite_schema_version", Long.toString(model.version()));
        if (!model.description().isEmpty()) {
            meta.put("tflite_description", model.description());
        }
        meta.put("tflite_kind", kind.name());
        meta.put("tflite_io", chain.floatIo() ? "float" : "integer");
        if (kind == TfliteImport.Kind.FLOAT) {
            return new TfliteImport(kind, false, new Model(name, inputShape,
                    FloatLayerBuilder.build(graph, chain.pieces())), null);
        }
        QuantizedLayerBuilder builder = new QuantizedLayerBuilder(graph);
        QuantParams inQ = builder.inputParams(in);
        List<QLayer> layers = builder.layers(chain.pieces(), inputShape);
        try {
            return new TfliteImport(kind, chain.floatIo(), null, new QuantizedModel(name, inputShape, inQ, null,
                    layers, RoundingMode.DOUBLE, M_BITS, List.of(), meta));
        } catch (IllegalArgumentException e) {
            throw new TfliteException("the imported model breaks a .qmodel rule: " + e.getMessage(), e);
        }
    }
}
