package org.pulsedl.quantizer.quant;

/**
 * How the float model's input is made from ADC codes, per input channel:
 * {@code x = (adc − baseline[c]) · codeScale[c]}. The quantiser turns it into the integer input stage.
 */
public record AdcInput(int adcBits, int[] baseline, double[] codeScale) {
    public AdcInput {
        if (baseline.length != codeScale.length || baseline.length == 0) {
            throw new IllegalArgumentException("baseline and code scale need one value per input channel");
        }
    }

    /** The same map on every one of {@code channels} channels. */
    public static AdcInput uniform(int adcBits, int channels, int baseline, double codeScale) {
        int[] b = new int[channels];
        double[] s = new double[channels];
        java.util.Arrays.fill(b, baseline);
        java.util.Arrays.fill(s, codeScale);
        return new AdcInput(adcBits, b, s);
    }

    /** The float model input for codes {@code [channel][sample]}, as {@code [sample][channel]} row-major. */
    public double[] toModelInput(short[][] adc) {
        int ch = baseline.length;
        int n = adc[0].length;
        double[] x = new double[n * ch];
        for (int c = 0; c < ch; c++) {
            for (int l = 0; l < n; l++) {
                int code = adcBits == 16 ? adc[c][l] & 0xFFFF : adc[c][l];
                x[l * ch + c] = (code - baseline[c]) * codeScale[c];
            }
        }
        return x;
    }
}
