package org.pulsedl.daq.gui;

import java.util.Arrays;
import org.pulsedl.daq.stats.Histogram;

/**
 * A histogram filled value by value at the link's rate (one division and an increment per value, so the
 * receiving thread never falls behind) and read as a {@link Histogram} snapshot for fitting and plotting. Its
 * fixed bins are chosen once from the first {@code warmup} values by a {@link RangeRule}; those values are kept
 * until then and binned with the rest. Before that, a snapshot bins the values so far on the range they give
 * (from {@link #PROVISIONAL_MIN} values on): a slow board (the simulated SoC sends tens of results per second)
 * shows its first results at once, not after minutes. Thread-safe.
 */
public final class LiveHistogram {
    /** The range [lo, hi) of the bins from the sorted first values. */
    @FunctionalInterface
    public interface RangeRule {
        double[] range(double[] sorted);
    }

    /**
     * Centred on the median, ± {@code sigmas} robust σ (the interquartile range / 1.349, which pile-up tails do
     * not inflate): the Δt histogram, a Gaussian with rare outliers.
     */
    public static RangeRule centred(double sigmas) {
        return sorted -> {
            double median = quantile(sorted, 0.5);
            double sigma = (quantile(sorted, 0.75) - quantile(sorted, 0.25)) / 1.349;
            double half = sigmas * (sigma > 0 ? sigma : Math.max(Math.abs(median) * 1e-3, 1e-9));
            return new double[] {median - half, median + half};
        };
    }

    /** From 0 (or the lowest value, if negative) to {@code headroom} × the 99.9 % quantile: an energy spectrum. */
    public static RangeRule fromZero(double headroom) {
        return sorted -> {
            double lo = Math.min(0, sorted[0]);
            double hi = quantile(sorted, 0.999) * headroom;
            if (!(hi > lo)) hi = lo + 1;
            return new double[] {lo, hi};
        };
    }

    /** Values before a snapshot shows a provisional histogram. */
    static final int PROVISIONAL_MIN = 10;

    private final int bins;
    private final int warmup;
    private final RangeRule rule;
    private double[] early;
    private int earlyCount;
    private long[] counts;
    private double lo, scale;
    private long underflow, overflow, entries;

    public LiveHistogram(int bins, int warmup, RangeRule rule) {
        if (bins < 1 || warmup < 2) throw new IllegalArgumentException("a live histogram needs >= 1 bin and >= 2 warm-up values");
        this.bins = bins;
        this.warmup = warmup;
        this.rule = rule;
        reset();
    }

    public synchronized void add(double v) {
        if (!Double.isFinite(v)) return;
        entries++;
        if (counts != null) {
            bin(v);
            return;
        }
        early[earlyCount++] = v;
        if (earlyCount == warmup) fixRange();
    }

    /** Entries so far (finite values). */
    public synchronized long entries() { return entries; }

    /**
     * The bins so far; while the range is still being learnt, the values so far binned on the range they give
     * (null with fewer than {@link #PROVISIONAL_MIN}).
     */
    public synchronized Histogram snapshot() {
        if (counts != null) return Histogram.ofCounts(lo, lo + bins / scale, counts, underflow, overflow);
        if (earlyCount < PROVISIONAL_MIN) return null;
        double[] sorted = Arrays.copyOf(early, earlyCount);
        Arrays.sort(sorted);
        double[] r = rule.range(sorted);
        return Histogram.of(sorted, r[0], r[1], bins);
    }

    /** Forgets every value and the range (a new run, or a replay). */
    public synchronized void reset() {
        early = new double[warmup];
        earlyCount = 0;
        counts = null;
        underflow = overflow = entries = 0;
    }

    private void fixRange() {
        double[] sorted = Arrays.copyOf(early, earlyCount);
        Arrays.sort(sorted);
        double[] r = rule.range(sorted);
        lo = r[0];
        scale = bins / (r[1] - r[0]);
        counts = new long[bins];
        for (int i = 0; i < earlyCount; i++) bin(early[i]);
        early = null;
    }

    private void bin(double v) {
        double x = (v - lo) * scale;
        if (x < 0) {
            underflow++;
        } else if (x >= bins) {
            overflow++;
        } else {
            counts[(int) x]++;
        }
    }

    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
