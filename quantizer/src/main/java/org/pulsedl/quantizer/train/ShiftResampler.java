package org.pulsedl.quantizer.train;

import java.util.Locale;

/**
 * Delays a sampled window by a fractional number of samples by interpolation, for the label-free training
 * mode ({@link LabelFreeTrainer}, docs/training.md): {@code y[l] = x̃(l − delay)}, where {@code x̃} is the
 * interpolated continuous signal, so a positive delay moves the pulse later.
 *
 * <p>Two interpolators:
 * <ul>
 * <li>{@link Method#SINC} (default): band-limited interpolation with a Kaiser-windowed sinc of
 *     {@value #SINC_HALF_WIDTH} taps either side (β = {@value #KAISER_BETA}), normalised to unit DC gain. At the worst
 *     phase (half a sample) its gain is flat to 0.05 % up to 0.6 × Nyquist and −2.3 % at 0.8 × Nyquist, and it
 *     keeps white noise nearly white with Σw² ≥ 0.895 (noise σ at most 5 % lower). A shifted copy therefore looks
 *     like a recording of the same pulse at another phase, noise included — except for what the ADC aliased.</li>
 * <li>{@link Method#CUBIC}: Keys' cubic convolution (a = −½, Catmull-Rom), 4 taps. Cheaper and local, but it
 *     low-passes: at a half-sample shift its gain is −5 % at 0.4 × Nyquist and −22 % at 0.6 × Nyquist, and
 *     Σw² = 0.64, i.e. the copy's noise σ is 20 % smaller than the recording's, so a network learns pulse shapes
 *     and noise it will not meet on real data.</li>
 * </ul>
 *
 * <p>Edges: a delay needs samples beyond the window. The window is treated as the middle of a longer record
 * whose outside is the quiet baseline the window starts and ends on: the mean of its first (last)
 * {@value #EDGE_SAMPLES} samples. Shifts are restricted by the caller ({@code LabelFreeOptions#maxShift}) so that
 * the pulse stays inside the window.
 */
public final class ShiftResampler {
    /** Interpolation kernel. */
    public enum Method {
        SINC, CUBIC;

        /** {@code sinc} or {@code cubic} (case-insensitive). */
        public static Method parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("unknown interpolation '" + text + "' (expected sinc or cubic)");
            }
        }
    }

    static final int SINC_HALF_WIDTH = 8;
    static final double KAISER_BETA = 6.0;
    static final int EDGE_SAMPLES = 4;

    private final Method method;
    private final int halfWidth;

    public ShiftResampler(Method method) {
        this.method = method;
        this.halfWidth = method == Method.SINC ? SINC_HALF_WIDTH : 2;
    }

    public Method method() { return method; }

    /**
     * The {@code 2·halfWidth} weights of the samples {@code floor(p) − halfWidth + 1 … floor(p) + halfWidth}
     * for a position {@code p} with fractional part {@code frac} ∈ [0, 1), summing to 1.
     */
    double[] taps(double frac) {
        double[] w = new double[2 * halfWidth];
        double sum = 0;
        for (int j = -halfWidth + 1; j <= halfWidth; j++) {
            double u = frac - j;
            double v = method == Method.SINC ? windowedSinc(u) : cubic(u);
            w[j + halfWidth - 1] = v;
            sum += v;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }

    private double windowedSinc(double u) {
        if (u == 0) {
            return 1;
        }
        double r = u / halfWidth;
        if (Math.abs(r) >= 1) {
            return 0;
        }
        double pu = Math.PI * u;
        return Math.sin(pu) / pu * besselI0(KAISER_BETA * Math.sqrt(1 - r * r)) / besselI0(KAISER_BETA);
    }

    private static double cubic(double u) {
        double a = -0.5;
        double x = Math.abs(u);
        if (x <= 1) {
            return ((a + 2) * x - (a + 3)) * x * x + 1;
        }
        if (x < 2) {
            return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a;
        }
        return 0;
    }

    /** Modified Bessel function of the first kind, order 0 (power series; exact to double precision for β ≤ 20). */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 60; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return sum;
    }

    /** {@code x} delayed by {@code delay} samples (same length). */
    public double[] shift(double[] x, double delay) {
        float[] src = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            src[i] = (float) x[i];
        }
        float[] dst = new float[x.length];
        shift(src, 0, x.length, delay, dst, 0);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = dst[i];
        }
        return y;
    }

    /**
     * Writes {@code src[srcOff … srcOff+n)} delayed by {@code delay} samples to {@code dst[dstOff …)}.
     *
     * @throws IllegalArgumentException for a non-finite delay
     */
    public void shift(float[] src, int srcOff, int n, double delay, float[] dst, int dstOff) {
        if (!Double.isFinite(delay)) {
            throw new IllegalArgumentException("shift must be finite, got " + delay);
        }
        double p0 = -delay;                       // position of output sample 0 in the input
        int m0 = (int) Math.floor(p0);
        double[] w = taps(p0 - m0);
        int e = Math.min(EDGE_SAMPLES, n);
        double left = 0;
        double right = 0;
        for (int i = 0; i < e; i++) {
            left += src[srcOff + i];
            right += src[srcOff + n - 1 - i];
        }
        left /= e;
        right /= e;
        for (int l = 0; l < n; l++) {
            int first = l + m0 - halfWidth + 1;
            double acc = 0;
            for (int j = 0; j < w.length; j++) {
                int k = first + j;
                double v = k < 0 ? left : k >= n ? right : src[srcOff + k];
                acc += w[j] * v;
            }
            dst[dstOff + l] = (float) acc;
        }
    }

    /** The interpolated value of {@code x} at the fractional sample position {@code pos}. */
    public double valueAt(float[] x, int off, int n, double pos) {
        int m = (int) Math.floor(pos);
        double[] w = taps(pos - m);
        int e = Math.min(EDGE_SAMPLES, n);
        double left = 0;
        double right = 0;
        for (int i = 0; i < e; i++) {
            left += x[off + i];
            right += x[off + n - 1 - i];
        }
        left /= e;
        right /= e;
        double acc = 0;
        for (int j = 0; j < w.length; j++) {
            int k = m - halfWidth + 1 + j;
            acc += w[j] * (k < 0 ? left : k >= n ? right : x[off + k]);
        }
        return acc;
    }

    /**
     * Peak of the interpolated signal: the largest of {@link #valueAt} on a 1/16-sample grid within one sample of
     * the largest sample (the amplitude proxy of the label-free mode).
     */
    public double peak(float[] x, int off, int n) {
        int m = 0;
        for (int i = 1; i < n; i++) {
            if (x[off + i] > x[off + m]) {
                m = i;
            }
        }
        double best = x[off + m];
        for (int s = -16; s <= 16; s++) {
            double p = m + s / 16.0;
            if (p >= 0 && p <= n - 1) {
                best = Math.max(best, valueAt(x, off, n, p));
            }
        }
        return best;
    }
}
