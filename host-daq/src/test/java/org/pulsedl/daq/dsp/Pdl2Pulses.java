package org.pulsedl.daq.dsp;

import java.util.SplittableRandom;
import org.pulsedl.daq.sim.CrRcShape;
import org.pulsedl.daq.sim.PulseShape;

/** Test-only generator of pdl2-like pulses (DESIGN §3), independent of the simulator package. */
final class Pdl2Pulses {
    static final PulseShape SHAPE = new CrRcShape(1, 16);
    static final double PERIOD_NS = 8;
    static final int SAMPLES = 32;
    static final double ONSET_NS = 64;
    static final double AMPLITUDE = 0.7 * 4096;
    static final double BASELINE = 0.05 * 4096;

    private Pdl2Pulses() {}

    /** Noise-free samples of A·s(kT − t0) + b. */
    static double[] clean(double amplitude, double t0, double baseline) {
        double[] x = new double[SAMPLES];
        for (int k = 0; k < SAMPLES; k++) x[k] = baseline + amplitude * SHAPE.value(k * PERIOD_NS - t0);
        return x;
    }

    /** Noisy pulse rounded to integer codes and clipped to 12 bits. */
    static short[] noisy(double amplitude, double t0, double sigma, SplittableRandom rng) {
        short[] s = new short[SAMPLES];
        for (int k = 0; k < SAMPLES; k++) {
            double v = BASELINE + amplitude * SHAPE.value(k * PERIOD_NS - t0) + sigma * gaussian(rng);
            s[k] = (short) Math.max(0, Math.min(4095, Math.round(v)));
        }
        return s;
    }

    /** Standard normal draw by the Marsaglia polar method. */
    static double gaussian(SplittableRandom rng) {
        double u, v, q;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            q = u * u + v * v;
        } while (q >= 1 || q == 0);
        return u * Math.sqrt(-2 * Math.log(q) / q);
    }
}
