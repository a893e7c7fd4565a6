package org.pulsedl.daq.dsp;

/**
 * The common frame of both digital CFDs (DESIGN §3): baseline subtraction, ×4 zero-stuffing and an FIR
 * ({@link ZeroStuffedFir}), a threshold at a fraction of the filtered maximum, a linearly interpolated crossing,
 * and the FIR's group delay removed. The subclasses differ in the taps and in where they search the crossing.
 */
abstract class UpsampledCfd implements TimeEstimator {
    private final double[] taps;
    private final double periodNs;
    private final double fraction;

    UpsampledCfd(double[] taps, double periodNs, double fraction) {
        Waveforms.checkPeriod(periodNs);
        if (!(fraction > 0 && fraction < 1)) throw new IllegalArgumentException(name() + " fraction must be in (0, 1), got " + fraction);
        this.taps = taps;
        this.periodNs = periodNs;
        this.fraction = fraction;
    }

    /**
     * The upsampled index, with its fraction, where {@code y} crosses {@code level} on the rising edge of the
     * maximum at {@code p}; NaN when there is none.
     */
    abstract double crossing(double[] y, int p, double level);

    @Override
    public final double time(short[] x) {
        if (x.length < 2) return Double.NaN;
        double[] y = ZeroStuffedFir.filter(x, taps);
        int p = ZeroStuffedFir.argMax(y);
        if (!(y[p] > 0)) return Double.NaN;
        double groupDelay = (taps.length - 1) / 2.0;
        return (crossing(y, p, fraction * y[p]) - groupDelay) * periodNs / ZeroStuffedFir.UPSAMPLING;
    }
}
