package org.pulsedl.quantizer.testing;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.pulsedl.quantizer.model.Shape;
import org.pulsedl.quantizer.qmodel.InputStage;
import org.pulsedl.quantizer.qmodel.Requant;
import org.pulsedl.quantizer.quant.QuantParams;
import org.pulsedl.quantizer.quant.QuantizedMultiplier;
import org.pulsedl.quantizer.quant.Width;

/**
 * The distributions {@link RandomQModels} draws scales, zero points, weights, biases and requantisations from.
 * {@link #HARDWARE}: multipliers small enough that outputs spread over the range with some clamping, modest
 * biases, uniform weights — what the accelerator tests were written for ({@link #HARDWARE_RTL}: int16 outputs get
 * 64× larger multipliers, so they use their range). {@link #SPECIFICATION}: anything the validator accepts —
 * multipliers from 10^-7 to 3, one layer in four with arbitrary {@code (M0, shift)}, random activation ranges,
 * biases up to the accumulator bound, extreme or small weights.
 */
public enum Values {
    HARDWARE, HARDWARE_RTL, SPECIFICATION;

    /** Scale and zero point (0 for int16) of a tensor of width {@code w}. */
    public QuantParams quant(SplittableRandom rnd, Width w) {
        double scale = this == SPECIFICATION ? StrictMath.pow(10, -4 + 3 * rnd.nextDouble())
                : Math.scalb(1.0 + rnd.nextDouble(), -rnd.nextInt(10));
        return new QuantParams(scale, w == Width.INT16 ? 0 : -128 + rnd.nextInt(256), w);
    }

    /** Int8 weights {@code [rows][fanIn]}. */
    public byte[][] weights(SplittableRandom rnd, int rows, int fanIn) {
        byte[][] w = new byte[rows][fanIn];
        int kind = this == SPECIFICATION ? rnd.nextInt(4) : 2;
        for (byte[] row : w) {
            for (int i = 0; i < fanIn; i++) {
                row[i] = (byte) switch (kind) {
                    case 0 -> rnd.nextBoolean() ? 127 : -127;                    // extremes
                    case 1 -> -8 + rnd.nextInt(17);                             // small
                    default -> rnd.nextInt(255) - 127;
                };
            }
        }
        return w;
    }

    /** Biases of a layer with {@code fanIn} inputs quantised as {@code in}. */
    public long[] bias(SplittableRandom rnd, int rows, int fanIn, QuantParams in) {
        long[] b = new long[rows];
        if (this != SPECIFICATION) {
            long range = in.width() == Width.INT16 ? 1L << 24 : 1L << 16;
            for (int r = 0; r < rows; r++) {
                b[r] = rnd.nextLong(-range, range);
            }
            return b;
        }
        // within the validator's accumulator bound; sometimes at the bound, mostly small
        long maxAbsX = Math.max(in.width().max() - in.zeroPoint(), in.zeroPoint() - (long) in.width().min());
        long limit = in.width() == Width.INT8 ? Integer.MAX_VALUE : (1L << 47) - 1;
        long room = limit - (long) fanIn * maxAbsX * 127;
        for (int r = 0; r < rows; r++) {
            int bits = rnd.nextInt(4) == 0 ? 63 : rnd.nextInt(in.width() == Width.INT8 ? 24 : 40);
            long mag = bits >= 62 ? room : Math.min(room, 1L << bits);
            b[r] = mag <= 0 ? 0 : rnd.nextLong(-mag, mag + 1);
        }
        return b;
    }

    /** Output quantisation, per-channel multipliers and activation clamp of a layer reading {@code in}. */
    public Requant requant(SplittableRandom rnd, QuantParams in, Width outW, int channels, int mBits) {
        QuantParams out = quant(rnd, outW);
        int[] m0 = new int[channels];
        int[] shift = new int[channels];
        if (this == SPECIFICATION) {
            int maxShift = in.width() == Width.INT16 && mBits > 15 ? 14 : mBits - 1;
            boolean arbitrary = rnd.nextInt(4) == 0;
            for (int c = 0; c < channels; c++) {
                if (arbitrary) {
                    m0[c] = mBits == 31 ? rnd.nextInt(Integer.MAX_VALUE) : rnd.nextInt(1 << mBits);
                    shift[c] = -31 + rnd.nextInt(Math.min(maxShift, 2) + 32);
                } else {
                    QuantizedMultiplier m = QuantizedMultiplier.of(StrictMath.pow(10, -7 + 7.5 * rnd.nextDouble()), mBits);
                    m0[c] = m.m0();
                    shift[c] = Math.min(m.shift(), maxShift);
                }
            }
            int lo = outW.min();
            int hi = outW.max();
            switch (rnd.nextInt(3)) {
                case 0 -> lo = out.zeroPoint();                                         // ReLU
                case 1 -> {                                                             // any range
                    int a = lo + rnd.nextInt(hi - lo + 1);
                    int b = lo + rnd.nextInt(hi - lo + 1);
                    lo = Math.min(a, b);
                    hi = Math.max(a, b);
                }
                default -> { }
            }
            return new Requant(out, m0, shift, lo, hi);
        }
        int boost = this == HARDWARE_RTL && outW == Width.INT16 ? 6 : 0;
        for (int c = 0; c < channels; c++) {
            // small multipliers: outputs spread over the range, with some clamping
            double m = Math.scalb(0.5 + rnd.nextDouble() * 0.5,
                    -(in.width() == Width.INT16 ? 12 : 5) - rnd.nextInt(8) + boost);
            QuantizedMultiplier qm = QuantizedMultiplier.of(m, mBits);
            m0[c] = qm.m0();
            shift[c] = qm.shift();
        }
        int min = outW.min();
        int max = outW.max();
        switch (rnd.nextInt(3)) {
            case 1 -> min = Math.max(min, out.zeroPoint());                       // ReLU
            case 2 -> {                                                           // ReLU6-like
                min = Math.max(min, out.zeroPoint());
                max = Math.min(max, out.zeroPoint() + 1 + rnd.nextInt(100));
            }
            default -> { }
        }
        return new Requant(out, m0, shift, min, max);
    }

    /** An ADC input stage for a model with this input shape: random bits, baselines and multipliers. */
    static InputStage inputStage(SplittableRandom rnd, Shape inputShape, int mBits) {
        int channels = inputShape.rank() == 2 ? inputShape.channels() : 1;
        int bits = 1 + rnd.nextInt(16);
        int[] base = new int[channels];
        double[] scale = new double[channels];
        int[] m0 = new int[channels];
        int[] shift = new int[channels];
        Arrays.fill(scale, 1.0);
        for (int c = 0; c < channels; c++) {
            base[c] = rnd.nextInt(1 << bits);
            QuantizedMultiplier m = QuantizedMultiplier.of(StrictMath.pow(10, -4 + 5 * rnd.nextDouble()), mBits);
            m0[c] = m.m0();
            shift[c] = m.shift();
        }
        return new InputStage(bits, base, scale, m0, shift);
    }
}
