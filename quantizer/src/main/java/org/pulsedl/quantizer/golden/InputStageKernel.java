package org.pulsedl.quantizer.golden;

import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.qmodel.InputStage;
import org.pulsedl.quantizer.quant.MultiplyByQuantizedMultiplier;
import org.pulsedl.quantizer.quant.RoundingMode;

/**
 * The front end (DESIGN §2): {@code q[l][c] = clamp(z_in + MBQM(adc[c][l] − baseline[c], m0[c], shift[c]))},
 * clamped to the input width, with the model's rounding mode and {@code m_bits} (int32 path).
 */
public final class InputStageKernel {
    private InputStageKernel() {}

    /** ADC codes {@code [channel][sample]} → model input {@code [sample][channel]}. */
    public static int[] apply(QuantizedModel model, short[][] adc) {
        InputStage s = model.inputStage();
        if (s == null) {
            throw new IllegalStateException("model '" + model.name() + "' has no input stage");
        }
        int channels = s.channels();
        int samples = model.inputShape().size() / channels;
        if (adc.length != channels) {
            throw new IllegalArgumentException("expected " + channels + " ADC channels, got " + adc.length);
        }
        int mask = (1 << s.adcBits()) - 1;
        int z = model.input().zeroPoint();
        int[] q = new int[samples * channels];
        for (int c = 0; c < channels; c++) {
            if (adc[c].length != samples) {
                throw new IllegalArgumentException("ADC channel " + c + " has " + adc[c].length + " samples, expected " + samples);
            }
            for (int l = 0; l < samples; l++) {
                int code = s.adcBits() == 16 ? adc[c][l] & 0xFFFF : adc[c][l];   // 16-bit codes arrive as signed shorts
                if (code < 0 || code > mask) {
                    throw new IllegalArgumentException("ADC code " + code + " (channel " + c + ", sample " + l
                            + ") outside [0, " + mask + "]");
                }
                int d = code - s.baseline()[c];
                int scaled = model.rounding() == RoundingMode.DOUBLE
                        ? MultiplyByQuantizedMultiplier.multiplyDouble(d, s.m0()[c], s.shift()[c], model.mBits())
                        : MultiplyByQuantizedMultiplier.multiplySingle(d, s.m0()[c], s.shift()[c], model.mBits());
                q[l * channels + c] = model.input().width().clamp((long) z + scaled);
            }
        }
        return q;
    }
}
