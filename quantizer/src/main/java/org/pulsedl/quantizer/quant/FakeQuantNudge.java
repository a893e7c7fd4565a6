package org.pulsedl.quantizer.quant;

/**
 * TensorFlow's range nudging of {@code fake_quant_with_min_max_vars} (REFERENCES §1), computed in float32
 * exactly as TensorFlow's kernel does so the result equals the op's bit for bit.
 *
 * @param nudgedMin  the representable minimum, {@code (quantMin − zeroPoint) · scale}
 * @param nudgedMax  the representable maximum, {@code (quantMax − zeroPoint) · scale}
 * @param scale      {@code (max − min) / (quantMax − quantMin)}
 * @param zeroPoint  the nudged zero point in {@code [quantMin, quantMax]} (unsigned grid)
 * @param quantMin   {@code narrowRange ? 1 : 0}
 * @param quantMax   {@code 2^numBits − 1}
 */
public record FakeQuantNudge(float nudgedMin, float nudgedMax, float scale, int zeroPoint, int quantMin, int quantMax) {

    /**
     * Nudges {@code [min, max]} so that real 0 is exactly representable.
     *
     * @throws IllegalArgumentException when {@code numBits} is outside [2, 16] or {@code min >= max}
     */
    public static FakeQuantNudge nudge(float min, float max, int numBits, boolean narrowRange) {
        if (numBits < 2 || numBits > 16) {
            throw new IllegalArgumentException("num_bits must be in [2, 16], got " + numBits);
        }
        if (!(min < max)) {
            throw new IllegalArgumentException("fake-quant range needs min < max, got [" + min + ", " + max + "]");
        }
        int quantMin = narrowRange ? 1 : 0;
        int quantMax = (1 << numBits) - 1;
        float quantMinF = quantMin;
        float quantMaxF = quantMax;
        float scale = (max - min) / (quantMaxF - quantMinF);
        float zeroPointFromMin = quantMinF - min / scale;
        int zp;
        if (zeroPointFromMin < quantMinF) {
            zp = quantMin;
        } else if (zeroPointFromMin > quantMaxF) {
            zp = quantMax;
        } else {
            zp = (int) Rounding.halfAwayFromZero(zeroPointFromMin);
        }
        float nudgedMin = (quantMinF - zp) * scale;
        float nudgedMax = (quantMaxF - zp) * scale;
        return new FakeQuantNudge(nudgedMin, nudgedMax, scale, zp, quantMin, quantMax);
    }

    /** The op's output for one value: clamp, then snap to the grid ({@code floor(… + 0.5)}), in float32. */
    public float fakeQuant(float x) {
        float invScale = 1.0f / scale;
        float clamped = Math.max(nudgedMin, Math.min(nudgedMax, x));
        float shifted = clamped - nudgedMin;
        return (float) Math.floor(shifted * invScale + 0.5f) * scale + nudgedMin;
    }

    /**
     * The equivalent signed activation parameters: the unsigned grid {@code [quantMin, quantMax]} moved
     * down by {@code 2^(numBits−1)} (8 bits, not narrow: {@code zp_int8 = zp − 128}), as the TFLite
     * converter does for a QAT model.
     */
    public QuantParams toInt8() {
        if (quantMax != 255) {
            throw new IllegalStateException("toInt8 needs an 8-bit nudge, this one has quant_max " + quantMax);
        }
        return new QuantParams(scale, zeroPoint - 128, Width.INT8);
    }
}
