package org.pulsedl.daq.dsp;

import org.pulsedl.daq.sim.PulseShape;
import org.pulsedl.daq.stats.SymmetricSolver;

/**
 * Least-squares fit of {@code x_k = A·s(kT − t0) + b} with the known pulse shape s — the maximum-likelihood
 * estimator of (A, t0, b) under white Gaussian noise, hence efficient (it reaches the Cramér–Rao bound of
 * {@link org.pulsedl.daq.stats.CramerRaoBound} at high SNR). Levenberg–Marquardt on the three parameters
 * with the analytic Jacobian (∂/∂A = s, ∂/∂t0 = −A·s′, ∂/∂b = 1), starting from the parabolic peak of the
 * samples. The first steps are pure Gauss–Newton (λ = 1e-6) and damping only grows when a step fails to
 * lower χ²: this matters for shapes with a kink at the onset (CR-RC¹), where χ²(t0) has a corner whenever
 * the onset passes a sample and the minimum can sit exactly on it.
 *
 * <p>Time reference: the fitted onset t0, in ns after the first sample of the window. Energy: the fitted A.
 */
public final class TemplateFit implements TimeEstimator, EnergyEstimator {
    public static final int DEFAULT_MAX_ITERATIONS = 60;
    public static final double DEFAULT_TOLERANCE_NS = 1e-5;
    private static final int GUESS_BASELINE_SAMPLES = 4;

    /**
     * One fit.
     *
     * @param amplitude  A, ADC codes above baseline
     * @param timeNs     onset t0, ns after the first sample of the window
     * @param baseline   b, ADC codes
     * @param chi2       Σ residual² (codes²) at the solution; divide by σ² for a χ²
     * @param iterations LM iterations used
     * @param converged  false if the iteration limit was hit or the start was invalid
     */
    public record Result(double amplitude, double timeNs, double baseline, double chi2, int iterations,
                         boolean converged) {}

    private final PulseShape shape;
    private final double periodNs;
    private final int firstSample;
    private final int maxSamples;
    private final int maxIterations;
    private final double toleranceNs;

    /**
     * @param shape         the pulse shape (unit peak) the data were shaped with
     * @param periodNs      sample period in ns (pdl2: 8)
     * @param firstSample   first sample of the fit window (default 0)
     * @param maxSamples    fit at most this many samples from {@code firstSample} (default: the whole window)
     * @param maxIterations LM iteration limit (default 60; pdl2 fits need 6 on average, rarely 30+ at corners)
     * @param toleranceNs   stop when an accepted step moves t0 by less than this (default 1e-5 ns)
     */
    public TemplateFit(PulseShape shape, double periodNs, int firstSample, int maxSamples, int maxIterations,
                       double toleranceNs) {
        Waveforms.checkPeriod(periodNs);
        if (shape == null) throw new IllegalArgumentException("pulse shape must not be null");
        if (firstSample < 0) throw new IllegalArgumentException("first fit sample must be >= 0, got " + firstSample);
        if (maxSamples < 4) throw new IllegalArgumentException("fit window must have >= 4 samples, got " + maxSamples);
        if (maxIterations < 1) throw new IllegalArgumentException("max iterations must be >= 1, got " + maxIterations);
        if (!(toleranceNs > 0)) throw new IllegalArgumentException("tolerance must be > 0 ns, got " + toleranceNs);
        this.shape = shape;
        this.periodNs = periodNs;
        this.firstSample = firstSample;
        this.maxSamples = maxSamples;
        this.maxIterations = maxIterations;
        this.toleranceNs = toleranceNs;
    }

    /** Fit over the whole window with the default iteration limit and tolerance. */
    public TemplateFit(PulseShape shape, double periodNs) {
        this(shape, periodNs, 0, Integer.MAX_VALUE, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE_NS);
    }

    @Override
    public double time(short[] samples) {
        Result r = fit(samples);
        return r.converged() ? r.timeNs() : Double.NaN;
    }

    @Override
    public double energy(short[] samples) {
        Result r = fit(samples);
        return r.converged() ? r.amplitude() : Double.NaN;
    }

    @Override
    public String name() { return "template-fit"; }

    /** Fits ADC codes. */
    public Result fit(short[] samples) {
        double[] x = new double[samples.length];
        for (int i = 0; i < x.length; i++) x[i] = samples[i];
        return fit(x);
    }

