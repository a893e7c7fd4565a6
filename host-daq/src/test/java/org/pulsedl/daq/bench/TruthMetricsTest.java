package org.pulsedl.daq.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The truth-based metrics on hand-made estimates, where every number can be checked by hand. */
class TruthMetricsTest {
    private static final int EVENTS = 160;

    /** Onsets at the centres of the 16 phase bins, ten events each, the same in both channels. */
    private static double[][] truthTimes() {
        double[][] t = new double[EVENTS][2];
        for (int ev = 0; ev < EVENTS; ev++) {
            double phase = (ev % 16 + 0.5) / 16;
            t[ev][0] = t[ev][1] = 64 + 8 * phase;
        }
        return t;
    }

    @Test
    void aStepBiasOverThePhaseIsFoundBinByBin() {
        double[][] truth = truthTimes();
        double[][] est = new double[EVENTS][2];
        for (int ev = 0; ev < EVENTS; ev++) {
            // a constant offset (removed as the mean) plus +20 ps in the first half of the sample period, −20 ps after
            double bias = (ev % 16) < 8 ? 0.020 : -0.020;
            est[ev][0] = est[ev][1] = truth[ev][0] + 0.5 + bias;
        }
        TruthMetrics m = TruthMetrics.of(est, null, new Truth(truth, null, 8));
        double[] expected = new double[16];
        for (int b = 0; b < 16; b++) expected[b] = b < 8 ? 20 : -20;
        assertArrayEquals(expected, m.phaseBiasPs(), 1e-6);
        assertEquals(20, m.phaseBiasRmsPs(), 1e-6);
        assertEquals(20, m.phaseBiasMaxPs(), 1e-6);
        // ±20 ps in equal numbers: sample σ = 20·√(N/(N−1)) per channel
        assertArrayEquals(new double[] {20 * Math.sqrt(160.0 / 159), 20 * Math.sqrt(160.0 / 159)}, m.sigmaTruthPs(), 1e-6);
        assertNull(m.energyBiasPct());
    }

    @Test
    void energyLinearityOfALineIsItsSlopeWithNoDeviation() {
        double[] amplitude = new double[EVENTS];
        double[][] e = new double[EVENTS][2];
        for (int ev = 0; ev < EVENTS; ev++) {
            amplitude[ev] = 100 + 900.0 * ev / (EVENTS - 1);
            e[ev][0] = e[ev][1] = 1.02 * amplitude[ev] + 5;
        }
        TruthMetrics m = TruthMetrics.of(null, e, new Truth(null, amplitude, 8));
        assertEquals(1.02, m.energySlope(), 1e-12);
        assertEquals(0, m.energyLinearityPct(), 1e-9);
        assertNull(m.phaseBiasRmsPs());
    }

    @Test
    void aCurvedResponseShowsItsLargestDeviationFromTheLine() {
        double[] amplitude = new double[EVENTS];
        double[][] e = new double[EVENTS][1];
        for (int ev = 0; ev < EVENTS; ev++) {
            amplitude[ev] = 100 + 900.0 * ev / (EVENTS - 1);
            e[ev][0] = amplitude[ev] * (1 - 1e-4 * amplitude[ev]);   // 10 % compression at the top
        }
        TruthMetrics m = TruthMetrics.of(null, e, new Truth(null, amplitude, 8));
        // Independently: the least-squares line in centred form, then the 10 amplitude bins of exactly 16
        // events each (event k·16 … k·16 + 15), and the largest relative deviation of a bin mean from the line.
        double mx = 0, my = 0;
        for (int ev = 0; ev < EVENTS; ev++) { mx += amplitude[ev] / EVENTS; my += e[ev][0] / EVENTS; }
        double sxy = 0, sxx = 0;
        for (int ev = 0; ev < EVENTS; ev++) { sxy += (amplitude[ev] - mx) * (e[ev][0] - my); sxx += Math.pow(amplitude[ev] - mx, 2); }
        double slope = sxy / sxx, intercept = my - slope * mx, worst = 0;
        for (int bin = 0; bin < 10; bin++) {
            double x = 0, y = 0;
            for (int ev = 16 * bin; ev < 16 * bin + 16; ev++) { x += amplitude[ev] / 16; y += e[ev][0] / 16; }
            worst = Math.max(worst, Math.abs(y / (slope * x + intercept) - 1));
        }
        assertEquals(slope, m.energySlope(), 1e-9);
        assertEquals(100 * worst, m.energyLinearityPct(), 1e-9);
        assertEquals(true, worst > 0.005, "a 10 % compression is far from linear");
    }

    @Test
    void aFixedAmplitudeHasABiasButNoLinearity() {
        double[] amplitude = new double[EVENTS];
        double[][] e = new double[EVENTS][2];
        for (int ev = 0; ev < EVENTS; ev++) {
            amplitude[ev] = 2867;
            e[ev][0] = 2867 * 1.06;
            e[ev][1] = 2867 * 1.06;
        }
        TruthMetrics m = TruthMetrics.of(null, e, new Truth(null, amplitude, 8));
        assertEquals(6, m.energyBiasPct(), 1e-9);
        assertNull(m.energySlope());
        assertNull(m.energyLinearityPct());
    }
}
