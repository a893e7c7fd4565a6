package org.pulsedl.daq.bench;

import java.util.ArrayList;
import java.util.List;
import org.pulsedl.daq.dsp.SincCfdTimer;
import org.pulsedl.daq.dsp.TemplateFit;
import org.pulsedl.daq.sim.TemplateShape;
import org.pulsedl.quantizer.data.Dataset;

/**
 * The pulse model of a capture that records none (issue 9), estimated from the data itself:
 * <ol>
 *   <li><b>pre-trigger region</b>: the leading samples of the mean window that stay within
 *       {@value #PRE_TRIGGER_FRACTION} of its peak above its first sample;</li>
 *   <li><b>template</b>: the aligned average pulse. Every window is baseline-subtracted (mean of its pre-trigger
 *       samples), divided by its peak height and placed on a common time axis by its interpolated CFD time
 *       ({@link SincCfdTimer}); because arrival phases spread over a sample period, the samples of many windows
 *       fill a grid {@value #GRID_PER_SAMPLE} times finer than the sampling, whose bin means are the template;</li>
 *   <li><b>noise</b>: the autocovariance of the pre-trigger samples around their mean, zero beyond the
 *       pre-trigger length.</li>
 * </ol>
 *
 * @param shape             the template (onset at t = 0, unit peak)
 * @param onsetNs           start of the onset's one-sample range in the window, ns (as a simulated onset)
 * @param preTrigger        pre-trigger samples used for baseline and noise
 * @param amplitude         mean peak height above baseline, codes
 * @param autocovariance    noise autocovariance at lags 0 … preTrigger − 1, codes²
 */
public record EstimatedPulseModel(TemplateShape shape, double onsetNs, int preTrigger, double amplitude, double[] autocovariance) {
    static final double PRE_TRIGGER_FRACTION = 0.02;
    static final int GRID_PER_SAMPLE = 16;
    private static final int MIN_PER_BIN = 3;
    /** Baseline the template keeps before its half-height point, in samples. */
    static final double LEAD_SAMPLES = 2;

    /** The noise σ, codes. */
    public double noiseSigma() { return Math.sqrt(autocovariance[0]); }

    /**
     * The autocovariance with the triangular (Bartlett) taper (pre − j)/pre: the biased estimate, whose Toeplitz
     * covariance is positive semi-definite by construction (the fallback when the unbiased one is not).
     */
    public double[] taperedAutocovariance() {
        double[] r = autocovariance.clone();
        for (int j = 0; j < r.length; j++) r[j] *= (double) (r.length - j) / r.length;
        return r;
    }

    /** Autocorrelation at lag 1 … (the coefficients after lag 0). */
    public double[] correlation() {
        double[] r = new double[autocovariance.length - 1];
        for (int j = 1; j < autocovariance.length; j++) r[j - 1] = autocovariance[j] / autocovariance[0];
        return r;
    }

    /**
     * Estimates the model of {@code data} sampled every {@code periodNs}.
     *
     * @throws IllegalArgumentException when the windows hold no pulse with a pre-trigger region to estimate from
     */
    public static EstimatedPulseModel of(Dataset data, double periodNs) {
        int n = data.samples();
        double[] mean = new double[n];
        for (short[][] ev : data.waveforms()) for (short[] w : ev) for (int k = 0; k < n; k++) mean[k] += w[k];
        int windows = data.events() * data.channels();
        int peak = 0;
        for (int k = 0; k < n; k++) {
            mean[k] /= windows;
            if (mean[k] > mean[peak]) peak = k;
        }
        double height = mean[peak] - mean[0];
        int pre = 0;
        while (pre < peak && mean[pre] - mean[0] < PRE_TRIGGER_FRACTION * height) pre++;
        if (!(height > 0) || pre < 2) {
            throw new IllegalArgumentException("the windows have no pulse after at least 2 baseline samples to estimate the "
                    + "pulse shape and noise from (mean window peak at sample " + peak + "); give the pulse model with "
                    + "--shape and its options");
        }
        double[] autocov = autocovariance(data, pre);
        double minHeight = 5 * Math.sqrt(autocov[0]);
        int baselineSamples = pre;
        SincCfdTimer cfd = new SincCfdTimer(periodNs);
        TemplateFit[] fit = {null};
        // Windows are not scaled one by one: their largest sample and their area both depend on the arrival phase
        // by a few %, which the grid would turn into a ripple of one sample period in the template. Amplitudes do
        // not depend on the phase, so the plain average of every bin is the mean amplitude times the shape. The
        // first pass aligns by the interpolated CFD, the refinements by a template fit; both phase-corrected.
        java.util.function.Function<short[], double[]> reference = w -> {
            double b = 0;
            for (int k = 0; k < baselineSamples; k++) b += w[k];
            b /= baselineSamples;
            double t;
            if (fit[0] == null) {
                t = cfd.time(w);
            } else {
                TemplateFit.Result r = fit[0].fit(w);
                t = r.converged() ? r.timeNs() : Double.NaN;
            }
            return new double[] {t, b};
        };
        Aligned a = average(data, periodNs, minHeight, reference);
        for (int pass = 0; pass < REFINEMENTS; pass++) {
            fit[0] = new TemplateFit(a.shape, periodNs);
            a = average(data, periodNs, minHeight, reference);
        }
        // The onset's one-sample range starts half a sample before the mean onset.
        double onset = a.meanOnsetNs - periodNs / 2;
        return new EstimatedPulseModel(a.shape, Math.max(0, onset), pre, a.meanHeight, autocov);
    }

