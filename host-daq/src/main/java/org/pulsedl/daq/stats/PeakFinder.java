package org.pulsedl.daq.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the lines of a spectrum: local maxima of the histogram smoothed by a 5-bin triangular kernel that
 * stand out from the valleys on both sides by more than {@value #MIN_SIGNIFICANCE} Poisson σ of their
 * height, with a start width from the half-maximum crossings. Highest first.
 */
public final class PeakFinder {
    static final double MIN_SIGNIFICANCE = 5;
    private static final double[] KERNEL = {1, 2, 3, 2, 1};

    /** A candidate line: position, height (smoothed counts per bin) and a σ estimate from its FWHM. */
    public record Peak(double position, double height, double sigma) {}

    private PeakFinder() {}

    public static List<Peak> find(Histogram h, int maxPeaks) {
        int nb = h.bins();
        double[] s = new double[nb];
        double kSum = 9;
        for (int i = 0; i < nb; i++) {
            double acc = 0;
            for (int j = -2; j <= 2; j++) {
                int k = Math.min(nb - 1, Math.max(0, i + j));
                acc += KERNEL[j + 2] * h.count(k);
            }
            s[i] = acc / kSum;
        }
        List<Peak> peaks = new ArrayList<>();
        for (int i = 0; i < nb; i++) {
            if (s[i] <= 0 || (i > 0 && s[i - 1] >= s[i]) || (i < nb - 1 && s[i + 1] > s[i])) continue;
            double leftMin = s[i], rightMin = s[i];
            int l = i, r = i;
            while (l > 0 && s[l - 1] <= s[l]) leftMin = s[--l];
            while (r < nb - 1 && s[r + 1] <= s[r]) rightMin = s[++r];
            double rise = s[i] - Math.max(leftMin, rightMin);
            if (rise < MIN_SIGNIFICANCE * Math.sqrt(s[i])) continue;
            double half = 0.5 * (s[i] + Math.max(leftMin, rightMin));
            int a = i, b = i;
            while (a > l && s[a] > half) a--;
            while (b < r && s[b] > half) b++;
            double fwhm = Math.max(b - a, 1) * h.binWidth();
            peaks.add(new Peak(h.binCenter(i), s[i], fwhm / SampleStats.FWHM_PER_SIGMA));
        }
        peaks.sort(Comparator.comparingDouble(Peak::height).reversed());
        return peaks.size() > maxPeaks ? List.copyOf(peaks.subList(0, maxPeaks)) : List.copyOf(peaks);
    }
}
