package org.pulsedl.daq.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PulseShapeTest {
    @Test
    void crRcValuesMatchHandComputedNumbers() {
        CrRcShape s1 = new CrRcShape(1, 16);
        assertEquals(0.8243606353500641, s1.value(8), 1e-15);  // 0.5·e^0.5
        assertEquals(0.9097959895689501, s1.value(24), 1e-15); // 1.5·e^-0.5
        assertEquals(0.6795704571147613, new CrRcShape(2, 10).value(10), 1e-15); // 0.25·e
        assertEquals(0, s1.value(0));
        assertEquals(0, s1.value(-3));
    }

    @Test
    void crRcPeakIsExactlyOneAtNTau() {
        for (int n = 1; n <= 4; n++) {
            CrRcShape s = new CrRcShape(n, 16);
            assertEquals(n * 16.0, s.peakTimeNs());
            assertEquals(1.0, s.value(n * 16.0), 1e-15);
            assertTrue(s.value(n * 16.0 - 0.01) < 1 && s.value(n * 16.0 + 0.01) < 1);
            assertEquals(0, s.derivative(n * 16.0), 1e-15);
        }
    }

    @Test
    void crRcDerivativeMatchesFiniteDifference() {
        for (int n = 1; n <= 3; n++) {
            assertDerivativeConsistent(new CrRcShape(n, 16), 0.5, 150);
        }
    }

    @Test
    void doubleExponentialPeaksAtOneAtTheAnalyticTime() {
        DoubleExponentialShape s = new DoubleExponentialShape(2, 16);
        assertEquals(4.753009238125339, s.peakTimeNs(), 1e-12); // τrτd/(τd−τr)·ln(τd/τr)
        assertEquals(1.0, s.value(s.peakTimeNs()), 1e-15);
        assertEquals(0, s.derivative(s.peakTimeNs()), 1e-14);
        double max = 0;
        for (double t = 0; t < 100; t += 0.001) max = Math.max(max, s.value(t));
        assertEquals(1.0, max, 1e-9);
        // Unnormalised value at t = 10 ns over the unnormalised peak 0.6501225014974149.
        assertEquals((Math.exp(-10 / 16.0) - Math.exp(-10 / 2.0)) / 0.6501225014974149, s.value(10), 1e-14);
        assertDerivativeConsistent(s, 0.5, 150);
    }

    @Test
    void doubleExponentialRefusesBadTaus() {
        assertEquals("double-exponential rise tau (16.0 ns) must be smaller than the decay tau (16.0 ns)",
                assertThrows(IllegalArgumentException.class, () -> new DoubleExponentialShape(16, 16)).getMessage());
        assertEquals("double-exponential rise tau (20.0 ns) must be smaller than the decay tau (16.0 ns)",
                assertThrows(IllegalArgumentException.class, () -> new DoubleExponentialShape(20, 16)).getMessage());
        assertEquals("double-exponential rise tau must be > 0 ns, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new DoubleExponentialShape(0, 16)).getMessage());
        assertEquals("double-exponential decay tau must be > 0 ns, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> new DoubleExponentialShape(1, -1)).getMessage());
    }

    /** Central difference with h = 1e-5 ns, relative to the unit peak. */
    static void assertDerivativeConsistent(PulseShape s, double from, double to) {
        double h = 1e-5;
        for (double t = from; t < to; t += 0.37) {
            double fd = (s.value(t + h) - s.value(t - h)) / (2 * h);
            assertEquals(fd, s.derivative(t), 1e-6, () -> s.describe() + " derivative");
        }
    }
}
