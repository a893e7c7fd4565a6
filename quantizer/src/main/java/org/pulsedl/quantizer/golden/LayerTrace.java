package org.pulsedl.quantizer.golden;

import org.pulsedl.quantizer.model.Shape;

/**
 * One layer of a {@link GoldenTrace}.
 *
 * @param values      integer output (quantised values, or accumulators for a raw layer)
 * @param dequantized real values of {@code values}
 * @param floatRef    the float model's output of the same layer, or {@code null} without a float model
 * @param maxAbsDiff  {@code max |dequantized − floatRef|} (NaN without a float model)
 * @param meanAbsDiff {@code mean |dequantized − floatRef|} (NaN without a float model)
 * @param belowMin    outputs the requantisation clamped up to act_min (for ReLU: the negatives)
 * @param aboveMax    outputs clamped down to act_max (saturation)
 */
public record LayerTrace(int index, String name, String type, Shape shape, long[] values, double[] dequantized,
                         double[] floatRef, double maxAbsDiff, double meanAbsDiff, long belowMin, long aboveMax) {

    @Override
    public String toString() {
        return String.format("%2d %-20s %-15s %-9s max|d| %.4g mean|d| %.4g clamped low %d high %d",
                index, name, type, shape, maxAbsDiff, meanAbsDiff, belowMin, aboveMax);
    }
}
