package org.pulsedl.daq.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The authors' dCFD exactly as DESIGN §3: Kaiser window as taps, first upward crossing from the start. */
class DigitalCfdTimerTest {
    /**
     * {@code numpy.kaiser(28, 8.6)} as printed by numpy 1.26 (the oracle venv), an outside reference for the
     * taps: {@code python -c "import numpy as np; print(repr(np.kaiser(28, 8.6)))"}. Only the first half is
     * listed; the window is symmetric.
     */
    private static final double[] NUMPY_KAISER_28_8_6_HALF = {
        0.00133251399790242, 0.00796942843064835, 0.02338703548871015, 0.05223535747574751,
        0.09908007950459012, 0.1673655305132994, 0.2583161662740322, 0.370031175091015,
        0.4970266303489286, 0.6304119273359405, 0.7587620510041185, 0.8695917116961173,
        0.9511895659143617, 0.9944694337380691,
    };

    @Test
    void tapsAreTheKaiserWindowItselfAsNumpyComputesIt() {
        double[] h = DigitalCfdTimer.taps();
        assertEquals(28, h.length);
        for (int n = 0; n < 14; n++) {
            assertEquals(NUMPY_KAISER_28_8_6_HALF[n], h[n], 1e-15, "tap " + n);
            assertEquals(NUMPY_KAISER_28_8_6_HALF[n], h[27 - n], 1e-15, "tap " + (27 - n));
        }
    }

    /**
     * Hand-checked: an impulse of 1000 codes at input sample 2 (16 ns) comes out of the filter as the window
     * itself starting at upsampled index 8. Its maximum is 1000·w13 = 994.469 at index 21, so the level is
     * 497.235; w8 = 0.497027 is just below it and w9 = 0.630412 above, so the crossing is at
     * 8 + 8 + (0.497235 − 0.497027)/(0.630412 − 0.497027) = 16.00156, i.e. (16.00156 − 13.5)·8/4 = 5.0031 ns:
     * the impulse time minus the window's half width at half maximum (5.5 upsampled samples).
     */
    @Test
    void impulseGivesTheWindowsHalfMaximumPointByHand() {
        short[] x = new short[16];
        x[2] = 1000;
        assertEquals(5.00312, new DigitalCfdTimer(8).time(x), 1e-5);
    }

    /**
     * Two pulses: an early one of 600 codes that alone passes half the later maximum, then 1000 codes. The
     * authors search upward from the window start, so the time is on the first pulse (walking back from the
     * maximum, as {@link SincCfdTimer} does, would find the second).
     */
    @Test
    void searchesTheFirstUpwardCrossingFromTheWindowStart() {
        short[] x = new short[16];
        x[2] = 600;
        x[8] = 1000;
        double[] w = DigitalCfdTimer.taps();
        double level = 0.5 * 1000 * w[13] / 600;   // in units of the first pulse's window
        assertTrue(w[10] < level && level <= w[11]);
        double expected = (8 + 10 + (level - w[10]) / (w[11] - w[10]) - 13.5) * 2;
        assertEquals(expected, new DigitalCfdTimer(8).time(x), 1e-9);
        assertTrue(new SincCfdTimer(8).time(x) > 40, "the sinc CFD walks back from the maximum to the later pulse");
    }

    @Test
    void shiftingTheInputByOneSampleShiftsTheTimeByOnePeriod() {
        // Long enough that the 7-sample-wide filter settles on the plateau in both windows.
        short[] ramp = new short[32];
        java.util.Arrays.fill(ramp, (short) 900);
        short[] edge = {100, 100, 100, 100, 100, 100, 100, 180, 420, 740};
        System.arraycopy(edge, 0, ramp, 0, edge.length);
        short[] shifted = new short[ramp.length];
        shifted[0] = ramp[0];
        System.arraycopy(ramp, 0, shifted, 1, ramp.length - 1);
        DigitalCfdTimer t = new DigitalCfdTimer(8);
        assertEquals(t.time(ramp) + 8, t.time(shifted), 1e-9);
    }

    @Test
    void flatWindowHasNoTime() {
        short[] x = new short[32];
        java.util.Arrays.fill(x, (short) 100);
        assertTrue(Double.isNaN(new DigitalCfdTimer(8).time(x)));
        assertThrows(IllegalArgumentException.class, () -> new DigitalCfdTimer(8, 1.0));
    }
}
