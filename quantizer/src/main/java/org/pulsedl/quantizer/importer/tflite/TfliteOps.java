package org.pulsedl.quantizer.importer.tflite;

/**
 * Codes of the TFLite schema enums the importer needs: {@code BuiltinOperator}, {@code TensorType},
 * {@code BuiltinOptions} (union type), {@code Padding} and {@code ActivationFunctionType}, with names for
 * messages.
 */
public final class TfliteOps {
    private TfliteOps() {}

    // BuiltinOperator
    public static final int ADD = 0;
    public static final int AVERAGE_POOL_2D = 1;
    public static final int CONV_2D = 3;
    public static final int DEQUANTIZE = 6;
    public static final int FULLY_CONNECTED = 9;
    public static final int LOGISTIC = 14;
    public static final int MAX_POOL_2D = 17;
    public static final int MUL = 18;
    public static final int RELU = 19;
    public static final int RELU6 = 21;
    public static final int RESHAPE = 22;
    public static final int TANH = 28;
    public static final int SQUEEZE = 43;
    public static final int PRELU = 54;
    public static final int LEAKY_RELU = 98;
    public static final int ELU = 111;
    public static final int EXPAND_DIMS = 70;
    public static final int QUANTIZE = 114;
    public static final int HARD_SWISH = 117;
    public static final int GELU = 150;
    /** {@code deprecated_builtin_code} holds at most this value; larger codes live in {@code builtin_code}. */
    public static final int PLACEHOLDER_FOR_GREATER_OP_CODES = 127;

    // BuiltinOptions union types
    public static final int OPTIONS_NONE = 0;
    public static final int OPTIONS_CONV2D = 1;
    public static final int OPTIONS_POOL2D = 5;
    public static final int OPTIONS_FULLY_CONNECTED = 8;
    public static final int OPTIONS_ADD = 11;
    public static final int OPTIONS_RESHAPE = 17;
    public static final int OPTIONS_MUL = 21;

    /** Builtin operator names by code, in schema order (0 … 161). */
    private static final String[] OP_NAMES = (
            "ADD AVERAGE_POOL_2D CONCATENATION CONV_2D DEPTHWISE_CONV_2D DEPTH_TO_SPACE DEQUANTIZE EMBEDDING_LOOKUP "
            + "FLOOR FULLY_CONNECTED HASHTABLE_LOOKUP L2_NORMALIZATION L2_POOL_2D LOCAL_RESPONSE_NORMALIZATION "
            + "LOGISTIC LSH_PROJECTION LSTM MAX_POOL_2D MUL RELU RELU_N1_TO_1 RELU6 RESHAPE RESIZE_BILINEAR RNN "
            + "SOFTMAX SPACE_TO_DEPTH SVDF TANH CONCAT_EMBEDDINGS SKIP_GRAM CALL CUSTOM EMBEDDING_LOOKUP_SPARSE PAD "
            + "UNIDIRECTIONAL_SEQUENCE_RNN GATHER BATCH_TO_SPACE_ND SPACE_TO_BATCH_ND TRANSPOSE MEAN SUB DIV SQUEEZE "
            + "UNIDIRECTIONAL_SEQUENCE_LSTM STRIDED_SLICE BIDIRECTIONAL_SEQUENCE_RNN EXP TOPK_V2 SPLIT LOG_SOFTMAX "
            + "DELEGATE BIDIRECTIONAL_SEQUENCE_LSTM CAST PRELU MAXIMUM ARG_MAX MINIMUM LESS NEG PADV2 GREATER "
            + "GREATER_EQUAL LESS_EQUAL SELECT SLICE SIN TRANSPOSE_CONV SPARSE_TO_DENSE TILE EXPAND_DIMS EQUAL "
            + "NOT_EQUAL LOG SUM SQRT RSQRT SHAPE POW ARG_MIN FAKE_QUANT REDUCE_PROD REDUCE_MAX PACK LOGICAL_OR "
            + "ONE_HOT LOGICAL_AND LOGICAL_NOT UNPACK REDUCE_MIN FLOOR_DIV REDUCE_ANY SQUARE ZEROS_LIKE FILL "
            + "FLOOR_MOD RANGE RESIZE_NEAREST_NEIGHBOR LEAKY_RELU SQUARED_DIFFERENCE MIRROR_PAD ABS SPLIT_V UNIQUE "
            + "CEIL REVERSE_V2 ADD_N GATHER_ND COS WHERE RANK ELU REVERSE_SEQUENCE MATRIX_DIAG QUANTIZE "
            + "MATRIX_SET_DIAG ROUND HARD_SWISH IF WHILE NON_MAX_SUPPRESSION_V4 NON_MAX_SUPPRESSION_V5 SCATTER_ND "
            + "SELECT_V2 DENSIFY SEGMENT_SUM BATCH_MATMUL PLACEHOLDER_FOR_GREATER_OP_CODES CUMSUM CALL_ONCE "
            + "BROADCAST_TO RFFT2D CONV_3D IMAG REAL COMPLEX_ABS HASHTABLE HASHTABLE_FIND HASHTABLE_IMPORT "
            + "HASHTABLE_SIZE REDUCE_ALL CONV_3D_TRANSPOSE VAR_HANDLE READ_VARIABLE ASSIGN_VARIABLE BROADCAST_ARGS "
            + "RANDOM_STANDARD_NORMAL BUCKETIZE RANDOM_UNIFORM MULTINOMIAL GELU DYNAMIC_UPDATE_SLICE RELU_0_TO_1 "
            + "UNSORTED_SEGMENT_PROD UNSORTED_SEGMENT_MAX UNSORTED_SEGMENT_SUM ATAN2 UNSORTED_SEGMENT_MIN SIGN "
            + "BITCAST BITWISE_XOR RIGHT_SHIFT").split(" ");

    /** The schema name of a builtin operator code, e.g. {@code CONV_2D}; {@code BUILTIN_<n>} when unknown here. */
    public static String opName(int code) {
        return code >= 0 && code < OP_NAMES.length ? OP_NAMES[code] : "BUILTIN_" + code;
    }

    /** {@code TensorType} of the schema. */
    public enum TensorType {
        FLOAT32(0, 4), FLOAT16(1, 2), INT32(2, 4), UINT8(3, 1), INT64(4, 8), STRING(5, 0), BOOL(6, 1), INT16(7, 2),
        COMPLEX64(8, 8), INT8(9, 1), FLOAT64(10, 8), COMPLEX128(11, 16), UINT64(12, 8), RESOURCE(13, 0),
        VARIANT(14, 0), UINT32(15, 4), UINT16(16, 2), INT4(17, 0), BFLOAT16(18, 2);

        private final int code;
        private final int bytes;

        TensorType(int code, int bytes) {
            this.code = code;
            this.bytes = bytes;
        }

        public int code() { return code; }

        /** Bytes per element, 0 for types without a fixed element size. */
        public int bytes() { return bytes; }

        public static TensorType of(int code) {
            for (TensorType t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            throw new TfliteException("unknown tensor type " + code);
        }
    }

    /** {@code ActivationFunctionType} of the schema. */
    public enum Activation {
        NONE, RELU, RELU_N1_TO_1, RELU6, TANH, SIGN_BIT;

        public static Activation of(int code) {
            if (code < 0 || code >= values().length) {
                throw new TfliteException("unknown fused activation " + code);
            }
            return values()[code];
        }
    }
}
