package org.pulsedl.daq.gui;

import org.pulsedl.daq.stats.Histogram;

/**
 * Aggregates a histogram's bins for drawing: neighbouring bins are summed until at most {@code maxBins} remain,
 * since a chart a few hundred pixels wide cannot show more and drawing time grows with the bars. The fits use
 * the full bins; only the picture is coarser.
 */
final class DisplayBins {
    private DisplayBins() {}

    static Histogram merge(Histogram h, int maxBins) {
        if (h.bins() <= maxBins) return h;
        int factor = (h.bins() + maxBins - 1) / maxBins;
        int n = h.bins() / factor;   // whole groups only; the leftover top bins go to the overflow
        long[] out = new long[n];
        long over = h.overflow();
        for (int i = 0; i < h.bins(); i++) {
            if (i / factor < n) {
                out[i / factor] += h.count(i);
            } else {
                over += h.count(i);
            }
        }
        return Histogram.ofCounts(h.lo(), h.lo() + n * factor * h.binWidth(), out, h.underflow(), over);
    }
}
