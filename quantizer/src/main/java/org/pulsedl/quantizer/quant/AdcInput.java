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
        double[] x = channelsLast(adc);
        int ch = adc.length;
        for (int i = 0; i < x.length; i++) {
            int c = i % ch;
            double code = adcBits == 16 ? ((int) x[i]) & 0xFFFF : x[i];
            x[i] = (code - baseline[c]) * codeScale[c];
        }
        return x;
    }

    /**
     * Codes {@code [channel][sample]} as the model's {@code [sample][channel]} row-major layout, unchanged: the
     * input of a model without an input stage (DESIGN §2 layout).
     */
    public static double[] channelsLast(short[][] samples) {
        int ch = samples.length;
        int n = samples[0].length;
        double[] x = new double[n * ch];
        for (int c = 0; c < ch; c++) {
            for (int l = 0; l < n; l++) x[l * ch + c] = samples[c][l];
        }
        return x;
    }
}
