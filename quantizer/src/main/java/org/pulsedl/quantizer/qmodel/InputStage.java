package org.pulsedl.quantizer.qmodel;

/**
 * The front end's affine map from ADC codes to the model input (DESIGN §2, last bullet), per input
 * channel {@code c}: {@code q = clamp(z_in + MBQM(adc − baseline[c], m0[c], shift[c]))} with the model's
 * rounding mode and {@code m_bits}, clamped to the input width.
 *
 * @param adcBits   ADC resolution; codes are unsigned in {@code [0, 2^adcBits)}
 * @param baseline  {@code [channels]} code subtracted first
 * @param codeScale {@code [channels]} the float model's input per code: {@code x_real = (adc − baseline) · codeScale};
 *                  {@code (m0, shift)} quantise {@code codeScale / input.scale}
 */
public record InputStage(int adcBits, int[] baseline, double[] codeScale, int[] m0, int[] shift) {

    public int channels() { return baseline.length; }

    /** The float model's input value for one code (before quantisation). */
    public double real(int channel, int adc) { return (adc - baseline[channel]) * codeScale[channel]; }
}
