package org.pulsedl.daq.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SincCfdTimerTest {
    private static final short[] RAMP = {100, 100, 100, 100, 100, 100, 100, 180, 420, 740, 900, 900, 900, 900, 900, 900};

    /** Zero-stuff, filter by direct convolution over the whole upsampled array, and find the crossing. */
    private static double referenceTime(short[] x, double periodNs) {
        double[] h = SincCfdTimer.taps();
        double[] u = new double[4 * x.length];
        for (int n = 0; n < x.length; n++) u[4 * n] = x[n] - x[0];
        double[] y = new double[u.length];
        for (int m = 0; m < u.length; m++) for (int j = 0; j < h.length; j++) if (m - j >= 0) y[m] += h[j] * u[m - j];
        int p = 0;
        for (int m = 0; m < y.length; m++) if (y[m] > y[p]) p = m;
        double level = 0.5 * y[p];
        int m = p;
        while (y[m - 1] >= level) m--;
        // crossing between m − 1 (below) and m (at or above)
        double frac = (level - y[m - 1]) / (y[m] - y[m - 1]);
        return (m - 1 + frac - 13.5) * periodNs / 4;
    }

    @Test
    void rampMatchesADirectConvolution() {
        SincCfdTimer t = new SincCfdTimer(8);
        double expected = referenceTime(RAMP, 8);
        assertEquals(expected, t.time(RAMP), 1e-9);
        // The 50 % point of the raw ramp (500 = midway 420 → 740 at sample 8.25, i.e. 66 ns) is where the
        // interpolated edge must cross too, within the interpolation error of the low-pass.
        assertEquals(66.0, expected, 0.5);
    }

    @Test
    void filteredOutputMatchesDirectConvolution() {
        double[] h = SincCfdTimer.taps();
        double[] y = SincCfdTimer.filtered(RAMP);
        double[] ref = new double[4 * RAMP.length];
        for (int m = 0; m < ref.length; m++)
            for (int j = 0; j < h.length; j++)
                if (m - j >= 0 && (m - j) % 4 == 0) ref[m] += h[j] * (RAMP[(m - j) / 4] - RAMP[0]);
        assertArrayEquals(ref, y, 1e-9);
        assertEquals(800, y[62], 8);   // index 62 ↔ (62 − 13.5)/4 = 12.1 samples, on the plateau
    }

    @Test
    void shiftingTheInputByOneSampleShiftsTheTimeByOnePeriod() {
        short[] shifted = new short[RAMP.length];
        shifted[0] = RAMP[0];
        System.arraycopy(RAMP, 0, shifted, 1, RAMP.length - 1);
        SincCfdTimer t = new SincCfdTimer(8);
        assertEquals(t.time(RAMP) + 8, t.time(shifted), 1e-9);
    }

    @Test
    void groupDelayIsRemovedForASmoothPulse() {
        // Gaussian pulse, σ = 24 ns, peak at 120 ns: its 50 % point is at 120 − 24·√(2 ln 2) ns. The short
        // Kaiser filter has a wide transition band and slightly broadens the pulse, so allow 0.1 ns.
        short[] x = new short[32];
        for (int n = 0; n < 32; n++) x[n] = (short) Math.round(200 + 30000 * Math.exp(-0.5 * Math.pow((8 * n - 120) / 24.0, 2)));
        double expected = 120 - 24 * Math.sqrt(2 * Math.log(2));
        assertEquals(expected, new SincCfdTimer(8).time(x), 0.1);
    }

    @Test
    void flatWindowHasNoTime() {
        short[] x = new short[32];
        java.util.Arrays.fill(x, (short) 100);
        assertTrue(Double.isNaN(new SincCfdTimer(8).time(x)));
        assertThrows(IllegalArgumentException.class, () -> new SincCfdTimer(8, 1.0));
    }
}
