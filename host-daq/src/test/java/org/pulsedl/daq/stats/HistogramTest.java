package org.pulsedl.daq.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HistogramTest {
    @Test
    void fixedBinsWithUnderOverflowAndNan() {
        Histogram h = Histogram.of(new double[] {-1, 0, 0.5, 0.99, 1, 2.5, 3, 7, Double.NaN}, 0, 3, 3);
        assertArrayEquals(new long[] {3, 1, 1}, h.counts());
        assertEquals(1, h.underflow());
        assertEquals(2, h.overflow());
        assertEquals(1, h.nanCount());
        assertEquals(5, h.inRange());
        assertEquals(1.5, h.binCenter(1), 1e-15);
    }

    @Test
    void autoRangeIsMeanPlusMinusFiveSigmaWithFreedmanDiaconisBins() {
        SplittableRandom rng = new SplittableRandom(7);
        double[] v = new double[20000];
        for (int i = 0; i < v.length; i++) v[i] = 10 + 2 * GaussianFitTest.gaussian(rng);
        Histogram h = Histogram.auto(v);
        SampleStats s = SampleStats.of(v);
        assertEquals(s.mean() - 5 * s.sigma(), h.lo(), 1e-9);
        assertEquals(s.mean() + 5 * s.sigma(), h.hi(), 1e-9);
        // FD width 2·IQR·N^(−1/3) ≈ 2·1.349·2/27.1 ≈ 0.199 → ≈ 100 bins over 10σ
        assertTrue(h.bins() > 90 && h.bins() < 112, "bins " + h.bins());
    }

    @Test
    void rejectsBadRange() {
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[] {1}, 1, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> Histogram.auto(new double[] {1, Double.NaN}));
    }
}
