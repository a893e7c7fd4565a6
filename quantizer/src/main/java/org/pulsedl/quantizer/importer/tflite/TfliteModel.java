package org.pulsedl.quantizer.importer.tflite;

import java.util.Arrays;
import java.util.List;
import org.pulsedl.quantizer.importer.tflite.TfliteOps.Activation;
import org.pulsedl.quantizer.importer.tflite.TfliteOps.TensorType;
import org.pulsedl.quantizer.model.Padding;

/**
 * The part of a {@code .tflite} flatbuffer the importer uses, as read by {@link TfliteReader}: plain
 * immutable records, every index already checked to be in range.
 *
 * @param version      the schema version ({@code Model.version}, 3 today)
 * @param description  the converter's description, or {@code ""}
 */
public record TfliteModel(long version, List<OperatorCode> operatorCodes, List<Subgraph> subgraphs, String description,
                          List<Buffer> buffers) {

    public TfliteModel {
        operatorCodes = List.copyOf(operatorCodes);
        subgraphs = List.copyOf(subgraphs);
        buffers = List.copyOf(buffers);
    }

    /** The operator code of {@code op}. */
    public OperatorCode code(Operator op) { return operatorCodes.get(op.opcodeIndex()); }

    /** The constant data of a tensor, or {@code null} when its buffer is empty (an activation). */
    public byte[] data(Tensor t) {
        byte[] d = buffers.get((int) t.buffer()).data();
        return d == null || d.length == 0 ? null : d;
    }

    /**
     * One entry of {@code operator_codes}. Since schema 3a the code lives in {@code builtin_code}, and
     * {@code deprecated_builtin_code} holds {@code min(code, 127)}; old files only have the deprecated field.
     */
    public record OperatorCode(int deprecatedBuiltinCode, int builtinCode, String customCode, int version) {
        /** The effective builtin code: the larger of the two fields (what TFLite's {@code GetBuiltinCode} does). */
        public int code() { return Math.max(deprecatedBuiltinCode, builtinCode); }

        /** The builtin's schema name, or {@code CUSTOM(name)}. */
        public String name() {
            return code() == 32 && customCode != null ? "CUSTOM(" + customCode + ")" : TfliteOps.opName(code());
        }
    }

    /** One subgraph: tensors, graph inputs/outputs (tensor indices) and operators in execution order. */
    public record Subgraph(String name, List<Tensor> tensors, int[] inputs, int[] outputs, List<Operator> operators) {
        public Subgraph {
            tensors = List.copyOf(tensors);
            operators = List.copyOf(operators);
        }
    }

    /**
     * A tensor. {@code shape} includes the batch axis; {@code quantization} is never null (empty arrays when
     * the tensor is not quantised).
     */
    public record Tensor(int index, String name, int[] shape, int[] shapeSignature, TensorType type, long buffer,
                         Quantization quantization, boolean isVariable, boolean sparse) {
        @Override
        public String toString() {
            return "tensor " + index + " '" + name + "' " + type + " " + Arrays.toString(shape);
        }

        /** Number of elements. */
        public long size() {
            long n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }
    }

    /**
     * {@code QuantizationParameters}: {@code real = scale · (q − zero_point)}, per tensor (one value) or per
     * slice along {@code quantizedDimension}.
     */
    public record Quantization(float[] scale, long[] zeroPoint, int quantizedDimension, float[] min, float[] max,
                               boolean hasDetails) {
        public static final Quantization NONE =
                new Quantization(new float[0], new long[0], 0, new float[0], new float[0], false);

        public boolean isQuantized() { return scale.length > 0; }
    }

    /**
     * One operator. {@code inputs} may contain −1 for an omitted optional input.
     *
     * @param optionsType the {@code BuiltinOptions} union type; {@code options} is the parsed table for the types
     *                    the importer uses, else {@link Options.Other}
     */
    public record Operator(int index, int opcodeIndex, int[] inputs, int[] outputs, int optionsType, Options options) {}

    /** A constant buffer; {@code data} is {@code null} or empty for activations. */
    public record Buffer(byte[] data) {}

    /** The builtin options tables the importer reads. */
    public sealed interface Options {
        record Conv2D(Padding padding, int strideW, int strideH, Activation activation, int dilationW, int dilationH,
                      TensorType quantizedBiasType) implements Options {}

        record Pool2D(Padding padding, int strideW, int strideH, int filterWidth, int filterHeight,
                      Activation activation) implements Options {}

        record FullyConnected(Activation activation, int weightsFormat, boolean keepNumDims,
                              boolean asymmetricQuantizeInputs, TensorType quantizedBiasType) implements Options {}

        record Reshape(int[] newShape) implements Options {}

        /** {@code potScaleInt16}: the schema's default is true; TFLite then checks the scales (see QuantizedLayerBuilder). */
        record Add(Activation activation, boolean potScaleInt16) implements Options {}

        record Mul(Activation activation) implements Options {}

        /** No options, or a type the importer does not read ({@code type} = the union type). */
        record Other(int type) implements Options {}
    }
}
