package org.pulsedl.daq.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A Gaussian line on a sloped background, drawn from a seed: the fit returns what was drawn. */
class LineFitTest {
    private static double[] draw(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[40_000];
        int i = 0;
        for (; i < 20_000; i++) v[i] = 1000 + 12 * gauss(rng);                  // the line
        for (; i < 40_000; i++) {                                                  // background rising to the right
            double x;
            do { x = 800 + 400 * rng.nextDouble(); } while (rng.nextDouble() > (x - 700) / 500);
            v[i] = x;
        }
        return v;
    }

    private static double gauss(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @Test
    void recoversCentroidWidthAndArea() {
        double[] v = draw(11);
        Histogram h = Histogram.of(v, 940, 1060, 60);
        LineFit f = LineFit.fit(h, 1000, 15, 60);
        assertEquals(1000, f.centroid(), 4 * f.centroidError() + 1e-9, f::toString);
        assertEquals(12, f.sigma(), 4 * f.sigmaError(), f::toString);
        // 20,000 drawn, and a 60-bin window of ±5σ holds all but 6e-7 of them
        assertEquals(20_000, f.area(), 4 * Math.sqrt(20_000) + 200, f::toString);
        assertTrue(f.slope() > 0, "the background rises: " + f);
        assertTrue(f.chi2PerNdf() < 2, f::toString);
        assertEquals(100 * 2.3548 * f.sigma() / f.centroid(), f.fwhmPct(), 1e-3);
    }

    @Test
    void peaksAreFoundHighestFirst() {
        double[] v = new double[30_000];
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < v.length; i++) {
            v[i] = i < 10_000 ? 300 + 5 * gauss(rng) : i < 15_000 ? 700 + 5 * gauss(rng) : 1000 * rng.nextDouble();
        }
        List<PeakFinder.Peak> peaks = PeakFinder.find(Histogram.of(v, 0, 1000, 500), 3);
        assertEquals(2, peaks.size(), peaks::toString);
        assertEquals(300, peaks.get(0).position(), 3);
        assertEquals(700, peaks.get(1).position(), 3);
        assertEquals(5, peaks.get(0).sigma(), 3);
    }
}
