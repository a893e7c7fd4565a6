package org.pulsedl.quantizer.quant;

/**
 * How the requantisation multiply rounds (DESIGN §2), recorded per model.
 * Both apply to layers with an int32 accumulator (int8 input) and to the input stage; layers with an
 * int64 accumulator (int16 input) always use TFLite's int64 path ({@link MultiplyByQuantizedMultiplier#multiplyInt64}).
 */
public enum RoundingMode {
    /** TFLite's default reference path: SaturatingRoundingDoublingHighMul then RoundingDivideByPOT. */
    DOUBLE,
    /** TFLite's single-rounding path: {@code (acc * M0 + 2^(k-1)) >> k}, ties up. PulseDL-II's choice. */
    SINGLE;

    public static RoundingMode parse(String text) {
        for (RoundingMode m : values()) {
            if (m.name().equalsIgnoreCase(text)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown rounding mode '" + text + "' (expected DOUBLE or SINGLE)");
    }
}
