package org.pulsedl.daq.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pulsedl.daq.sim.NoiseSpec;
import org.pulsedl.daq.sim.PulseSimulator;
import org.pulsedl.daq.sim.SimulatorConfig;
import org.pulsedl.daq.stats.CramerRaoBound;
import org.pulsedl.quantizer.data.Dataset;

/**
 * A capture with no recorded model, made from pulses whose model is known: the estimated template, noise and
 * bound must come out as the known ones (issue 9: "the estimated template and the coloured-noise bound on a
 * case with a known answer").
 */
class EstimatedPulseModelTest {
    private static final SimulatorConfig PDL2 = SimulatorConfig.pdl2();

    /** The windows only, as a digitiser writes them: no labels, no attributes. */
    private static Dataset capture(Dataset d) {
        return new Dataset(d.waveforms(), List.of(), new double[d.events()][0], Map.of());
    }

    private static CramerRaoBound exact(double[] autocovariance) {
        return CramerRaoBound.computeColoured(PDL2.shape(), PDL2.nominalAmplitudeCodes(), autocovariance, 8, 32, 64, 256);
    }

    @Test
    void whiteNoiseGivesTheExactBoundAndNoColouredOne() {
        Dataset d = capture(PulseSimulator.generate(PDL2, 4000));
        EstimatedPulseModel m = EstimatedPulseModel.of(d, 8);
        double sigma = BenchmarkRun.effectiveSigma(PDL2.noiseSigmaCodes());
        assertEquals(sigma, m.noiseSigma(), 0.02 * sigma);
        assertEquals(PDL2.nominalAmplitudeCodes(), m.amplitude(), 0.005 * PDL2.nominalAmplitudeCodes());
        assertTrue(!BenchmarkRun.isColoured(m), () -> "white noise measured as coloured: " + java.util.Arrays.toString(m.correlation()));
        CramerRaoBound est = CramerRaoBound.compute(m.shape(), m.amplitude(), m.noiseSigma(), 8, 32, m.onsetNs(), 256);
        CramerRaoBound truth = exact(new double[] {sigma * sigma});
        assertEquals(truth.sigmaTimePs(), est.sigmaTimePs(), 0.03 * truth.sigmaTimePs());
        assertEquals(truth.relativeAmplitude(), est.relativeAmplitude(), 0.03 * truth.relativeAmplitude());

        BenchmarkPoint p = BenchmarkRun.estimated(d, m, 8, List.of("template_fit"), null, "test");
        assertEquals("estimated", p.crlb().model());
        assertNull(p.crlb().colouredNoise());
        MethodResult fit = p.methods().get(0);
        assertTrue(fit.sigmaDtPs() < 1.10 * p.crlb().sigmaDtPs(), "template fit with the estimated template: " + fit);
        assertTrue(fit.energyResPct() < 1.10 * p.crlb().sigmaARelPct(), "energy with the estimated template: " + fit);
    }

    @Test
    void ar1NoiseIsMeasuredAndItsCovarianceBoundMatchesTheTrueOne() {
        // Pulses with (almost) no noise of their own, plus AR(1) noise of known σ and lag-1 correlation ρ.
        double sigma = 12, rho = 0.6;
        Dataset clean = PulseSimulator.generate(PDL2.withNoise(new NoiseSpec.Sigma(1e-6)), 4000);
        SplittableRandom rng = new SplittableRandom(23);
        short[][][] w = new short[clean.events()][clean.channels()][];
        double innovation = sigma * Math.sqrt(1 - rho * rho);
        for (int ev = 0; ev < w.length; ev++) {
            for (int c = 0; c < w[ev].length; c++) {
                short[] x = clean.waveform(ev, c).clone();
                double n = sigma * gauss(rng);
                for (int k = 0; k < x.length; k++) {
                    if (k > 0) n = rho * n + innovation * gauss(rng);
                    x[k] = (short) Math.round(x[k] + n);
                }
                w[ev][c] = x;
            }
        }
        Dataset d = new Dataset(w, List.of(), new double[w.length][0], Map.of());
        EstimatedPulseModel m = EstimatedPulseModel.of(d, 8);
        assertEquals(rho, m.correlation()[0], 0.05, () -> java.util.Arrays.toString(m.correlation()));
        assertEquals(rho * rho, m.correlation()[1], 0.06);
        assertTrue(BenchmarkRun.isColoured(m));

        BenchmarkPoint p = BenchmarkRun.estimated(d, m, 8, List.of("template_fit"), null, "test");
        CrlbSummary coloured = p.crlb().colouredNoise();
        assertNotNull(coloured);
        double[] trueCov = new double[32];
        for (int j = 0; j < 32; j++) trueCov[j] = (sigma * sigma + 1.0 / 12 * (j == 0 ? 1 : 0)) * Math.pow(rho, j);
        CramerRaoBound truth = exact(trueCov);
        // The estimate sees the covariance only up to the pre-trigger length (9 lags; ρ^9 = 1 %), so allow 6 %.
        assertEquals(truth.twoChannelSigmaDtPs(), coloured.sigmaDtPs(), 0.06 * truth.twoChannelSigmaDtPs(),
                () -> "coloured " + coloured + " vs true " + truth.twoChannelSigmaDtPs());
        assertTrue(Math.abs(coloured.sigmaDtPs() - p.crlb().sigmaDtPs()) > 0.05 * p.crlb().sigmaDtPs(),
                "correlated noise changes the bound: white " + p.crlb().sigmaDtPs() + " vs coloured " + coloured.sigmaDtPs());
    }

    @Test
    void theColouredBoundOfWhiteNoiseIsTheWhiteBound() {
        CramerRaoBound white = CramerRaoBound.compute(PDL2.shape(), 2866.5, 12.2, 8, 32, 64, 256);
        CramerRaoBound coloured = exact(new double[] {12.2 * 12.2});
        assertEquals(white.sigmaTimeNs(), coloured.sigmaTimeNs(), 1e-12 * white.sigmaTimeNs());
        assertEquals(white.sigmaAmplitude(), coloured.sigmaAmplitude(), 1e-9);
        assertEquals(white.sigmaBaseline(), coloured.sigmaBaseline(), 1e-9);
    }

    private static double gauss(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
