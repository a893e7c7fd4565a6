package org.pulsedl.daq.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Leading edge and plain CFD on noise-free linear ramps with hand-computed crossings. */
class EdgeTimersTest {
    /** Baseline 100, then v(n) = 40·(n − 5.5) above it for n ≥ 6 up to a plateau of 600. */
    private static short[] ramp() {
        short[] x = new short[24];
        for (int n = 0; n < x.length; n++) x[n] = (short) (100 + Math.min(600, Math.max(0, 40 * (n - 5.5))));
        return x;
    }

    @Test
    void leadingEdgeInterpolatesBetweenBracketingSamples() {
        // v(6) = 20, v(7) = 60: threshold 50 is crossed at 6 + 30/40 = 6.75 samples = 54 ns.
        assertEquals(54.0, new LeadingEdgeTimer(8, 50).time(ramp()), 1e-12);
        // Exactly on a sample: v(7) = 60 → 7 samples.
        assertEquals(56.0, new LeadingEdgeTimer(8, 60).time(ramp()), 1e-12);
        assertTrue(Double.isNaN(new LeadingEdgeTimer(8, 1000).time(ramp())));
    }

    @Test
    void cfdZeroCrossingOnARamp() {
        // y(n) = f·v(n) − v(n − d) = 0 on the ramp where f·(n − 5.5) = n − d − 5.5.
        // f = 0.5, d = 1: n − 5.5 = 2 → n = 7.5 (60 ns); y(7) = 10, y(8) = −10.
        assertEquals(60.0, new CfdTimer(8).time(ramp()), 1e-12);
        // f = 0.25, d = 2: 0.75·(n − 5.5) = 2 → n = 5.5 + 8/3.
        assertEquals((5.5 + 8.0 / 3) * 8, new CfdTimer(8, 0.25, 2, 4).time(ramp()), 1e-12);
        // The CFD time does not depend on the amplitude.
        short[] half = ramp();
        for (int n = 0; n < half.length; n++) half[n] = (short) (100 + (half[n] - 100) / 2);
        assertEquals(60.0, new CfdTimer(8).time(half), 1e-12);
    }

    @Test
    void invalidParametersAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CfdTimer(8, 0.5, 0, 4));
        assertEquals("CFD delay must be >= 1 sample, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LeadingEdgeTimer(0, 10));
    }
}
