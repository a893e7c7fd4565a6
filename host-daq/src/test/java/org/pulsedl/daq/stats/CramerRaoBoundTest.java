package org.pulsedl.daq.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.pulsedl.daq.sim.CrRcShape;
import org.pulsedl.daq.sim.PulseShape;

class CramerRaoBoundTest {
    static final PulseShape PDL2 = new CrRcShape(1, 16);
    static final double A = 0.7 * 4096;

    @Test
    void pdl2ReferenceValuesAt47p4dB() {
        CramerRaoBound b = CramerRaoBound.atSnrDb(PDL2, A, 47.4, 8, 32, 64);
        // REFERENCES §2: σΔt ≈ 59 ps, single ≈ 42 ps, σ_A/A ≈ 0.26 %.
        assertEquals(42, b.sigmaTimePs(), 1.5);
        assertEquals(59, b.twoChannelSigmaDtPs(), 2);
        assertEquals(0.26e-2, b.relativeAmplitude(), 0.01e-2);
        assertEquals(Math.sqrt(2) * b.sigmaTimePs(), b.twoChannelSigmaDtPs(), 1e-12);
        // σ = phase-averaged max sample / 10^(47.4/20); the broad CR-RC peak loses only ~1 % to sampling.
        double maxSample = CramerRaoBound.meanMaxSample(PDL2, A, 8, 32, 64, 256);
        assertEquals(maxSample / Math.pow(10, 47.4 / 20), b.noiseSigma(), 1e-12);
        assertEquals(0.99, maxSample / A, 0.01);
    }

    @Test
    void scalesLinearlyWithNoiseAndInverselyWithAmplitudeForTime() {
        CramerRaoBound a = CramerRaoBound.compute(PDL2, A, 10, 8, 32, 64, 64);
        CramerRaoBound b = CramerRaoBound.compute(PDL2, A, 20, 8, 32, 64, 64);
        CramerRaoBound c = CramerRaoBound.compute(PDL2, 2 * A, 10, 8, 32, 64, 64);
        assertEquals(2 * a.sigmaTimeNs(), b.sigmaTimeNs(), 1e-12);
        assertEquals(2 * a.relativeAmplitude(), b.relativeAmplitude(), 1e-12);
        assertEquals(a.sigmaTimeNs() / 2, c.sigmaTimeNs(), 1e-12);
        assertEquals(a.sigmaAmplitude(), c.sigmaAmplitude(), 1e-9);
    }

    @Test
    void onePhasePointMatchesAHandBuiltFisherMatrix() {
        // Rectangle-free check: build F for a single t0 directly and invert with Cramer's rule.
        double t0 = 64 + 4, sigma = 3, amp = 1000;
        double[][] j = new double[32][];
        for (int k = 0; k < 32; k++) j[k] = new double[] {PDL2.value(8 * k - t0), -amp * PDL2.derivative(8 * k - t0), 1};
        double[][] f = new double[3][3];
        for (double[] row : j) for (int r = 0; r < 3; r++) for (int c = 0; c < 3; c++) f[r][c] += row[r] * row[c] / (sigma * sigma);
        double det = f[0][0] * (f[1][1] * f[2][2] - f[1][2] * f[2][1]) - f[0][1] * (f[1][0] * f[2][2] - f[1][2] * f[2][0])
                + f[0][2] * (f[1][0] * f[2][1] - f[1][1] * f[2][0]);
        double invTT = (f[0][0] * f[2][2] - f[0][2] * f[2][0]) / det;
        double invAA = (f[1][1] * f[2][2] - f[1][2] * f[2][1]) / det;
        // One phase point sits at the midpoint of [onset, onset + T): t0 = 64 + 4.
        CramerRaoBound b = CramerRaoBound.compute(PDL2, amp, sigma, 8, 32, 64, 1);
        assertEquals(Math.sqrt(invTT), b.sigmaTimeNs(), 1e-12);
        assertEquals(Math.sqrt(invAA), b.sigmaAmplitude(), 1e-9);
    }

    @Test
    void rejectsInvalidInputs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CramerRaoBound.compute(PDL2, A, 0, 8, 32, 64, 64));
        assertEquals("noise sigma must be > 0 codes, got 0.0", e.getMessage());
    }
}
