package org.pulsedl.daq.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SymmetricSolverTest {
    @Test
    void solvesA3x3SystemWithKnownSolution() {
        double[] a = {4, 12, -16, 12, 37, -43, -16, -43, 98};   // = L·Lᵀ with L = [[2,0,0],[6,1,0],[-8,5,3]]
        double[] x = {1, -2, 3};
        double[] b = {4 * 1 + 12 * -2 + -16 * 3, 12 * 1 + 37 * -2 + -43 * 3, -16 * 1 + -43 * -2 + 98 * 3};
        assertTrue(SymmetricSolver.solve(a.clone(), 3, b));
        assertArrayEquals(x, b, 1e-12);
    }

    @Test
    void inverseDiagonalOfDiagonalMatrix() {
        assertArrayEquals(new double[] {0.5, 0.25, 0.1}, SymmetricSolver.inverseDiagonal(new double[] {2, 0, 0, 0, 4, 0, 0, 0, 10}, 3), 1e-15);
    }

    @Test
    void rejectsNonPositiveDefinite() {
        assertFalse(SymmetricSolver.cholesky(new double[] {1, 2, 2, 1}, 2));
        assertTrue(Double.isNaN(SymmetricSolver.inverseDiagonal(new double[] {1, 1, 1, 1}, 2)[0]));
    }
}
