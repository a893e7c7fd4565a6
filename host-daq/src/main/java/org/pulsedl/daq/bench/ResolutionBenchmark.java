package org.pulsedl.daq.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import org.pulsedl.daq.stats.GaussianFit;
import org.pulsedl.daq.stats.Histogram;
import org.pulsedl.daq.stats.SampleStats;
import org.pulsedl.quantizer.data.Dataset;

/**
 * Evaluates estimation methods on a dataset (DESIGN §3): two-channel time resolution σ(t̂0 − t̂1), its
 * uncertainty and a Gaussian-fit FWHM, and the energy resolution σ(Ê/E)/mean(Ê/E). Events where a method
 * returns no estimate are excluded and counted. Windows are processed in parallel; the result does not
 * depend on the number of threads.
 */
public final class ResolutionBenchmark {
    /** Label with the true amplitude; when present, energies are divided by it (varying amplitudes). */
    public static final String AMPLITUDE_LABEL = org.pulsedl.daq.sim.PulseSimulator.AMPLITUDE_LABEL;

    private ResolutionBenchmark() {}

    /**
     * @param periodNs sample period, for the sampling phase of the true onsets
     * @param progress receives the number of windows processed so far (may be null)
     */
    public static BenchmarkPoint evaluate(Dataset data, double periodNs, List<Method> methods, CrlbSummary crlb,
                                          Double snrDbTarget, double snrDbMeasured, LongConsumer progress) {
        Truth truth = Truth.of(data, periodNs);
        double[] amplitude = AmplitudeSlices.amplitudes(data, truth);
        double[] varying = AmplitudeSlices.varies(amplitude) ? amplitude : null;
        List<MethodResult> results = new ArrayList<>();
        long windowsPerMethod = (long) data.events() * data.channels();
        long[] done = {0};
        for (Method m : methods) {
            double[][] t = m.hasTime() ? new double[data.events()][data.channels()] : null;
            double[][] e = m.hasEnergy() ? new double[data.events()][data.channels()] : null;
            if (m.batch() != null) {
                estimateInBatch(data, m.batch(), t, e);
            } else {
                IntStream.range(0, data.events()).parallel().forEach(ev -> {
                    double[] out = new double[2];
                    for (int c = 0; c < data.channels(); c++) {
                        out[0] = Double.NaN;
                        out[1] = Double.NaN;
                        m.estimator().estimate(data.waveform(ev, c), out);
                        if (t != null) t[ev][c] = out[0];
                        if (e != null) e[ev][c] = out[1];
                    }
                });
            }
            done[0] += windowsPerMethod;
            if (progress != null) progress.accept(done[0]);
            results.add(summarise(m.name(), t, e, truth, data.channels(), crlb, varying));
        }
        return new BenchmarkPoint(snrDbTarget, snrDbMeasured, crlb, results);
    }

    /** Windows per batch call: large enough for the batch form's speed, small enough to add little memory. */
    private static final int BATCH = 1 << 16;

    /** Every channel window of {@code data} through {@code batch}, event-major and channel-minor, in chunks. */
    private static void estimateInBatch(Dataset data, Method.BatchEstimator batch, double[][] t, double[][] e) {
        int channels = data.channels();
        long total = (long) data.events() * channels;
        for (long from = 0; from < total; from += BATCH) {
            int n = (int) Math.min(BATCH, total - from);
            short[][] windows = new short[n][];
            double[][] out = new double[n][2];
            for (int i = 0; i < n; i++) {
                long w = from + i;
                windows[i] = data.waveform((int) (w / channels), (int) (w % channels));
                out[i][0] = Double.NaN;
                out[i][1] = Double.NaN;
            }
            batch.estimate(windows, out);
            for (int i = 0; i < n; i++) {
                long w = from + i;
                if (t != null) t[(int) (w / channels)][(int) (w % channels)] = out[i][0];
                if (e != null) e[(int) (w / channels)][(int) (w % channels)] = out[i][1];
            }
        }
    }

    /**
     * @param varyingAmplitude the events' amplitudes when they vary (for the spectrum and the slices), else null
     */
    static MethodResult summarise(String name, double[][] t, double[][] e, Truth truth, int channels, CrlbSummary crlb,
                                  double[] varyingAmplitude) {
        double[] trueAmplitude = truth.amplitude();
        Double meanDt = null, sigmaDt = null, sigmaDtErr = null, fwhmDt = null, eRes = null, eFwhm = null;
        MethodResult.FitSummary dtFit = null, eFit = null;
        int nEvents = 0, nFailed = 0;
        if (t != null && channels >= 2) {
            double[] dtPs = new double[t.length];
            for (int ev = 0; ev < t.length; ev++) dtPs[ev] = (t[ev][0] - t[ev][1]) * 1e3;
            SampleStats s = SampleStats.of(dtPs);
            nEvents = s.n();
            nFailed = s.nanCount();
            if (s.n() >= 2) {
                meanDt = s.mean();
                sigmaDt = s.sigma();
                sigmaDtErr = s.sigmaError();
                dtFit = fitAroundMean(dtPs, s.mean());
                if (dtFit != null) fwhmDt = dtFit.fwhm();
            }
        }
        if (e != null) {
            double[] ratio = new double[e.length * channels];
            for (int ev = 0; ev < e.length; ev++) {
                for (int c = 0; c < channels; c++) {
                    ratio[ev * channels + c] = trueAmplitude == null ? e[ev][c] : e[ev][c] / trueAmplitude[ev];
                }
            }
            SampleStats s = SampleStats.of(ratio);
            if (t == null) {
                nEvents = s.n() / channels;
                nFailed = (s.nanCount() + channels - 1) / channels;
            }
            if (s.n() >= 2 && s.mean() != 0) {
                eRes = 100 * s.sigma() / Math.abs(s.mean());
                eFwhm = SampleStats.FWHM_PER_SIGMA * eRes;
                double[] relPct = new double[ratio.length];
                for (int i = 0; i < ratio.length; i++) relPct[i] = 100 * (ratio[i] / s.mean() - 1);
                eFit = fitAroundMean(relPct, 0);
            }
        }
        TruthMetrics metrics = truth.hasTime() || truth.hasAmplitude() ? TruthMetrics.of(t, e, truth) : null;
        EnergySpectrum spectrum = e != null && varyingAmplitude != null ? EnergySpectrum.of(e, metrics) : null;
        List<AmplitudeSlices.Slice> slices = t != null && channels >= 2 && varyingAmplitude != null
                ? AmplitudeSlices.of(t, varyingAmplitude) : null;
        MethodResult r = new MethodResult(name, meanDt, sigmaDt, sigmaDtErr, fwhmDt, eRes, eFwhm, nEvents, nFailed, dtFit, eFit,
                metrics, spectrum, slices, new MethodResult.PerEvent(t, e), List.of());
        return r.withFlags(MethodFlags.of(r, crlb, metrics, t, e, trueAmplitude, varyingAmplitude));
    }

    /** Gaussian fit of the values minus {@code mean}; null when there are too few values to fit. */
    public static MethodResult.FitSummary fitAroundMean(double[] values, double mean) {
        double[] centred = new double[values.length];
        for (int i = 0; i < values.length; i++) centred[i] = values[i] - mean;
        try {
            Histogram h = Histogram.auto(centred);
            return new MethodResult.FitSummary(GaussianFit.fit(h), h);
        } catch (IllegalArgumentException tooFew) {
            return null;
        }
    }
}
