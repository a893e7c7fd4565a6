package org.pulsedl.daq.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EnergyEstimatorsTest {
    @Test
    void peakOfAParabolaSampledPulse() {
        // 1100 − 16·(n − 10.25)² within 3 samples of the vertex, baseline 100 elsewhere:
        // samples 9, 10, 11 = 1075, 1099, 1091; vertex 1100 at 10.25.
        short[] x = new short[32];
        for (int n = 0; n < 32; n++) x[n] = (short) (Math.abs(n - 10.25) < 3 ? 1100 - 16 * (n - 10.25) * (n - 10.25) : 100);
        assertEquals(1000.0, new PeakEnergy().energy(x), 1e-12);
    }

    @Test
    void trapezoidFlatTopOnAnExponentialStepIsTheAmplitude() {
        double tau = 50, period = 8, amp = 1000, base = 200;
        double q = Math.exp(-period / tau);
        double[] v = new double[32];
        for (int n = 0; n < 32; n++) v[n] = base + (n >= 8 ? amp * Math.pow(q, n - 8) : 0);
        // k = 4, flat top 8 (l = 12): flat top for 8 + k − 1 ≤ n < 8 + l, i.e. n = 11 … 19.
        for (int n = 11; n <= 19; n++)
            assertEquals(amp, TrapezoidEnergy.forExponential(period, 4, 8, tau, n).filter(v), 1e-9, "readout " + n);
        // On the rising ramp of the trapezoid (n = 9): 2 of the k = 4 samples.
        assertEquals(amp * 2 / 4, TrapezoidEnergy.forExponential(period, 4, 8, tau, 9).filter(v), 1e-9);
        // Integer codes: the same within rounding.
        short[] s = new short[32];
        for (int n = 0; n < 32; n++) s[n] = (short) Math.round(v[n]);
        assertEquals(amp, TrapezoidEnergy.forExponential(period, 4, 8, tau, 15).energy(s), 1.0);
    }

    @Test
    void trapezoidCalibratedForPdl2ReturnsTheAmplitudeOnAverage() {
        TrapezoidEnergy t = TrapezoidEnergy.forShape(Pdl2Pulses.SHAPE, 8, 32, 64, 16);
        double sum = 0, max = 0;
        int n = 64;
        for (int p = 0; p < n; p++) {
            double e = t.filter(Pdl2Pulses.clean(Pdl2Pulses.AMPLITUDE, 64 + (p + 0.5) * 8 / n, Pdl2Pulses.BASELINE));
            sum += e;
            max = Math.max(max, Math.abs(e / Pdl2Pulses.AMPLITUDE - 1));
        }
        assertEquals(Pdl2Pulses.AMPLITUDE, sum / n, 1e-9);
        // The documented phase dependence of a sampled sum over a kinked onset: ≈ 2.2 % at worst.
        assertEquals(0, max, 0.025);
    }
}
