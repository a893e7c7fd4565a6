package org.pulsedl.quantizer.quant;

/**
 * Per-tensor quantisation of an activation: {@code real = scale * (q - zeroPoint)}, {@code q} in the
 * width's range. INT16 tensors have zero point 0 (TFLite 16x8, DESIGN §2).
 */
public record QuantParams(double scale, int zeroPoint, Width width) {

    public QuantParams {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be finite and > 0, got " + scale);
        }
        if (zeroPoint < width.min() || zeroPoint > width.max()) {
            throw new IllegalArgumentException("zero point " + zeroPoint + " outside the " + width.label() + " range ["
                    + width.min() + ", " + width.max() + "]");
        }
        if (width == Width.INT16 && zeroPoint != 0) {
            throw new IllegalArgumentException("int16 activations need zero point 0, got " + zeroPoint);
        }
    }

    /** {@code round(x / scale) + zeroPoint}, rounded half away from zero and clamped to the width. */
    public int quantize(double x) {
        return width.clamp(Rounding.halfAwayFromZero(x / scale) + zeroPoint);
    }

    public double dequantize(long q) { return scale * (q - zeroPoint); }

    /** Symmetric int16 parameters covering {@code [-absMax, absMax]} (TFLite 16x8: {@code scale = absMax / 32767}). */
    public static QuantParams symmetricInt16(double absMax) {
        float s = (float) absMax / 32767f;
        return new QuantParams(s > 0 ? s : 1.0 / 32767, 0, Width.INT16);
    }
}
