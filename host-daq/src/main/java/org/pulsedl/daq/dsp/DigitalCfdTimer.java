package org.pulsedl.daq.dsp;

/**
 * The PulseDL-II authors' interpolated digital CFD (DESIGN §3 "dCFD baseline"):
 * <ol>
 *   <li>subtract the baseline, taken as the first sample;</li>
 *   <li>×4 zero-stuffing (three zeros after every sample);</li>
 *   <li>28-tap Kaiser-window (β = 8.6) windowed-sinc low-pass with its cutoff at the original Nyquist
 *       (¼ of the upsampled Nyquist) and DC gain 4, which restores the amplitude lost to zero-stuffing;</li>
 *   <li>threshold = {@code fraction} (0.5) of the filtered maximum;</li>
 *   <li>walking back from the maximum, the first upsampled sample pair that brackets the threshold,
 *       linearly interpolated;</li>
 *   <li>the time is corrected by the filter's group delay, (28 − 1)/2 = 13.5 upsampled samples, so it is in
 *       the time base of the input: upsampled index m is at (m − 13.5)·T/4 after the first input sample.</li>
 * </ol>
 * Subtracting the baseline before filtering (rather than from the threshold afterwards) is equivalent for
 * the linear filter and keeps the filter's start-up transient at zero. The filtered signal is computed for
 * upsampled indices 0 … 4N − 1, i.e. up to ~3.4 input samples before the window end, far beyond the edge.
 */
public final class DigitalCfdTimer implements TimeEstimator {
    public static final int UPSAMPLING = 4;
    public static final int TAPS = 28;
    public static final double KAISER_BETA = 8.6;
    public static final double DEFAULT_FRACTION = 0.5;
    /** Group delay of the symmetric FIR in upsampled samples. */
    public static final double GROUP_DELAY = (TAPS - 1) / 2.0;

    private static final double[] H = KaiserFir.lowPass(TAPS, 1.0 / UPSAMPLING, KAISER_BETA, UPSAMPLING);

    private final double periodNs;
    private final double fraction;

    /**
     * @param periodNs sample period of the input in ns (pdl2: 8)
     * @param fraction constant fraction of the filtered maximum, 0 &lt; f &lt; 1 (authors: 0.5)
     */
    public DigitalCfdTimer(double periodNs, double fraction) {
        Waveforms.checkPeriod(periodNs);
        if (!(fraction > 0 && fraction < 1)) throw new IllegalArgumentException("dCFD fraction must be in (0, 1), got " + fraction);
        this.periodNs = periodNs;
        this.fraction = fraction;
    }

    /** The authors' setting: fraction 0.5. */
    public DigitalCfdTimer(double periodNs) {
        this(periodNs, DEFAULT_FRACTION);
    }

    /** The 28 filter taps (a copy). */
    public static double[] taps() { return H.clone(); }

    /**
     * The baseline-subtracted, zero-stuffed and filtered waveform, {@code y[m]} for m = 0 … 4N − 1 (exposed for
     * tests and plots). Only every 4th input of the filter is non-zero, so each output needs 7 products.
     */
    public static double[] filtered(short[] x) {
        int n = x.length, len = UPSAMPLING * n;
        double b = x[0];
        double[] y = new double[len];
        for (int m = 0; m < len; m++) {
            double acc = 0;
            // taps j with (m − j) ≡ 0 (mod 4) and 0 ≤ (m − j)/4 < n
            for (int j = m % UPSAMPLING; j < TAPS && j <= m; j += UPSAMPLING) acc += H[j] * (x[(m - j) / UPSAMPLING] - b);
            y[m] = acc;
        }
        return y;
    }

    @Override
    public double time(short[] x) {
        if (x.length < 2) return Double.NaN;
        double[] y = filtered(x);
        int p = 0;
        for (int m = 1; m < y.length; m++) if (y[m] > y[p]) p = m;
        if (!(y[p] > 0)) return Double.NaN;
        double level = fraction * y[p];
        for (int m = p - 1; m >= 0; m--) {
            if (y[m] < level) {
                double mc = Waveforms.crossing(m, y[m], y[m + 1], level);
                return (mc - GROUP_DELAY) * periodNs / UPSAMPLING;
            }
        }
        return Double.NaN;
    }

    @Override
    public String name() { return "dCFD"; }
}
