package org.pulsedl.daq.stats;

import java.util.Arrays;

/**
 * The engine behind the histogram fits: maximum likelihood for Poisson bin counts, minimising the
 * Baker–Cousins likelihood-ratio χ² {@code 2 Σ [μ_i − n_i + n_i ln(n_i/μ_i)]} by Levenberg–Marquardt on Fisher
 * scoring (Hessian ≈ Σ ∂μ∂μᵀ/μ). A model supplies the expected counts and their derivatives; errors come
 * from the inverse Fisher matrix at the minimum.
 */
final class PoissonFit {
    private static final int MAX_ITERATIONS = 200;

    /** Expected counts of every bin and their derivatives for parameters {@code p}. */
    interface Model {
        /**
         * Fills {@code mu[i]} and {@code dmu[k·i + j]} (k parameters); returns false for parameters outside the
         * model's domain (e.g. σ ≤ 0), which the minimiser treats as uphill.
         */
        boolean expected(double[] p, double[] mu, double[] dmu);
    }

    /** The minimum: parameters, their 1-σ errors, χ² and the iterations used. */
    record Result(double[] params, double[] errors, double chi2, int iterations) {}

    private PoissonFit() {}

    /**
     * @param p0 the start (copied)
     * @param n  the observed counts
     */
    static Result minimise(Model model, double[] p0, double[] n) {
        int k = p0.length, nb = n.length;
        double[] p = p0.clone();
        double[] mu = new double[nb], dmu = new double[k * nb];
        if (!model.expected(p, mu, dmu)) throw new IllegalArgumentException("fit start outside the model's domain");
        double cost = chi2(mu, n);
        double lambda = 1e-3;
        int it = 0;
        double[] hess = new double[k * k], grad = new double[k], trial = new double[k];
        double[] muT = new double[nb], dmuT = new double[k * nb];
        for (; it < MAX_ITERATIONS; it++) {
            fisher(mu, dmu, n, k, hess, grad);
            double[] a = hess.clone();
            for (int j = 0; j < k; j++) a[(k + 1) * j] *= 1 + lambda;
            double[] step = grad.clone();
            if (!SymmetricSolver.solve(a, k, step)) {
                lambda *= 10;
                if (lambda > 1e12) break;
                continue;
            }
            for (int j = 0; j < k; j++) trial[j] = p[j] + step[j];
            double costT = model.expected(trial, muT, dmuT) ? chi2(muT, n) : Double.NaN;
            if (costT <= cost) {
                boolean done = cost - costT < 1e-10 && small(step, trial);
                System.arraycopy(trial, 0, p, 0, k);
                System.arraycopy(muT, 0, mu, 0, nb);
                System.arraycopy(dmuT, 0, dmu, 0, k * nb);
                cost = costT;
                lambda = Math.max(lambda / 10, 1e-12);
                if (done) break;
            } else {
                lambda *= 10;
                if (lambda > 1e12) break;   // no downhill step left: at the minimum to machine precision
            }
        }
        fisher(mu, dmu, n, k, hess, grad);
        double[] cov = SymmetricSolver.inverseDiagonal(hess, k);
        double[] err = new double[k];
        for (int j = 0; j < k; j++) err[j] = Math.sqrt(cov[j]);
        return new Result(p, err, cost, it + 1);
    }

    /** Converged when every step is below 1e-9 of its parameter's scale. */
    private static boolean small(double[] step, double[] p) {
        for (int j = 0; j < step.length; j++) if (Math.abs(step[j]) > 1e-9 * Math.max(Math.abs(p[j]), 1e-12)) return false;
        return true;
    }

    static double chi2(double[] mu, double[] n) {
        double cost = 0;
        for (int i = 0; i < n.length; i++) {
            double mi = Math.max(mu[i], 1e-300);
            cost += 2 * (mi - n[i] + (n[i] > 0 ? n[i] * Math.log(n[i] / mi) : 0));
        }
        return cost;
    }

    /** Fisher matrix Σ ∂μ∂μᵀ/μ and scoring direction Σ (n/μ − 1)∂μ (= −½ gradient of χ²_λ). */
    private static void fisher(double[] mu, double[] dmu, double[] n, int k, double[] hess, double[] grad) {
        Arrays.fill(hess, 0);
        Arrays.fill(grad, 0);
        for (int i = 0; i < mu.length; i++) {
            if (!(mu[i] > 1e-300)) continue;
            double w = 1 / mu[i], r = n[i] / mu[i] - 1;
            for (int a = 0; a < k; a++) {
                grad[a] += r * dmu[k * i + a];
                for (int b = 0; b <= a; b++) hess[k * a + b] += w * dmu[k * i + a] * dmu[k * i + b];
            }
        }
        for (int a = 0; a < k; a++) for (int b = 0; b < a; b++) hess[k * b + a] = hess[k * a + b];
    }
}
