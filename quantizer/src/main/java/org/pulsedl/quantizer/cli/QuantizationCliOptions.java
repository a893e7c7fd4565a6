package org.pulsedl.quantizer.cli;

import java.util.Locale;
import org.pulsedl.quantizer.quant.Precision;
import org.pulsedl.quantizer.quant.QuantizationOptions;
import org.pulsedl.quantizer.quant.RoundingMode;
import picocli.CommandLine.Option;

/**
 * The quantisation options {@code pulsedl train} and {@code pulsedl quantize} share (a picocli mixin), declared once:
 * activation precision, rounding, multiplier bits, raw or requantised last layer.
 */
public final class QuantizationCliOptions {

    @Option(names = "--precision", defaultValue = "int16", paramLabel = "P",
            description = "Activation widths: int16 (every tensor, TFLite 16x8), mixed16 (input and first layer int16, "
                    + "rest int8), int8, input_int16 or input_and_first_int16. Default: ${DEFAULT-VALUE} "
                    + "(docs/training.md).")
    String precision;

    @Option(names = "--rounding", defaultValue = "double", paramLabel = "double|single",
            description = "Requantisation rounding (DESIGN §2). Default: ${DEFAULT-VALUE}.")
    String rounding;

    @Option(names = "--m-bits", defaultValue = "31", paramLabel = "N",
            description = "Multiplier bits (31 TFLite, 15 PulseDL-II). Default: ${DEFAULT-VALUE}.")
    int mBits;

    @Option(names = "--requantize-last",
            description = "Requantise the last layer instead of keeping its accumulators (raw).")
    boolean requantizeLast;

    /** The options on TFLite's per-channel defaults; a bad value is refused naming the option. */
    public QuantizationOptions toOptions() {
        return parse(precision, rounding, mBits).withRawLastLayer(!requantizeLast);
    }

    /** {@code --precision}, {@code --rounding} and {@code --m-bits} as options on TFLite's per-channel defaults. */
    static QuantizationOptions parse(String precision, String rounding, int mBits) {
        Precision p = switch (precision.toLowerCase(Locale.ROOT)) {
            case "mixed16", "mixed" -> Precision.INPUT_AND_FIRST_INT16;
            default -> {
                try {
                    yield Precision.parse(precision);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--precision: unknown '" + precision
                            + "' (expected int8, mixed16, int16, input_int16 or input_and_first_int16)");
                }
            }
        };
        RoundingMode r;
        try {
            r = RoundingMode.valueOf(rounding.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--rounding: unknown '" + rounding + "' (expected double or single)");
        }
        if (mBits < 2 || mBits > 31) {
            throw new IllegalArgumentException("--m-bits must be in [2, 31], got " + mBits);
        }
        return QuantizationOptions.tflite().withPrecision(p).withRounding(r).withMBits(mBits);
    }
}
