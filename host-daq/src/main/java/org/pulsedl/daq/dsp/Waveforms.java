package org.pulsedl.daq.dsp;

/** Small helpers shared by the estimators. */
final class Waveforms {
    private Waveforms() {}

    /** Mean of the first {@code n} samples (clamped to the window length). */
    static double baseline(short[] x, int n) {
        int m = Math.min(n, x.length);
        double s = 0;
        for (int i = 0; i < m; i++) s += x[i];
        return s / m;
    }

    /** Index of the first maximum sample. */
    static int argMax(short[] x) {
        int p = 0;
        for (int i = 1; i < x.length; i++) if (x[i] > x[p]) p = i;
        return p;
    }

    /** Fractional index where the line through (i, yi) and (i + 1, yj) crosses {@code level}. */
    static double crossing(int i, double yi, double yj, double level) {
        return i + (level - yi) / (yj - yi);
    }

    static void checkPeriod(double periodNs) {
        if (!(periodNs > 0) || Double.isInfinite(periodNs))
            throw new IllegalArgumentException("sample period must be > 0 ns, got " + periodNs);
    }

    static void checkBaselineSamples(int n) {
        if (n < 1) throw new IllegalArgumentException("baseline samples must be >= 1, got " + n);
    }
}
