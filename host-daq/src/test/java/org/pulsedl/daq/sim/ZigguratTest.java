package org.pulsedl.daq.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ZigguratTest {
    @Test
    void layersCloseAtTheTopOfTheCurve() {
        // The top layer, between f(x[255]) and f(0) = 1, must have the same area V as the others.
        double top = Ziggurat.X[255] * (1 - Ziggurat.F[255]);
        assertEquals(Ziggurat.V, top, 1e-9 * Ziggurat.V);
        // Base strip + tail: R·f(R) + ∫_R^∞ f = V; the tail integral by Simpson's rule.
        double tail = 0;
        int n = 20000;
        double h = 10.0 / n;
        for (int i = 0; i <= n; i++) {
            double x = Ziggurat.R + i * h;
            double w = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
            tail += w * Math.exp(-0.5 * x * x);
        }
        tail *= h / 3;
        assertEquals(Ziggurat.V, Ziggurat.R * Math.exp(-0.5 * Ziggurat.R * Ziggurat.R) + tail, 1e-12);
    }

    @Test
    void momentsAndTailsAreStandardNormal() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 2_000_000;
        double s1 = 0;
        double s2 = 0;
        double s4 = 0;
        int beyond2 = 0;
        int beyondR = 0;
        for (int i = 0; i < n; i++) {
            double z = Ziggurat.next(rnd);
            s1 += z;
            s2 += z * z;
            s4 += z * z * z * z;
            if (Math.abs(z) > 2) beyond2++;
            if (Math.abs(z) > Ziggurat.R) beyondR++;
        }
        assertEquals(0, s1 / n, 5 * Math.sqrt(1.0 / n));
        assertEquals(1, s2 / n, 5 * Math.sqrt(2.0 / n));
        assertEquals(3, s4 / n, 5 * Math.sqrt(96.0 / n));
        // P(|z| > 2) = 0.0455003, P(|z| > R) = 2.58e-4
        double p2 = 0.04550026389635842;
        assertEquals(p2, (double) beyond2 / n, 5 * Math.sqrt(p2 / n));
        double pR = 2.5807e-4;
        assertTrue(Math.abs((double) beyondR / n - pR) < 5 * Math.sqrt(pR / n), "tail fraction " + (double) beyondR / n);
    }

    @Test
    void histogramMatchesTheNormalDensity() {
        SplittableRandom rnd = new SplittableRandom(11);
        int n = 1_000_000;
        int bins = 80;
        double lo = -4;
        double w = 0.1;
        int[] h = new int[bins];
        for (int i = 0; i < n; i++) {
            int b = (int) Math.floor((Ziggurat.next(rnd) - lo) / w);
            if (b >= 0 && b < bins) h[b]++;
        }
        double chi2 = 0;
        for (int b = 0; b < bins; b++) {
            double x = lo + (b + 0.5) * w;
            // Bin probability by Simpson's rule on the density.
            double pdf = (f(x - w / 2) + 4 * f(x) + f(x + w / 2)) / 6 * w;
            double expected = n * pdf;
            chi2 += (h[b] - expected) * (h[b] - expected) / expected;
        }
        // 80 degrees of freedom: mean 80, sd 12.6; 140 is p ≈ 1e-4.
        assertTrue(chi2 < 140, "chi2 = " + chi2);
    }

    private static double f(double x) {
        return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }
}
