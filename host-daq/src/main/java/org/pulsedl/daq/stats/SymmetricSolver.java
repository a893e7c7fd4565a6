package org.pulsedl.daq.stats;

/**
 * Cholesky factorisation of small symmetric positive-definite matrices (row-major {@code double[n*n]}),
 * used by the Fisher-matrix bound and by the Gauss–Newton / Levenberg–Marquardt fits. The problems here
 * are 2×2 or 3×3, so a plain in-place factorisation is both the fastest and the clearest choice.
 */
public final class SymmetricSolver {
    private SymmetricSolver() {}

    /**
     * Factorises {@code a} in place into its lower Cholesky factor L (a = L·Lᵀ; the upper triangle is
     * left untouched). Returns false if the matrix is not numerically positive definite.
     */
    public static boolean cholesky(double[] a, int n) {
        for (int j = 0; j < n; j++) {
            double d = a[j * n + j];
            for (int k = 0; k < j; k++) d -= a[j * n + k] * a[j * n + k];
            if (!(d > 0) || Double.isInfinite(d)) return false;
            double ljj = Math.sqrt(d);
            a[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) s -= a[i * n + k] * a[j * n + k];
                a[i * n + j] = s / ljj;
            }
        }
        return true;
    }

    /** Solves L·y = b in place in {@code b} (the first half of {@link #solveFactored}; whitening by C = L·Lᵀ). */
    public static void forwardSubstitute(double[] l, int n, double[] b) {
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= l[i * n + k] * b[k];
            b[i] = s / l[i * n + i];
        }
    }

    /** Solves L·Lᵀ·x = b in place in {@code b}, given the factor produced by {@link #cholesky}. */
    public static void solveFactored(double[] l, int n, double[] b) {
        forwardSubstitute(l, n, b);
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) s -= l[k * n + i] * b[k];
            b[i] = s / l[i * n + i];
        }
    }

    /**
     * Solves the symmetric positive-definite system a·x = b; {@code a} is overwritten by its factor and
     * {@code b} by the solution. Returns false (leaving {@code b} unchanged) if a is not positive definite.
     */
    public static boolean solve(double[] a, int n, double[] b) {
        if (!cholesky(a, n)) return false;
        solveFactored(a, n, b);
        return true;
    }

    /**
     * Diagonal of the inverse of the symmetric positive-definite matrix {@code a} (not modified); all
     * entries are NaN if a is not positive definite. Used for variances from a Fisher matrix.
     */
    public static double[] inverseDiagonal(double[] a, int n) {
        double[] l = a.clone();
        double[] diag = new double[n];
        if (!cholesky(l, n)) {
            java.util.Arrays.fill(diag, Double.NaN);
            return diag;
        }
        double[] e = new double[n];
        for (int j = 0; j < n; j++) {
            java.util.Arrays.fill(e, 0);
            e[j] = 1;
            solveFactored(l, n, e);
            diag[j] = e[j];
        }
        return diag;
    }
}