    /** Template refinements after the CFD-aligned first average. */
    static final int REFINEMENTS = 2;

    /** One average: the template, the mean onset of the windows in the window frame, the mean peak height (codes). */
    private record Aligned(TemplateShape shape, double meanOnsetNs, double meanHeight) {}

    /**
     * Averages the windows on a grid of time relative to their reference, each with its baseline removed
     * ({@code reference} gives {time, baseline} per window), then cuts the template before its onset.
     */
    private static Aligned average(Dataset data, double periodNs, double minHeight,
                                   java.util.function.Function<short[], double[]> reference) {
        int n = data.samples();
        double lo = -(n - 1) * periodNs, step = periodNs / GRID_PER_SAMPLE;
        int bins = 2 * (n - 1) * GRID_PER_SAMPLE + 1;
        List<short[]> windows = new ArrayList<>();
        List<double[]> refs = new ArrayList<>();
        for (short[][] ev : data.waveforms()) {
            for (short[] w : ev) {
                int max = 0;
                for (int k = 0; k < n; k++) if (w[k] > w[max]) max = k;
                if (!(w[max] - w[0] > minHeight)) continue;
                double[] ref = reference.apply(w);
                if (!Double.isFinite(ref[0])) continue;
                windows.add(w);
                refs.add(ref);
            }
        }
        uniformPhase(refs, periodNs);
        double[] sum = new double[bins], sumT = new double[bins];
        int[] count = new int[bins];
        double sumRef = 0;
        int used = windows.size();
        for (int i = 0; i < used; i++) {
            short[] w = windows.get(i);
            double t = refs.get(i)[0], b = refs.get(i)[1];
            for (int k = 0; k < n; k++) {
                double tau = k * periodNs - t;
                int bin = (int) Math.floor((tau - lo) / step);
                if (bin < 0 || bin >= bins) continue;
                sum[bin] += w[k] - b;
                sumT[bin] += tau;
                count[bin]++;
            }
            sumRef += t;
        }
        if (used < 10) throw new IllegalArgumentException("only " + used + " windows hold a pulse above 5 noise σ; "
                + "too few to estimate the pulse shape");
        List<double[]> points = new ArrayList<>();
        double top = 0;
        for (int j = 0; j < bins; j++) {
            if (count[j] < MIN_PER_BIN) continue;
            double[] p = {sumT[j] / count[j], sum[j] / count[j]};
            points.add(p);
            top = Math.max(top, p[1]);
        }
        // The template starts LEAD_SAMPLES before its half-height point, on the flat baseline: a template that began
        // exactly at the kink of the onset would let a fit stick where that kink meets a sample.
        int rise = 0;
        while (rise < points.size() && points.get(rise)[1] < 0.5 * top) rise++;
        int origin = rise;
        while (origin > 0 && points.get(origin - 1)[0] >= points.get(rise)[0] - LEAD_SAMPLES * periodNs) origin--;
        double[] times = new double[points.size() - origin], values = new double[times.length];
        for (int i = origin; i < points.size(); i++) {
            times[i - origin] = points.get(i)[0];
            values[i - origin] = points.get(i)[1];
        }
        TemplateShape shape = TemplateShape.ofPoints("estimated from the data", times, values);
        // Window-frame onset = the window's time reference + the template origin on the reference-relative axis.
        // The average is in codes, so its peak is the mean peak height (TemplateShape normalises it to 1).
        return new Aligned(shape, sumRef / used + times[0], top);
    }

    /**
     * The code-density correction of a time-to-digital converter, applied to the times {@code refs[i][0]}: pulses
     * arrive at random, so their true phase within a sample period is uniform, and any estimator whose phase is a
     * monotonic function of the true phase is made exact (up to a constant) by mapping its phase through its own
     * empirical distribution. Without it the estimator's phase-dependent bias (hundreds of ps for an interpolating
     * CFD) would be averaged into the template as a ripple of one sample period, which later fits cannot see.
     */
    static void uniformPhase(List<double[]> refs, double periodNs) {
        int n = refs.size();
        Integer[] order = new Integer[n];
        double[] phase = new double[n];
        for (int i = 0; i < n; i++) {
            double u = refs.get(i)[0] / periodNs;
            phase[i] = u - Math.floor(u);
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(phase[x], phase[y]));
        for (int r = 0; r < n; r++) {
            double[] ref = refs.get(order[r]);
            double u = ref[0] / periodNs;
            ref[0] = (Math.floor(u) + (r + 0.5) / n) * periodNs;
        }
    }

    /**
     * Autocovariance of the pre-trigger samples around their mean, lags 0 … pre − 1, pooled over windows; each lag
     * is divided by its own number of pairs (unbiased). See {@link #taperedAutocovariance()} when the Toeplitz
     * covariance it defines is not positive definite.
     */
    private static double[] autocovariance(Dataset data, int pre) {
        double mu = 0;
        for (short[][] ev : data.waveforms()) for (short[] w : ev) for (int k = 0; k < pre; k++) mu += w[k];
        int windows = data.events() * data.channels();
        mu /= (double) windows * pre;
        double[] r = new double[pre];
        for (short[][] ev : data.waveforms()) {
            for (short[] w : ev) {
                for (int j = 0; j < pre; j++) {
                    for (int i = 0; i + j < pre; i++) r[j] += (w[i] - mu) * (w[i + j] - mu);
                }
            }
        }
        for (int j = 0; j < pre; j++) r[j] /= (double) windows * (pre - j);
        return r;
    }
}
