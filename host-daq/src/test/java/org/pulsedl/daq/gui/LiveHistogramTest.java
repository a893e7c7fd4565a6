package org.pulsedl.daq.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pulsedl.daq.stats.GaussianFit;
import org.pulsedl.daq.stats.Histogram;
import org.pulsedl.quantizer.testing.TestSeed;

/** The live histogram bins exactly like {@link Histogram#of} over the range it learnt, keeps every warm-up value, and resets. */
class LiveHistogramTest {
    @Test
    void binsEveryValueLikeTheBatchHistogram() {
        long seed = TestSeed.of("LiveHistogramTest", 77);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = new double[50_000];
        for (int i = 0; i < v.length; i++) v[i] = 40 + 60 * gauss(rnd) + (i % 1000 == 0 ? 5000 : 0);   // rare far outliers
        LiveHistogram live = new LiveHistogram(120, 2000, LiveHistogram.centred(8));
        for (int i = 0; i < LiveHistogram.PROVISIONAL_MIN - 1; i++) live.add(v[i]);
        assertNull(live.snapshot(), "too few values for a histogram");
        for (int i = LiveHistogram.PROVISIONAL_MIN - 1; i < 1999; i++) live.add(v[i]);
        Histogram early = live.snapshot();
        double[] first = Arrays.copyOf(v, 1999);
        Arrays.sort(first);
        double[] range = LiveHistogram.centred(8).range(first);
        assertEquals(range[0], early.lo(), "before the warm-up is complete: the range the values so far give");
        assertEquals(1999, early.total(), "and every value so far");
        Histogram earlyReference = Histogram.of(first, range[0], range[1], 120);
        for (int i = 0; i < early.bins(); i++) assertEquals(earlyReference.count(i), early.count(i), "provisional bin " + i);
        live.add(Double.NaN);   // not finite: ignored
        for (int i = 1999; i < v.length; i++) live.add(v[i]);
        Histogram h = live.snapshot();
        assertNotNull(h);
        assertEquals(v.length, live.entries());
        Histogram reference = Histogram.of(v, h.lo(), h.hi(), h.bins());
        for (int i = 0; i < h.bins(); i++) assertEquals(reference.count(i), h.count(i), "bin " + i);
        assertEquals(reference.underflow() + reference.overflow(), h.underflow() + h.overflow());
        assertEquals(v.length, h.total(), "every value is in a bin or an overflow");
        assertTrue(h.overflow() >= 50, "the outliers went to the overflow, not into the range: " + h.overflow());
        // The range is the median ± 8 robust σ (σ = 60): the outliers did not widen it.
        assertEquals(2 * 8 * 60, h.hi() - h.lo(), 60);
        GaussianFit f = GaussianFit.fit(h);
        assertEquals(60, f.sigma(), 2, "σ of the fitted live histogram");
        assertEquals(40, f.mean(), 2);
        live.reset();
        assertNull(live.snapshot());
        assertEquals(0, live.entries());
    }

    @Test
    void energyRangeStartsAtZeroWithHeadroom() {
        LiveHistogram live = new LiveHistogram(100, 100, LiveHistogram.fromZero(1.3));
        for (int i = 1; i <= 100; i++) live.add(1000 + i);
        Histogram h = live.snapshot();
        assertEquals(0, h.lo());
        assertEquals(1.3 * (1000 + 1 + 0.999 * 99), h.hi(), 1e-9);
        assertEquals(100, h.inRange());
    }

    static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
