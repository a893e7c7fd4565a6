package org.pulsedl.quantizer.quant;

/**
 * Activation widths per tensor (DESIGN §2). A layer's accumulator follows its <em>input</em> width (int8 →
 * int32, int16 → int64); its output width is the output tensor's. Pooling, Flatten and Reshape keep their
 * input's width and quantisation.
 */
public enum Precision {
    /** Every tensor int8 (TFLite full-integer). */
    INT8,
    /** Every tensor int16 (TFLite 16x8). */
    INT16,
    /** The model input int16, the rest int8: the first layer computes 16x8 and produces int8. */
    INPUT_INT16,
    /** The model input and the first Conv1D/Dense output int16, the rest int8. */
    INPUT_AND_FIRST_INT16;

    /** Width of the model input. */
    public Width input() { return this == INT8 ? Width.INT8 : Width.INT16; }

    /** Width of the output of the {@code n}-th (0-based) Conv1D/Dense layer. */
    public Width computeOutput(int n) {
        return switch (this) {
            case INT8, INPUT_INT16 -> Width.INT8;
            case INT16 -> Width.INT16;
            case INPUT_AND_FIRST_INT16 -> n == 0 ? Width.INT16 : Width.INT8;
        };
    }

    public static Precision parse(String text) {
        for (Precision p : values()) {
            if (p.name().equalsIgnoreCase(text.replace('-', '_'))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown precision '" + text
                + "' (expected int8, int16, input_int16 or input_and_first_int16)");
    }
}
