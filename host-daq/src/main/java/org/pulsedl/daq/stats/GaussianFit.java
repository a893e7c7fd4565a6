package org.pulsedl.daq.stats;

/**
 * Maximum-likelihood fit of a Gaussian to histogram counts with Poisson statistics. The expected count of bin
 * i is the Gaussian <em>integrated over the bin</em>, {@code μ_i = N·[Φ((hi_i − m)/σ) − Φ((lo_i − m)/σ)]}, so wide
 * bins (small samples) do not inflate σ. The likelihood-ratio χ² of Baker & Cousins,
 * {@code χ²_λ = 2 Σ [μ_i − n_i + n_i ln(n_i/μ_i)]}, is minimised by Levenberg–Marquardt on Fisher scoring
 * (Hessian ≈ 2 Σ ∂μ∂μᵀ/μ); unlike Neyman's χ² it is unbiased for low-count bins and is itself the
 * goodness-of-fit statistic (≈ χ²(ndf) for a good fit). Errors are from the inverse Fisher matrix.
 * The fit range is all bins from the first to the last non-empty one; ndf = that count − 3.
 *
 * @param normalisation fitted total count N (entries the Gaussian would put on the whole real line)
 * @param mean          fitted mean m
 * @param sigma         fitted σ
 * @param normError     1-σ error of N
 * @param meanError     1-σ error of m
 * @param sigmaError    1-σ error of σ
 * @param chi2          Baker–Cousins likelihood-ratio χ² at the minimum
 * @param ndf           degrees of freedom
 * @param iterations    LM iterations used
 */
public record GaussianFit(double normalisation, double mean, double sigma, double normError, double meanError,
                          double sigmaError, double chi2, int ndf, int iterations) {

    /** Fewest entries in range a fit is attempted for. */
    public static final int MIN_ENTRIES = 10;

    /** FWHM of the fitted Gaussian, 2.355·σ ("from the Gaussian fit"). */
    public double fwhm() { return SampleStats.FWHM_PER_SIGMA * sigma; }

    public double fwhmError() { return SampleStats.FWHM_PER_SIGMA * sigmaError; }

    public double chi2PerNdf() { return ndf > 0 ? chi2 / ndf : Double.NaN; }

    /** Histograms {@code data} automatically ({@link Histogram#auto}) and fits it. */
    public static GaussianFit fit(double[] data) {
        return fit(Histogram.auto(data));
    }

    /**
     * Fits the histogram.
     *
     * @throws IllegalArgumentException if fewer than {@value #MIN_ENTRIES} entries are in range, or the
     *                                  entries occupy fewer than 4 bins (3 parameters need ndf ≥ 1)
     */
    public static GaussianFit fit(Histogram h) {
        long total = h.inRange();
        if (total < MIN_ENTRIES) throw new IllegalArgumentException(
                "Gaussian fit needs at least " + MIN_ENTRIES + " entries in the histogram range, got " + total);
        int first = 0, last = h.bins() - 1;
        while (h.count(first) == 0) first++;
        while (h.count(last) == 0) last--;
        int nb = last - first + 1;
        if (nb < 4) throw new IllegalArgumentException(
                "Gaussian fit needs entries in at least 4 bins (3 parameters + 1 ndf), got " + nb + " bins");
        double[] n = new double[nb], edges = new double[nb + 1];
        for (int i = 0; i < nb; i++) { n[i] = h.count(first + i); edges[i] = h.binLow(first + i); }
        edges[nb] = h.binLow(last + 1);

        // Start from the moments of the binned data.
        double s0 = 0, s1 = 0, s2 = 0;
        for (int i = 0; i < nb; i++) {
            double x = 0.5 * (edges[i] + edges[i + 1]);
            s0 += n[i]; s1 += n[i] * x; s2 += n[i] * x * x;
        }
        double m0 = s1 / s0;
        double sg0 = Math.sqrt(Math.max(s2 / s0 - m0 * m0, 0) + h.binWidth() * h.binWidth() / 12);
        PoissonFit.Result r = PoissonFit.minimise((q, mu, dmu) -> q[2] > 0 && q[0] > 0 && gaussian(q, edges, mu, dmu, 3, 0),
                new double[] {s0, m0, sg0}, n);
        double[] p = r.params(), e = r.errors();
        return new GaussianFit(p[0], p[1], p[2], e[0], e[1], e[2], r.chi2(), nb - 3, r.iterations());
    }

    /**
     * Expected counts of a Gaussian (N, m, σ) = {@code p[0..2]} integrated over each bin, written into
     * {@code mu} and the derivatives into {@code dmu[k·i + offset + 0..2]} of a k-parameter model.
     */
    static boolean gaussian(double[] p, double[] edges, double[] mu, double[] dmu, int k, int offset) {
        double norm = p[0], m = p[1], s = p[2];
        int nb = mu.length;
        double zPrev = (edges[0] - m) / s, cdfPrev = normalCdf(zPrev), pdfPrev = normalPdf(zPrev);
        for (int i = 0; i < nb; i++) {
            double z = (edges[i + 1] - m) / s, cdf = normalCdf(z), pdf = normalPdf(z);
            double prob = Math.max(cdf - cdfPrev, 0);
            mu[i] = norm * prob;
            dmu[k * i + offset] = prob;
            dmu[k * i + offset + 1] = -norm * (pdf - pdfPrev) / s;
            dmu[k * i + offset + 2] = -norm * (z * pdf - zPrev * pdfPrev) / s;
            zPrev = z; cdfPrev = cdf; pdfPrev = pdf;
        }
        return true;
    }

    static double normalPdf(double z) { return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI); }

    /**
     * Standard normal CDF via the complementary error function, with the Chebyshev-fitted erfc of
     * Press et al., Numerical Recipes §6.2 (fractional error < 1.2e-7 everywhere) — ample for bin contents.
     */
    static double normalCdf(double z) {
        double x = z / Math.sqrt(2);
        double ax = Math.abs(x);
        double t = 1 / (1 + 0.5 * ax);
        double erfc = t * Math.exp(-ax * ax - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
    }
}
