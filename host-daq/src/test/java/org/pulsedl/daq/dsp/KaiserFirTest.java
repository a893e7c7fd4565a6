package org.pulsedl.daq.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KaiserFirTest {
    /** I0 by its series with terms from log-factorials: an independent route to the same function. */
    static double seriesI0(double x) {
        if (x == 0) return 1;
        double sum = 0;
        for (int k = 0; k < 60; k++) {
            double logFact = 0;
            for (int i = 2; i <= k; i++) logFact += Math.log(i);
            sum += Math.exp(2 * (k * Math.log(x / 2) - logFact));
        }
        return sum;
    }

    @Test
    void besselI0KnownValues() {
        assertEquals(1.0, KaiserFir.besselI0(0), 0);
        assertEquals(1.2660658777520082, KaiserFir.besselI0(1), 1e-15);
        assertEquals(seriesI0(8.6), KaiserFir.besselI0(8.6), 1e-12 * seriesI0(8.6));
        assertEquals(seriesI0(3.3), KaiserFir.besselI0(3.3), 1e-13 * seriesI0(3.3));
    }

    @Test
    void kaiserWindowIsSymmetricWithUnitCentreAndKnownEnds() {
        double[] w = KaiserFir.kaiserWindow(28, 8.6);
        assertEquals(1 / seriesI0(8.6), w[0], 1e-15);
        for (int n = 0; n < 28; n++) assertEquals(w[n], w[27 - n], 1e-15);
        double r = 1.0 / 27;   // the two centre points sit half a sample off the middle
        assertEquals(KaiserFir.besselI0(8.6 * Math.sqrt(1 - r * r)) / KaiserFir.besselI0(8.6), w[13], 1e-15);
    }

    @Test
    void sincCfdTapsAreTheWindowedSincWithGainFour() {
        double[] h = SincCfdTimer.taps();
        assertEquals(28, h.length);
        double sum = 0, raw = 0;
        double[] expect = new double[28];
        for (int n = 0; n < 28; n++) {
            double m = (n - 13.5) / 4;
            double r = 2.0 * n / 27 - 1;
            expect[n] = 0.25 * Math.sin(Math.PI * m) / (Math.PI * m) * seriesI0(8.6 * Math.sqrt(1 - r * r)) / seriesI0(8.6);
            raw += expect[n];
            sum += h[n];
        }
        assertEquals(4.0, sum, 1e-13);
        for (int n = 0; n < 28; n++) assertEquals(4 * expect[n] / raw, h[n], 1e-13);
        assertEquals(1.0, raw, 0.01);   // the unscaled windowed sinc already has DC gain ≈ 1
    }
}
