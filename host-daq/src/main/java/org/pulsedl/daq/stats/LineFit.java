package org.pulsedl.daq.stats;

/**
 * A spectral line: a Gaussian on a linear background, fitted by Poisson maximum likelihood ({@link PoissonFit})
 * to the histogram bins inside a window around the line. The background is counts per bin,
 * {@code a + b·(x − x_ref)} at the bin centre, with x_ref the window's centre.
 *
 * @param area        counts in the Gaussian
 * @param centroid    fitted mean
 * @param sigma       fitted σ
 * @param centroidError 1-σ error of the centroid
 * @param sigmaError  1-σ error of σ
 * @param background  background counts per bin at the centroid
 * @param slope       background slope, counts per bin per unit of x
 * @param chi2        Baker–Cousins χ² at the minimum
 * @param ndf         bins in the window − 5
 */
public record LineFit(double area, double centroid, double sigma, double centroidError, double sigmaError,
                      double background, double slope, double chi2, int ndf) {
    private static final int PARAMS = 5;

    public double fwhm() { return SampleStats.FWHM_PER_SIGMA * sigma; }

    /** FWHM relative to the centroid, %: the energy resolution at this line. */
    public double fwhmPct() { return 100 * fwhm() / centroid; }

    public double chi2PerNdf() { return ndf > 0 ? chi2 / ndf : Double.NaN; }

    /**
     * Fits the line near {@code centre} with start width {@code sigma0} over the bins within
     * {@code centre ± halfWidth}.
     *
     * @throws IllegalArgumentException when the window holds fewer than 8 bins or too few counts
     */
    public static LineFit fit(Histogram h, double centre, double sigma0, double halfWidth) {
        int first = Math.max(0, (int) Math.floor((centre - halfWidth - h.lo()) / h.binWidth()));
        int last = Math.min(h.bins() - 1, (int) Math.floor((centre + halfWidth - h.lo()) / h.binWidth()));
        int nb = last - first + 1;
        if (nb < PARAMS + 3) throw new IllegalArgumentException("line fit needs at least 8 bins in its window, got " + nb);
        double[] n = new double[nb], edges = new double[nb + 1], xc = new double[nb];
        double total = 0;
        for (int i = 0; i < nb; i++) {
            n[i] = h.count(first + i);
            total += n[i];
            edges[i] = h.binLow(first + i);
            xc[i] = h.binCenter(first + i);
        }
        edges[nb] = h.binLow(last + 1);
        if (total < GaussianFit.MIN_ENTRIES) throw new IllegalArgumentException("line fit needs at least "
                + GaussianFit.MIN_ENTRIES + " counts in its window, got " + (long) total);
        double ref = 0.5 * (edges[0] + edges[nb]);
        // Start: background from the window's edge bins, the rest in the Gaussian.
        double edge = 0.5 * (n[0] + n[nb - 1]);
        double area0 = Math.max(total - edge * nb, 0.5 * total);
        double[] gauss = new double[nb], dgauss = new double[3 * nb];
        PoissonFit.Model model = (p, mu, dmu) -> {
            if (!(p[0] > 0 && p[2] > 0)) return false;
            GaussianFit.gaussian(p, edges, gauss, dgauss, 3, 0);
            for (int i = 0; i < nb; i++) {
                double bg = p[3] + p[4] * (xc[i] - ref);
                mu[i] = gauss[i] + bg;
                if (!(mu[i] > 0)) return false;
                System.arraycopy(dgauss, 3 * i, dmu, PARAMS * i, 3);
                dmu[PARAMS * i + 3] = 1;
                dmu[PARAMS * i + 4] = xc[i] - ref;
            }
            return true;
        };
        PoissonFit.Result r = PoissonFit.minimise(model, new double[] {area0, centre, sigma0, Math.max(edge, 0.5), 0}, n);
        double[] p = r.params(), e = r.errors();
        return new LineFit(p[0], p[1], p[2], e[1], e[2], p[3] + p[4] * (p[1] - ref), p[4], r.chi2(), nb - PARAMS);
    }
}
