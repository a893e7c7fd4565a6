package org.pulsedl.quantizer.quant;

import java.util.List;
import org.pulsedl.quantizer.qmodel.OutputScaling;

/**
 * Options of {@link PostTrainingQuantizer}; start from a preset and change fields with the withers.
 *
 * @param perChannel   one weight scale per output channel (else per tensor)
 * @param precision    activation widths
 * @param mBits        requantisation multiplier bits (31 TFLite, 15 PulseDL-II)
 * @param rounding     DOUBLE (TFLite reference) or SINGLE
 * @param rawLastLayer the last layer outputs its accumulators
 * @param range        calibration range method
 * @param adc          ADC → float input map, or {@code null} for no input stage
 * @param outputs      output scalings (one per output) or empty
 */
public record QuantizationOptions(boolean perChannel, Precision precision, int mBits, RoundingMode rounding,
                                  boolean rawLastLayer, RangeMethod range, AdcInput adc, List<OutputScaling> outputs) {

    public QuantizationOptions {
        QuantizedMultiplier.checkMBits(mBits);
        outputs = List.copyOf(outputs);
    }

    /** TFLite's full-integer defaults: per-channel int8, 31-bit DOUBLE, requantised last layer, min/max. */
    public static QuantizationOptions tflite() {
        return new QuantizationOptions(true, Precision.INT8, 31, RoundingMode.DOUBLE, false, new RangeMethod.MinMax(),
                null, List.of());
    }

    /** The PulseDL-II authors' scheme: per-tensor int8, 15-bit SINGLE, raw last layer. */
    public static QuantizationOptions pulsedl2() {
        return new QuantizationOptions(false, Precision.INT8, 15, RoundingMode.SINGLE, true, new RangeMethod.MinMax(),
                null, List.of());
    }

    public QuantizationOptions withPerChannel(boolean v) {
        return new QuantizationOptions(v, precision, mBits, rounding, rawLastLayer, range, adc, outputs);
    }

    public QuantizationOptions withPrecision(Precision v) {
        return new QuantizationOptions(perChannel, v, mBits, rounding, rawLastLayer, range, adc, outputs);
    }

    public QuantizationOptions withMBits(int v) {
        return new QuantizationOptions(perChannel, precision, v, rounding, rawLastLayer, range, adc, outputs);
    }

    public QuantizationOptions withRounding(RoundingMode v) {
        return new QuantizationOptions(perChannel, precision, mBits, v, rawLastLayer, range, adc, outputs);
    }

    public QuantizationOptions withRawLastLayer(boolean v) {
        return new QuantizationOptions(perChannel, precision, mBits, rounding, v, range, adc, outputs);
    }

    public QuantizationOptions withRange(RangeMethod v) {
        return new QuantizationOptions(perChannel, precision, mBits, rounding, rawLastLayer, v, adc, outputs);
    }

    public QuantizationOptions withAdc(AdcInput v) {
        return new QuantizationOptions(perChannel, precision, mBits, rounding, rawLastLayer, range, v, outputs);
    }

    public QuantizationOptions withOutputs(List<OutputScaling> v) {
        return new QuantizationOptions(perChannel, precision, mBits, rounding, rawLastLayer, range, adc, v);
    }
}
