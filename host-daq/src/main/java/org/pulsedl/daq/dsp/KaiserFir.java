package org.pulsedl.daq.dsp;

/**
 * Kaiser-window FIR design: the modified Bessel function I0, the Kaiser window and a windowed-sinc low-pass.
 */
public final class KaiserFir {
    private KaiserFir() {}

    /**
     * Modified Bessel function of the first kind, order 0, by its power series Σ ((x/2)^k / k!)², summed
     * until a term no longer changes the sum (all terms are positive, so there is no cancellation).
     */
    public static double besselI0(double x) {
        double q = x * x / 4, term = 1, sum = 1;
        for (int k = 1; k < 500; k++) {
            term *= q / ((double) k * k);
            double next = sum + term;
            if (next == sum) break;
            sum = next;
        }
        return sum;
    }

    /** Kaiser window of {@code length} points: w[n] = I0(β·√(1 − (2n/(L−1) − 1)²)) / I0(β). */
    public static double[] kaiserWindow(int length, double beta) {
        if (length < 1) throw new IllegalArgumentException("window length must be >= 1, got " + length);
        double[] w = new double[length];
        if (length == 1) { w[0] = 1; return w; }
        double norm = besselI0(beta);
        for (int n = 0; n < length; n++) {
            double r = 2.0 * n / (length - 1) - 1;
            w[n] = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / norm;
        }
        return w;
    }

    /**
     * Linear-phase low-pass: {@code h[n] = c·sinc(c·(n − (L−1)/2))·w[n]}, with c the cutoff as a fraction of
     * the Nyquist frequency and w the Kaiser window, scaled so that Σh = {@code dcGain} (the same taps as
     * {@code scipy.signal.firwin(L, c, window=('kaiser', β)) × dcGain}).
     */
    public static double[] lowPass(int length, double cutoffOfNyquist, double beta, double dcGain) {
        if (!(cutoffOfNyquist > 0 && cutoffOfNyquist <= 1))
            throw new IllegalArgumentException("cutoff must be in (0, 1] of Nyquist, got " + cutoffOfNyquist);
        double[] w = kaiserWindow(length, beta);
        double[] h = new double[length];
        double centre = (length - 1) / 2.0, sum = 0;
        for (int n = 0; n < length; n++) {
            double m = cutoffOfNyquist * (n - centre);
            double sinc = m == 0 ? 1 : Math.sin(Math.PI * m) / (Math.PI * m);
            h[n] = cutoffOfNyquist * sinc * w[n];
            sum += h[n];
        }
        for (int n = 0; n < length; n++) h[n] *= dcGain / sum;
        return h;
    }
}
