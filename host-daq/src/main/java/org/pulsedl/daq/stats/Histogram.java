package org.pulsedl.daq.stats;

import java.util.Arrays;

/**
 * An immutable fixed-width 1-D histogram over [lo, hi) with under/overflow and NaN counts.
 */
public final class Histogram {
    /** Bin count limits for {@link #auto}: enough bins to see the shape, few enough to keep counts. */
    public static final int MIN_AUTO_BINS = 10, MAX_AUTO_BINS = 200;
    /** Half-width of the automatic range in units of the sample σ. */
    public static final double AUTO_HALF_RANGE_SIGMAS = 5;

    private final double lo, hi;
    private final long[] counts;
    private final long underflow, overflow, nanCount;

    private Histogram(double lo, double hi, long[] counts, long underflow, long overflow, long nanCount) {
        this.lo = lo; this.hi = hi; this.counts = counts;
        this.underflow = underflow; this.overflow = overflow; this.nanCount = nanCount;
    }

    /** Fills {@code nBins} equal bins over [lo, hi); values outside go to under/overflow, NaN are counted apart. */
    public static Histogram of(double[] data, double lo, double hi, int nBins) {
        if (nBins < 1) throw new IllegalArgumentException("histogram needs >= 1 bin, got " + nBins);
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi))
            throw new IllegalArgumentException("histogram range must be finite with hi > lo, got [" + lo + ", " + hi + ")");
        long[] c = new long[nBins];
        long under = 0, over = 0, nan = 0;
        double scale = nBins / (hi - lo);
        for (double v : data) {
            if (Double.isNaN(v)) { nan++; continue; }
            if (v < lo) { under++; continue; }
            if (v >= hi) { over++; continue; }
            int i = (int) ((v - lo) * scale);
            c[Math.min(i, nBins - 1)]++;   // guards rounding at the upper edge
        }
        return new Histogram(lo, hi, c, under, over, nan);
    }

    /** A histogram of counts accumulated elsewhere (e.g. live, bin by bin) over [lo, hi). */
    public static Histogram ofCounts(double lo, double hi, long[] counts, long underflow, long overflow) {
        if (counts.length < 1) throw new IllegalArgumentException("histogram needs >= 1 bin, got 0");
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi))
            throw new IllegalArgumentException("histogram range must be finite with hi > lo, got [" + lo + ", " + hi + ")");
        return new Histogram(lo, hi, counts.clone(), underflow, overflow, 0);
    }

    /**
     * Automatic binning: range mean ± 5σ of the finite data, bin width from the Freedman–Diaconis rule
     * (2·IQR·N^(−1/3)), bin count clamped to [{@value #MIN_AUTO_BINS}, {@value #MAX_AUTO_BINS}].
     */
    public static Histogram auto(double[] data) {
        double[] finite = Arrays.stream(data).filter(Double::isFinite).sorted().toArray();
        if (finite.length < 2) throw new IllegalArgumentException(
                "automatic histogram needs at least 2 finite values, got " + finite.length);
        SampleStats st = SampleStats.of(finite);
        double half = AUTO_HALF_RANGE_SIGMAS * (st.sigma() > 0 ? st.sigma() : Math.max(Math.abs(st.mean()) * 1e-9, 1e-12));
        double lo = st.mean() - half, hi = st.mean() + half;
        double iqr = quantile(finite, 0.75) - quantile(finite, 0.25);
        double width = 2 * iqr / Math.cbrt(finite.length);
        int nBins = width > 0 ? (int) Math.ceil((hi - lo) / width) : MIN_AUTO_BINS;
        nBins = Math.max(MIN_AUTO_BINS, Math.min(MAX_AUTO_BINS, nBins));
        Histogram h = of(finite, lo, hi, nBins);
        return new Histogram(lo, hi, h.counts, h.underflow, h.overflow, data.length - finite.length);
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    /** Finite entries, inside the range or not (NaN excluded). */
    public long total() {
        long n = underflow + overflow;
        for (long c : counts) n += c;
        return n;
    }

    public double lo() { return lo; }
    public double hi() { return hi; }
    public int bins() { return counts.length; }
    public double binWidth() { return (hi - lo) / counts.length; }
    public double binLow(int i) { return lo + i * binWidth(); }
    public double binCenter(int i) { return lo + (i + 0.5) * binWidth(); }
    public long count(int i) { return counts[i]; }
    public long[] counts() { return counts.clone(); }
    public long underflow() { return underflow; }
    public long overflow() { return overflow; }
    public long nanCount() { return nanCount; }

    /** Entries inside [lo, hi). */
    public long inRange() {
        long s = 0;
        for (long c : counts) s += c;
        return s;
    }
}
