package org.pulsedl.daq.bench;

import java.util.List;
import java.util.function.LongConsumer;
import org.pulsedl.daq.sim.PulseSimulator;
import org.pulsedl.daq.sim.SimulatorConfig;
import org.pulsedl.daq.sim.SnrMeter;
import org.pulsedl.daq.stats.CramerRaoBound;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.util.ProgressBar;

/**
 * One benchmark point end to end: simulate (or take) a dataset, measure its SNR, compute the Cramér–Rao
 * bound of its pulse model, and evaluate the methods.
 */
public final class BenchmarkRun {
    private BenchmarkRun() {}

    /** Simulates {@code events} events of {@code config} and benchmarks {@code methodNames} on them. */
    public static BenchmarkPoint simulated(SimulatorConfig config, int events, List<String> methodNames, NeuralModel network, String label) {
        return simulatedDataset(simulate(config, events, label), config, methodNames, network, label);
    }

    /** Simulates {@code events} events of {@code config}, with a progress bar named {@code label}. */
    public static Dataset simulate(SimulatorConfig config, int events, String label) {
        try (ProgressBar bar = new ProgressBar(label + " simulate", events)) {
            return PulseSimulator.generate(config, events, bar::set);
        }
    }

    /** Benchmarks a dataset known to come from {@code config} (e.g. read back from a file): the bound is exact. */
    public static BenchmarkPoint simulatedDataset(Dataset data, SimulatorConfig config, List<String> methodNames, NeuralModel network, String label) {
        if (data.samples() != config.samples() || data.channels() != config.channels()) {
            throw new IllegalArgumentException("dataset is " + data.channels() + " channels x " + data.samples()
                    + " samples but the configuration says " + config.channels() + " x " + config.samples());
        }
        double snrTarget = config.targetSnrDb();
        CramerRaoBound bound = CramerRaoBound.compute(config.shape(), config.nominalAmplitudeCodes(),
                effectiveSigma(config.noiseSigmaCodes()), config.samplePeriodNs(), config.samples(), onsetNs(config),
                CramerRaoBound.DEFAULT_PHASE_POINTS);
        return evaluate(data, pulseModel(config, config.samples()), summary(bound, "exact", null),
                Double.isNaN(snrTarget) ? null : snrTarget, methodNames, network, label);
    }

    /**
     * Benchmarks a recorded or stored dataset. The pulse model (shape, sampling, onset) comes from
     * {@code config}; the noise σ and the amplitude for the bound are measured from the data.
     */
    public static BenchmarkPoint recorded(Dataset data, SimulatorConfig config, boolean modelRecorded, List<String> methodNames,
                                          NeuralModel network, String label) {
        if (data.events() < 2) throw new IllegalArgumentException("dataset has " + data.events() + " events; the benchmark needs at least 2");
        SnrMeter.Snr snr = SnrMeter.measure(data);
        double amplitude = data.labelNames().contains(ResolutionBenchmark.AMPLITUDE_LABEL)
                ? mean(data.labelColumn(ResolutionBenchmark.AMPLITUDE_LABEL))
                : snr.signalCodes() / CramerRaoBound.meanMaxSample(config.shape(), 1, config.samplePeriodNs(),
                        data.samples(), onsetNs(config), CramerRaoBound.DEFAULT_PHASE_POINTS);
        CramerRaoBound bound = CramerRaoBound.compute(config.shape(), amplitude, snr.noiseCodes(),
                config.samplePeriodNs(), data.samples(), onsetNs(config), CramerRaoBound.DEFAULT_PHASE_POINTS);
        return evaluate(data, pulseModel(config, data.samples()), summary(bound, modelRecorded ? "recorded" : "assumed", null),
                null, methodNames, network, label);
    }

    /**
     * Benchmarks a capture that records no pulse model: the template, the onset and the noise (with its
     * autocorrelation) are estimated from the data ({@link EstimatedPulseModel}); the white-noise bound is
     * reported, and beside it the bound for the measured noise covariance when the noise is coloured.
     */
    public static BenchmarkPoint estimated(Dataset data, EstimatedPulseModel m, double periodNs, List<String> methodNames,
                                           NeuralModel network, String label) {
        int n = data.samples();
        CramerRaoBound white = CramerRaoBound.compute(m.shape(), m.amplitude(), m.noiseSigma(), periodNs, n, m.onsetNs(),
                CramerRaoBound.DEFAULT_PHASE_POINTS);
        CrlbSummary coloured = null;
        if (isColoured(m)) {
            CramerRaoBound b;
            try {
                b = CramerRaoBound.computeColoured(m.shape(), m.amplitude(), m.autocovariance(), periodNs, n, m.onsetNs(),
                        CramerRaoBound.DEFAULT_PHASE_POINTS);
            } catch (IllegalArgumentException notPositiveDefinite) {
                b = CramerRaoBound.computeColoured(m.shape(), m.amplitude(), m.taperedAutocovariance(), periodNs, n,
                        m.onsetNs(), CramerRaoBound.DEFAULT_PHASE_POINTS);
            }
            coloured = summary(b, "estimated", null);
        }
        MethodRegistry.PulseModel model = new MethodRegistry.PulseModel(m.shape(), periodNs, n, m.onsetNs(), m.amplitude());
        return evaluate(data, model, summary(white, "estimated", coloured), null, methodNames, network, label);
    }

    /** Coloured: some autocorrelation coefficient above {@link #COLOURED_CORRELATION}. */
    static boolean isColoured(EstimatedPulseModel m) {
        double[] rho = m.correlation();
        for (double r : rho) if (Math.abs(r) > COLOURED_CORRELATION) return true;
        return false;
    }

    /** |ρ| above which the measured noise counts as coloured (far beyond the estimator's spread on white noise). */
    static final double COLOURED_CORRELATION = 0.05;

    private static CrlbSummary summary(CramerRaoBound b, String model, CrlbSummary coloured) {
        return new CrlbSummary(b.twoChannelSigmaDtPs(), b.sigmaTimePs(), 100 * b.relativeAmplitude(), model, coloured);
    }

    private static BenchmarkPoint evaluate(Dataset data, MethodRegistry.PulseModel model, CrlbSummary crlb,
                                           Double snrTarget, List<String> methodNames, NeuralModel network, String label) {
        List<Method> methods = MethodRegistry.create(methodNames, model, network);
        double snrMeasured = SnrMeter.measure(data).db();
        try (ProgressBar bar = new ProgressBar(label + " estimate", (long) data.events() * data.channels() * methods.size())) {
            LongConsumer progress = bar::set;
            return ResolutionBenchmark.evaluate(data, model.periodNs(), methods, crlb, snrTarget, snrMeasured, progress);
        }
    }

    /** What the estimators may know about the pulses of {@code c}, for windows of {@code samples}. */
    public static MethodRegistry.PulseModel pulseModel(SimulatorConfig c, int samples) {
        return new MethodRegistry.PulseModel(c.shape(), c.samplePeriodNs(), samples, onsetNs(c), c.nominalAmplitudeCodes());
    }

    private static double onsetNs(SimulatorConfig c) {
        return c.onsetSample() * c.samplePeriodNs();
    }

    /**
     * The noise the estimators see: the Gaussian σ plus the ADC's rounding (uniform, variance 1/12 code²),
     * which the simulator adds on top of σ.
     */
    static double effectiveSigma(double gaussianSigmaCodes) {
        return Math.sqrt(gaussianSigmaCodes * gaussianSigmaCodes + 1.0 / 12);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
