package org.pulsedl.daq.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pulsedl.quantizer.testing.TestSeed;

class GaussianFitTest {
    static final long SEED = TestSeed.of("GaussianFitTest", 20240611L);

    static double gaussian(SplittableRandom rng) {
        double u, v, q;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            q = u * u + v * v;
        } while (q >= 1 || q == 0);
        return u * Math.sqrt(-2 * Math.log(q) / q);
    }

    static double[] draws(int n, double mean, double sigma, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = mean + sigma * gaussian(rng);
        return v;
    }

    @Test
    void recoversMeanAndSigmaOf20000DrawsWithinStatisticalError() {
        for (long seed = SEED; seed < SEED + 5; seed++) {
            GaussianFit f = GaussianFit.fit(draws(20000, 3.0, 0.5, seed));
            String msg = "seed " + seed + " (rerun with -D" + TestSeed.PROPERTY + "=" + SEED + "): " + f;
            assertEquals(3.0, f.mean(), 3.5 * f.meanError(), msg);
            assertEquals(0.5, f.sigma(), 3.5 * f.sigmaError(), msg);
            // Errors are the Poisson-ML ones: ≈ σ/√N and σ/√(2N).
            assertEquals(0.5 / Math.sqrt(20000), f.meanError(), 0.1 * f.meanError(), msg);
            assertEquals(0.5 / Math.sqrt(40000), f.sigmaError(), 0.1 * f.sigmaError(), msg);
            assertEquals(20000, f.normalisation(), 5 * Math.sqrt(20000), msg);
            assertTrue(f.chi2PerNdf() > 0.6 && f.chi2PerNdf() < 1.5, msg);
            assertEquals(2.3548200450309493 * f.sigma(), f.fwhm(), 1e-12);
        }
    }

    @Test
    void chi2PerNdfAveragesToOne() {
        double sum = 0;
        int runs = 20;
        for (int r = 0; r < runs; r++) sum += GaussianFit.fit(draws(5000, -1, 2, SEED + 100 + r)).chi2PerNdf();
        assertEquals(1.0, sum / runs, 0.1);
    }

    @Test
    void smallSamplesStillFit() {
        for (long seed = SEED; seed < SEED + 20; seed++) {
            GaussianFit f = GaussianFit.fit(draws(30, 0, 1, seed));
            assertTrue(Double.isFinite(f.sigma()) && f.sigma() > 0.3 && f.sigma() < 2, "seed " + seed + ": " + f);
            assertEquals(0, f.mean(), 5 * f.meanError(), "seed " + seed);
        }
    }

    @Test
    void refusesFewerThanTenEntries() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GaussianFit.fit(Histogram.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 0, 10, 10)));
        assertEquals("Gaussian fit needs at least 10 entries in the histogram range, got 9", e.getMessage());
    }

    @Test
    void normalCdfIsAccurate() {
        assertEquals(0.5, GaussianFit.normalCdf(0), 1e-7);
        assertEquals(0.8413447460685429, GaussianFit.normalCdf(1), 1e-7);
        assertEquals(0.022750131948179195, GaussianFit.normalCdf(-2), 1e-8);
    }
}