    /** Fits real-valued samples (e.g. noise-free test pulses without quantisation). */
    public Result fit(double[] x) {
        int lo = Math.min(firstSample, x.length), hi = (int) Math.min((long) lo + maxSamples, x.length);
        if (hi - lo < 4) return new Result(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, false);
        double[] p = initialGuess(x);
        double[] jtj = new double[9], jtr = new double[3], trial = new double[3];
        double[] jtjT = new double[9], jtrT = new double[3], a = new double[9], step = new double[3];
        double cost = accumulate(x, lo, hi, p, jtj, jtr);
        if (!Double.isFinite(cost)) return new Result(p[0], p[1], p[2], cost, 0, false);
        double lambda = 1e-6;
        for (int it = 1; it <= maxIterations; it++) {
            System.arraycopy(jtj, 0, a, 0, 9);
            for (int j = 0; j < 3; j++) a[4 * j] *= 1 + lambda;
            System.arraycopy(jtr, 0, step, 0, 3);
            if (!SymmetricSolver.solve(a, 3, step)) {
                lambda = lambda * 10 + 1e-9;
                if (lambda > 1e8) return new Result(p[0], p[1], p[2], cost, it, false);
                continue;
            }
            // Keep t0 steps within one sample: beyond that the linearisation means nothing.
            double scale = Math.min(1, periodNs / Math.abs(step[1]));
            for (int j = 0; j < 3; j++) trial[j] = p[j] + scale * step[j];
            double costT = accumulate(x, lo, hi, trial, jtjT, jtrT);
            if (costT <= cost) {
                // Converged when t0 stops moving, or when χ² stops falling (oscillation across a corner).
                boolean done = Math.abs(scale * step[1]) < toleranceNs || cost - costT <= 1e-12 * cost;
                System.arraycopy(trial, 0, p, 0, 3);
                System.arraycopy(jtjT, 0, jtj, 0, 9);
                System.arraycopy(jtrT, 0, jtr, 0, 3);
                cost = costT;
                if (done) return new Result(p[0], p[1], p[2], cost, it, true);
                lambda = Math.max(lambda / 3, 1e-9);   // slower decrease than increase: damps corner oscillations
            } else {
                lambda *= 10;
                // No downhill step even with heavy damping: χ² is at its minimum (typically a corner).
                if (lambda > 1e8) return new Result(p[0], p[1], p[2], cost, it, true);
            }
        }
        return new Result(p[0], p[1], p[2], cost, maxIterations, false);
    }

    /**
     * Sum of squared residuals at parameters (A, t0, b) and, in the same pass, JᵀJ (row-major 3×3) and Jᵀr.
     */
    private double accumulate(double[] x, int lo, int hi, double[] p, double[] jtj, double[] jtr) {
        double amp = p[0], t0 = p[1], b = p[2];
        double saa = 0, sat = 0, sa = 0, stt = 0, st = 0, ra = 0, rt = 0, rb = 0, cost = 0;
        for (int k = lo; k < hi; k++) {
            double t = k * periodNs - t0;
            double ja = shape.value(t);
            double jt = -amp * shape.derivative(t);
            double r = x[k] - amp * ja - b;
            cost += r * r;
            saa += ja * ja; sat += ja * jt; sa += ja; stt += jt * jt; st += jt;
            ra += r * ja; rt += r * jt; rb += r;
        }
        jtj[0] = saa; jtj[1] = sat; jtj[2] = sa;
        jtj[3] = sat; jtj[4] = stt; jtj[5] = st;
        jtj[6] = sa; jtj[7] = st; jtj[8] = hi - lo;
        jtr[0] = ra; jtr[1] = rt; jtr[2] = rb;
        return cost;
    }

    /** Baseline from the first samples, peak from a parabola through the maximum sample and its neighbours. */
    private double[] initialGuess(double[] x) {
        int nb = Math.min(GUESS_BASELINE_SAMPLES, x.length);
        double b = 0;
        for (int i = 0; i < nb; i++) b += x[i];
        b /= nb;
        int p = 0;
        for (int i = 1; i < x.length; i++) if (x[i] > x[p]) p = i;
        double peakIndex = p, peak = x[p];
        if (p > 0 && p < x.length - 1) {
            double c = 0.5 * (x[p - 1] - 2 * x[p] + x[p + 1]), s = 0.5 * (x[p + 1] - x[p - 1]);
            if (c < 0) {
                double d = Math.max(-0.5, Math.min(0.5, -s / (2 * c)));
                peakIndex = p + d;
                peak = x[p] + s * d + c * d * d;
            }
        }
        return new double[] {peak - b, peakIndex * periodNs - shape.peakTimeNs(), b};
    }
}
