package org.pulsedl.quantizer.quant;

/**
 * Symmetric int8 weight quantisation in [−127, 127], zero point 0 (DESIGN §2). Scales are computed in
 * float32 like TFLite's converter ({@code scale = maxAbs / 127f}, {@code q = round(w / scale)}) so our
 * quantiser and an imported {@code .tflite} agree.
 */
public final class WeightQuantizer {
    private WeightQuantizer() {}

    /** Scale of a channel whose largest magnitude is {@code maxAbs}; an all-zero channel gets scale 1. */
    public static double scale(double maxAbs) {
        float s = (float) maxAbs / 127f;
        return s > 0 ? s : 1.0;
    }

    /** {@code clamp(round(w / scale), −127, 127)} in float32, ties away from zero. */
    public static byte quantize(double w, double scale) {
        long q = Rounding.halfAwayFromZero((float) w / (float) scale);
        return (byte) Math.max(-127, Math.min(127, q));
    }

    /**
     * Quantises weight columns: {@code columns[c]} holds every weight of output channel {@code c}.
     *
     * @param perChannel one scale per channel, else one scale for all
     */
    public static Quantized quantize(double[][] columns, boolean perChannel) {
        int n = columns.length;
        double[] scales = new double[n];
        double globalMax = 0;
        for (int c = 0; c < n; c++) {
            double m = 0;
            for (double w : columns[c]) {
                m = Math.max(m, Math.abs(w));
            }
            scales[c] = m;
            globalMax = Math.max(globalMax, m);
        }
        byte[][] q = new byte[n][];
        for (int c = 0; c < n; c++) {
            scales[c] = scale(perChannel ? scales[c] : globalMax);
            q[c] = new byte[columns[c].length];
            for (int i = 0; i < columns[c].length; i++) {
                q[c][i] = quantize(columns[c][i], scales[c]);
            }
        }
        return new Quantized(q, scales);
    }

    /** Quantised weights {@code [channel][i]} and their scales {@code [channel]}. */
    public record Quantized(byte[][] weights, double[] scales) {}
}
