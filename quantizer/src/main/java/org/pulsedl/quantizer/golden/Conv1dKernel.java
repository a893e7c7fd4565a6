package org.pulsedl.quantizer.golden;

import org.pulsedl.quantizer.qmodel.QConv1D;

/**
 * Integer Conv1D accumulation, like TFLite's {@code reference_integer_ops::ConvPerChannel} with height 1:
 * {@code acc[o][f] = bias[f] + Σ_k Σ_c (x[o·S + k − padLeft][c] − z_x) · w[f][k][c]}, padded taps
 * skipped (they hold the zero point, real 0). Exact in 64 bits; the validator bounds the accumulator to
 * int32 for int8 inputs. Works for int8 and int16 inputs alike (the difference is only in requantisation).
 */
public final class Conv1dKernel {
    private Conv1dKernel() {}

    /** Accumulators {@code [outLength][filters]}. */
    public static long[] accumulate(QConv1D p, int[] x) {
        int len = p.inLength();
        int cin = p.inChannels();
        if (x.length != len * cin) {
            throw new IllegalArgumentException("layer '" + p.name() + "': input has " + x.length + " values, expected "
                    + len + "x" + cin);
        }
        int outLen = p.outLength();
        int pad = p.padLeft();
        int zx = p.input().zeroPoint();
        long[] acc = new long[outLen * p.filters()];
        for (int o = 0; o < outLen; o++) {
            int start = o * p.stride() - pad;
            for (int f = 0; f < p.filters(); f++) {
                byte[] w = p.weights()[f];
                long sum = p.bias()[f];
                for (int k = 0; k < p.kernelSize(); k++) {
                    int pos = start + k;
                    if (pos < 0 || pos >= len) {
                        continue;
                    }
                    for (int c = 0; c < cin; c++) {
                        sum += (long) (x[pos * cin + c] - zx) * w[k * cin + c];
                    }
                }
                acc[o * p.filters() + f] = sum;
            }
        }
        return acc;
    }
}
