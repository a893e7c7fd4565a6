package org.pulsedl.daq.dsp;

/**
 * The PulseDL-II authors' interpolated digital CFD, {@code dcfd} in the benchmark, exactly as DESIGN §3
 * fixes it:
 * <ol>
 *   <li>subtract the baseline, taken as the first sample;</li>
 *   <li>×4 zero-stuffing (three zeros after every sample);</li>
 *   <li>filter with the 28-point Kaiser window (β = 8.6) itself as the taps — no sinc, so it is a heavy
 *       smoother, not an interpolator (their code uses {@code kaiser(28, 8.6)} directly; the scale does not
 *       matter because the threshold is relative);</li>
 *   <li>threshold = {@code fraction} (0.5) of the filtered maximum;</li>
 *   <li>the first upward crossing, searched from the window start up to the maximum, linearly interpolated
 *       between the bracketing upsampled samples;</li>
 *   <li>the filter's constant group delay, (28 − 1)/2 = 13.5 upsampled samples, is subtracted, so the time
 *       is in the input's time base (it cancels in Δt anyway).</li>
 * </ol>
 * On {@code pdl2} it sits near 1.7× the two-channel bound; {@link SincCfdTimer} is the stronger interpolating
 * variant, reported under its own name.
 */
public final class DigitalCfdTimer extends UpsampledCfd {
    public static final int TAPS = 28;
    public static final double KAISER_BETA = 8.6;
    public static final double DEFAULT_FRACTION = 0.5;
    /** Group delay of the symmetric FIR in upsampled samples. */
    public static final double GROUP_DELAY = (TAPS - 1) / 2.0;

    private static final double[] H = KaiserFir.kaiserWindow(TAPS, KAISER_BETA);

    /**
     * @param periodNs sample period of the input in ns (pdl2: 8)
     * @param fraction constant fraction of the filtered maximum, 0 &lt; f &lt; 1 (authors: 0.5)
     */
    public DigitalCfdTimer(double periodNs, double fraction) {
        super(H, periodNs, fraction);
    }

    /** The authors' setting: fraction 0.5. */
    public DigitalCfdTimer(double periodNs) {
        this(periodNs, DEFAULT_FRACTION);
    }

    /** The 28 filter taps: the Kaiser window (a copy). */
    public static double[] taps() { return H.clone(); }

    /** The baseline-subtracted, zero-stuffed and filtered waveform, {@code y[m]} for m = 0 … 4N − 1. */
    public static double[] filtered(short[] x) {
        return ZeroStuffedFir.filter(x, H);
    }

    /** The first upward crossing, searched from the window start up to the maximum (the authors' search). */
    @Override
    double crossing(double[] y, int p, double level) {
        for (int m = 0; m < p; m++) {
            if (y[m] < level && y[m + 1] >= level) return Waveforms.crossing(m, y[m], y[m + 1], level);
        }
        return Double.NaN;
    }

    @Override
    public String name() { return "dCFD"; }
}
