package org.pulsedl.quantizer.qmodel;

import org.pulsedl.quantizer.model.Activation;
import org.pulsedl.quantizer.model.Shape;
import org.pulsedl.quantizer.quant.QuantParams;
import org.pulsedl.quantizer.quant.QuantizedMultiplier;
import org.pulsedl.quantizer.quant.Width;

/**
 * A constant added per channel with TFLite's quantised {@code ADD} arithmetic, as its own step: what the default
 * TFLite converter writes for a Keras Conv1D's bias ({@code CONV_2D} without bias, then {@code ADD} of an
 * int8/int16 constant {@code [1, 1, C]}). The bias is an activation-width tensor with its own scale, so the step
 * rescales both operands to a common scale, adds and requantises ({@code golden.BiasAddKernel}, docs/qmodel.md):
 * <pre>
 *   a   = MBQM((x − z_in) · 2^left_shift, input_m0, input_shift)        (x = the input code of channel c)
 *   b_c = MBQM((bias[c] − z_bias) · 2^left_shift, bias_m0, bias_shift)
 *   y   = clamp(z_out + MBQM(a + b_c, output_m0, output_shift), act_min, act_max)
 * </pre>
 * with TFLite's double-rounding MBQM and 31-bit multipliers whatever the model's rounding and m_bits (the step
 * exists only in TFLite imports; its arithmetic is that of TFLite's reference ADD kernel).
 *
 * @param bias       one code per channel (the last axis), in {@code biasQuant}
 * @param activation documentation of the fused activation; the arithmetic uses only {@code actMin/actMax}
 */
public record QBiasAdd(String name, Shape inputShape, QuantParams input, QuantParams biasQuant, int[] bias,
                       Rescale rescale, QuantParams output, Activation activation, int actMin, int actMax)
        implements QLayer {

    /** Multiplier bits of every bias_add multiplier (TFLite's). */
    public static final int M_BITS = 31;

    /**
     * The integer parameters of the step, as TFLite's ADD kernel computes them in {@code Prepare}: every
     * multiplier is below 1 (shift ≤ 0), the two input multipliers at most 1/2, so the sum of the rescaled
     * operands fits int32.
     *
     * @param leftShift 20 for int8, 15 for int16 operands
     */
    public record Rescale(int leftShift, int inputM0, int inputShift, int biasM0, int biasShift, int outputM0,
                          int outputShift) {

        /**
         * TFLite's {@code Prepare} of an ADD with general scales: {@code twice_max = 2·max(s_in, s_bias)} (in float32,
         * exact), input multipliers {@code s / twice_max}, output multiplier
         * {@code twice_max / (2^left_shift · s_out)} (the product in float32, exact), each through
         * {@code QuantizeMultiplierSmallerThanOneExp}.
         */
        public static Rescale of(QuantParams in, QuantParams bias, QuantParams out) {
            int left = in.width() == Width.INT8 ? 20 : 15;
            float sIn = (float) in.scale();
            float sBias = (float) bias.scale();
            double twiceMax = 2f * Math.max(sIn, sBias);
            QuantizedMultiplier mIn = smallerThanOne(sIn / twiceMax);
            QuantizedMultiplier mBias = smallerThanOne(sBias / twiceMax);
            QuantizedMultiplier mOut = smallerThanOne(twiceMax / ((float) (1 << left) * (float) out.scale()));
            return new Rescale(left, mIn.m0(), mIn.shift(), mBias.m0(), mBias.shift(), mOut.m0(), mOut.shift());
        }

        private static QuantizedMultiplier smallerThanOne(double m) {
            if (!(m > 0 && m < 1)) {
                throw new IllegalArgumentException("ADD multiplier " + m + " is not in (0, 1)");
            }
            return QuantizedMultiplier.of(m, M_BITS);
        }
    }

    @Override
    public String type() { return "bias_add"; }

    @Override
    public Shape outputShape() { return inputShape; }

    /** Channels = the last axis: one bias code each. */
    public int channels() {
        int[] d = inputShape.dims();
        return d[d.length - 1];
    }
}
