package org.pulsedl.daq.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SampleStatsTest {
    @Test
    void knownData() {
        SampleStats s = SampleStats.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9});
        assertEquals(8, s.n());
        assertEquals(0, s.nanCount());
        assertEquals(5.0, s.mean(), 1e-15);
        assertEquals(Math.sqrt(32.0 / 7), s.sigma(), 1e-14);
        assertEquals(s.sigma() / Math.sqrt(14), s.sigmaError(), 1e-15);
        assertEquals(s.sigma() / Math.sqrt(8), s.meanError(), 1e-15);
        assertEquals(2.3548200450309493 * s.sigma(), s.fwhmFromSigma(), 1e-12);
        assertEquals(s.sigma() / 5, s.relativeSigma(), 1e-15);
    }

    @Test
    void nanValuesAreCountedAndExcluded() {
        SampleStats s = SampleStats.of(new double[] {Double.NaN, 1, 2, Double.POSITIVE_INFINITY, 3, Double.NaN});
        assertEquals(3, s.n());
        assertEquals(3, s.nanCount());
        assertEquals(2.0, s.mean(), 1e-15);
        assertEquals(1.0, s.sigma(), 1e-15);
        assertEquals(0.5, s.nanFraction(), 1e-15);
    }

    @Test
    void largeOffsetDoesNotLoseThePrecision() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) v[i] = 1e9 + (i % 2 == 0 ? 1e-3 : -1e-3);
        SampleStats s = SampleStats.of(v);
        // values at 1e9 are only representable to ~1e-7; a naive Σx² − N·mean² would lose everything
        assertEquals(1e-3 * Math.sqrt(1000.0 / 999), s.sigma(), 1e-7);
    }

    @Test
    void emptyAndSingleValue() {
        assertTrue(Double.isNaN(SampleStats.of(new double[] {Double.NaN}).mean()));
        SampleStats one = SampleStats.of(new double[] {4});
        assertEquals(4, one.mean());
        assertTrue(Double.isNaN(one.sigma()));
    }
}
