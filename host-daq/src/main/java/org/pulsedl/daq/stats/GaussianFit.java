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
    private static final int MAX_ITERATIONS = 200;

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
        double[] p = {s0, m0, sg0};
        double[] mu = new double[nb], dmu = new double[3 * nb];
        double cost = evaluate(p, edges, n, mu, dmu);
        double lambda = 1e-3;
        int it = 0;
        double[] hess = new double[9], grad = new double[3], trial = new double[3];
        double[] muT = new double[nb], dmuT = new double[3 * nb];
        for (; it < MAX_ITERATIONS; it++) {
            fisher(mu, dmu, n, hess, grad);
            double[] a = hess.clone();
            for (int j = 0; j < 3; j++) a[4 * j] *= 1 + lambda;
            double[] step = grad.clone();
            if (!SymmetricSolver.solve(a, 3, step)) { lambda *= 10; continue; }
            for (int j = 0; j < 3; j++) trial[j] = p[j] + step[j];
            double costT = trial[2] > 0 && trial[0] > 0 ? evaluate(trial, edges, n, muT, dmuT) : Double.NaN;
            if (costT <= cost) {
                boolean done = Math.abs(step[1]) < 1e-9 * trial[2] && Math.abs(step[2]) < 1e-9 * trial[2]
                        && cost - costT < 1e-10;
                System.arraycopy(trial, 0, p, 0, 3);
                System.arraycopy(muT, 0, mu, 0, nb);
                System.arraycopy(dmuT, 0, dmu, 0, 3 * nb);
                cost = costT;
                lambda = Math.max(lambda / 10, 1e-12);
                if (done) break;
            } else {
                lambda *= 10;
                if (lambda > 1e12) break;   // no downhill step left: at the minimum to machine precision
            }
        }
        fisher(mu, dmu, n, hess, grad);
        double[] cov = SymmetricSolver.inverseDiagonal(hess, 3);   // Fisher info of the Poisson likelihood
        return new GaussianFit(p[0], p[1], p[2], Math.sqrt(cov[0]), Math.sqrt(cov[1]), Math.sqrt(cov[2]),
                cost, nb - 3, it + 1);
    }

    /** Fills expected counts and their derivatives w.r.t. (N, m, σ); returns Baker–Cousins χ². */
    private static double evaluate(double[] p, double[] edges, double[] n, double[] mu, double[] dmu) {
        double norm = p[0], m = p[1], s = p[2];
        double cost = 0;
        int nb = n.length;
        double zPrev = (edges[0] - m) / s, cdfPrev = normalCdf(zPrev), pdfPrev = normalPdf(zPrev);
        for (int i = 0; i < nb; i++) {
            double z = (edges[i + 1] - m) / s, cdf = normalCdf(z), pdf = normalPdf(z);
            double prob = Math.max(cdf - cdfPrev, 0);
            mu[i] = norm * prob;
            dmu[3 * i] = prob;
            dmu[3 * i + 1] = -norm * (pdf - pdfPrev) / s;
            dmu[3 * i + 2] = -norm * (z * pdf - zPrev * pdfPrev) / s;
            double mi = Math.max(mu[i], 1e-300);
            cost += 2 * (mi - n[i] + (n[i] > 0 ? n[i] * Math.log(n[i] / mi) : 0));
            zPrev = z; cdfPrev = cdf; pdfPrev = pdf;
        }
        return cost;
    }

    /** Fisher matrix Σ ∂μ∂μᵀ/μ and scoring direction Σ (n/μ − 1)∂μ (= −½ gradient of χ²_λ). */
    private static void fisher(double[] mu, double[] dmu, double[] n, double[] hess, double[] grad) {
        java.util.Arrays.fill(hess, 0);
        java.util.Arrays.fill(grad, 0);
        for (int i = 0; i < mu.length; i++) {
            if (!(mu[i] > 1e-300)) continue;
            double w = 1 / mu[i], r = n[i] / mu[i] - 1;
            for (int a = 0; a < 3; a++) {
                grad[a] += r * dmu[3 * i + a];
                for (int b = 0; b <= a; b++) hess[3 * a + b] += w * dmu[3 * i + a] * dmu[3 * i + b];
            }
        }
        hess[1] = hess[3]; hess[2] = hess[6]; hess[5] = hess[7];
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
