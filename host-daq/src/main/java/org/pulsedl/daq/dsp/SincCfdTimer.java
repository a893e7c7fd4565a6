package org.pulsedl.daq.dsp;

/**
 * A windowed-sinc interpolating CFD, {@code cfd_sinc} in the benchmark: the authors' dCFD front end
 * ({@link DigitalCfdTimer}) with the Kaiser window applied to a sinc instead of used alone, so the filter
 * interpolates instead of smoothing. It is a different and, on fast pulses, stronger method than the
 * authors' (DESIGN §3: never report it as their dCFD).
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
 */
public final class SincCfdTimer extends UpsampledCfd {
    private static final int UPSAMPLING = ZeroStuffedFir.UPSAMPLING;
    /** Same length and window as the authors' filter, so the group delay is the same too. */
    private static final double[] H = KaiserFir.lowPass(DigitalCfdTimer.TAPS, 1.0 / UPSAMPLING,
            DigitalCfdTimer.KAISER_BETA, UPSAMPLING);

    /**
     * @param periodNs sample period of the input in ns (pdl2: 8)
     * @param fraction constant fraction of the filtered maximum, 0 &lt; f &lt; 1 (authors: 0.5)
     */
    public SincCfdTimer(double periodNs, double fraction) {
        super(H, periodNs, fraction);
    }

    /** Fraction 0.5, as the authors' dCFD. */
    public SincCfdTimer(double periodNs) {
        this(periodNs, DigitalCfdTimer.DEFAULT_FRACTION);
    }

    /** The 28 filter taps (a copy). */
    public static double[] taps() { return H.clone(); }

    /**
     * The baseline-subtracted, zero-stuffed and filtered waveform, {@code y[m]} for m = 0 … 4N − 1 (exposed for
     * tests and plots).
     */
    public static double[] filtered(short[] x) {
        return ZeroStuffedFir.filter(x, H);
    }

    /** Walking back from the maximum to the first pair that brackets the level. */
    @Override
    double crossing(double[] y, int p, double level) {
        for (int m = p - 1; m >= 0; m--) {
            if (y[m] < level) return Waveforms.crossing(m, y[m], y[m + 1], level);
        }
        return Double.NaN;
    }

    @Override
    public String name() { return "CFD-sinc"; }
}
