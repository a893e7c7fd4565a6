package org.pulsedl.quantizer.golden;

import org.pulsedl.quantizer.model.Padding;
import org.pulsedl.quantizer.model.Shape;

/**
 * Integer pooling like TFLite's {@code reference_integer_ops::MaxPool/AveragePool}: windows cover only
 * real samples (padding is never read), input and output share scale and zero point.
 */
public final class PoolKernels {
    private PoolKernels() {}

    /** Maximum of the real samples in each window. */
    public static int[] maxPool(String name, Shape in, int pool, int stride, Padding padding, int[] x) {
        return pool(name, in, pool, stride, padding, x, true);
    }

    /**
     * Average of the real samples in each window, rounded half away from zero as TFLite does:
     * {@code sum > 0 ? (sum + n/2) / n : (sum − n/2) / n} with C's truncating division.
     */
    public static int[] avgPool(String name, Shape in, int pool, int stride, Padding padding, int[] x) {
        return pool(name, in, pool, stride, padding, x, false);
    }

    private static int[] pool(String name, Shape in, int pool, int stride, Padding padding, int[] x, boolean max) {
        int len = in.length();
        int ch = in.channels();
        if (x.length != len * ch) {
            throw new IllegalArgumentException("layer '" + name + "': input has " + x.length + " values, expected "
                    + len + "x" + ch);
        }
        int outLen = padding.outputLength(len, pool, stride);
        int pad = padding.padLeft(len, pool, stride);
        int[] y = new int[outLen * ch];
        for (int o = 0; o < outLen; o++) {
            int start = Math.max(o * stride - pad, 0);
            int end = Math.min(o * stride - pad + pool, len);
            int count = end - start;
            for (int c = 0; c < ch; c++) {
                long acc = max ? Long.MIN_VALUE : 0;
                for (int p = start; p < end; p++) {
                    int v = x[p * ch + c];
                    acc = max ? Math.max(acc, v) : acc + v;
                }
                y[o * ch + c] = (int) (max ? acc : roundedDivide(acc, count));
            }
        }
        return y;
    }

    /** TFLite's average rounding: half away from zero. */
    static long roundedDivide(long sum, int count) {
        return sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
    }
}
