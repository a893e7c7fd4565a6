package org.pulsedl.quantizer.importer;

import java.util.Arrays;
import org.pulsedl.quantizer.quant.AdcInput;

/**
 * An input normalisation a model file carries in front of its layers, {@code x = (input − baseline[c]) · codeScale[c]}
 * per channel — the form pulsedl's own SavedModel export gives the ADC input stage (docs/training.md).
 */
public record InputNormalisation(double[] baseline, double[] codeScale) {
    public InputNormalisation {
        if (baseline.length != codeScale.length) {
            throw new IllegalArgumentException("baseline has " + baseline.length + " channels, code scale " + codeScale.length);
        }
        baseline = baseline.clone();
        codeScale = codeScale.clone();
    }

    /** The normalised model input for {@code input} ({@code [sample][channel]} row-major). */
    public double[] apply(double[] input) {
        double[] x = new double[input.length];
        int ch = baseline.length;
        for (int i = 0; i < x.length; i++) {
            x[i] = (input[i] - baseline[i % ch]) * codeScale[i % ch];
        }
        return x;
    }

    /**
     * The ADC input stage this normalisation is, for codes of {@code adcBits} bits (the graph does not record
     * the ADC's width).
     *
     * @throws IllegalArgumentException when a baseline is not a whole ADC code
     */
    public AdcInput toAdcInput(int adcBits) {
        int[] codes = new int[baseline.length];
        for (int c = 0; c < codes.length; c++) {
            if (baseline[c] != Math.rint(baseline[c])) {
                throw new IllegalArgumentException("the input normalisation's baseline " + baseline[c] + " (channel " + c
                        + ") is not a whole ADC code, so it is not an ADC input stage");
            }
            codes[c] = (int) baseline[c];
        }
        return new AdcInput(adcBits, codes, codeScale);
    }

    @Override
    public String toString() {
        return "(input − baseline) · code scale, baseline " + Arrays.toString(baseline) + ", code scale "
                + Arrays.toString(codeScale);
    }
}
