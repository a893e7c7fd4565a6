package org.pulsedl.quantizer.golden;

import org.pulsedl.quantizer.qmodel.QDense;

/**
 * Integer Dense accumulation, like TFLite's {@code reference_integer_ops::FullyConnected}:
 * {@code acc[j] = bias[j] + Σ_i (x[i] − z_x) · w[j][i]}.
 */
public final class DenseKernel {
    private DenseKernel() {}

    /** Accumulators {@code [units]}. */
    public static long[] accumulate(QDense p, int[] x) {
        if (x.length != p.inputs()) {
            throw new IllegalArgumentException("layer '" + p.name() + "': input has " + x.length + " values, expected "
                    + p.inputs());
        }
        int zx = p.input().zeroPoint();
        long[] acc = new long[p.units()];
        for (int j = 0; j < p.units(); j++) {
            byte[] w = p.weights()[j];
            long sum = p.bias()[j];
            for (int i = 0; i < x.length; i++) {
                sum += (long) (x[i] - zx) * w[i];
            }
            acc[j] = sum;
        }
        return acc;
    }
}
