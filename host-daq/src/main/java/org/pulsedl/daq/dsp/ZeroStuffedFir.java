package org.pulsedl.daq.dsp;

/**
 * ×4 zero-stuffing of a baseline-subtracted window followed by an FIR (the interpolating front half of both
 * digital CFDs, DESIGN §3). The baseline is the first sample, so the filter's start-up transient is zero.
 * Only every fourth filter input is non-zero, so an output needs {@code ⌈taps/4⌉} products.
 */
final class ZeroStuffedFir {
    static final int UPSAMPLING = 4;

    private ZeroStuffedFir() {}

    /** {@code y[m]} for m = 0 … 4N − 1: the FIR {@code h} over the zero-stuffed {@code x − x[0]}. */
    static double[] filter(short[] x, double[] h) {
        int n = x.length, len = UPSAMPLING * n;
        double b = x[0];
        double[] y = new double[len];
        for (int m = 0; m < len; m++) {
            double acc = 0;
            // taps j with (m − j) ≡ 0 (mod 4) and 0 ≤ (m − j)/4 < n
            for (int j = m % UPSAMPLING; j < h.length && j <= m; j += UPSAMPLING) acc += h[j] * (x[(m - j) / UPSAMPLING] - b);
            y[m] = acc;
        }
        return y;
    }

    /** Index of the first maximum of {@code y}. */
    static int argMax(double[] y) {
        int p = 0;
        for (int m = 1; m < y.length; m++) if (y[m] > y[p]) p = m;
        return p;
    }
}
