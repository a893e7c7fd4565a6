package org.pulsedl.daq.sim;

import java.util.SplittableRandom;

/**
 * Standard normal variates by the ziggurat method (Marsaglia &amp; Tsang, J. Stat. Softw. 5(8), 2000) with
 * 256 layers, driven by a {@link SplittableRandom}. About 99 % of draws cost one {@code nextLong()}, one
 * table look-up, a multiply and a compare, which is what makes the simulator's noise cheap.
 *
 * <p>Layer geometry: f(x) = exp(−x²/2); every layer has area {@link #V}; layer 0 is the base strip of
 * height f(R) plus the tail beyond {@link #R}, drawn as a virtual rectangle of width V / f(R). Layer i ≥ 1
 * spans heights [f(x[i]), f(x[i+1])] with width x[i]; x[256] = 0. One 64-bit word gives the layer (bits 0–7)
 * and a signed 54-bit uniform abscissa (bits 10–63), so they are independent.
 */
public final class Ziggurat {
    private static final int LAYERS = 256;
    /** Right edge of the base strip for 256 layers. */
    static final double R = 3.6541528853610088;
    /** Area of every layer (and of the base strip with its tail). */
    static final double V = 0.00492867323399;
    private static final double TWO_POW_M53 = 0x1.0p-53;

    /** Layer widths x[i], i = 0..256 (x[0] is the virtual width of the base strip). */
    static final double[] X = new double[LAYERS + 1];
    /** f(x[i]). */
    static final double[] F = new double[LAYERS + 1];
    /** x[i+1] / x[i]: the fraction of layer i that lies entirely under the curve. */
    private static final double[] RATIO = new double[LAYERS];

    static {
        X[0] = V / f(R);
        X[1] = R;
        for (int i = 1; i < LAYERS - 1; i++) {
            X[i + 1] = Math.sqrt(-2 * Math.log(V / X[i] + f(X[i])));
        }
        X[LAYERS] = 0;
        for (int i = 0; i <= LAYERS; i++) F[i] = f(X[i]);
        for (int i = 0; i < LAYERS; i++) RATIO[i] = X[i + 1] / X[i];
    }

    private Ziggurat() {}

    /** One standard normal variate (mean 0, variance 1). */
    public static double next(SplittableRandom rnd) {
        while (true) {
            long bits = rnd.nextLong();
            int i = (int) (bits & (LAYERS - 1));
            double u = (bits >> 10) * TWO_POW_M53; // uniform in [-1, 1)
            if (Math.abs(u) < RATIO[i]) return u * X[i];
            if (i == 0) return tail(rnd, u < 0);
            double x = u * X[i];
            double y = F[i] + rnd.nextDouble() * (F[i + 1] - F[i]);
            if (y < f(x)) return x;
        }
    }

    /** Marsaglia's tail method for |x| &gt; R. */
    private static double tail(SplittableRandom rnd, boolean negative) {
        double a;
        double b;
        do {
            a = -Math.log(1 - rnd.nextDouble()) / R;
            b = -Math.log(1 - rnd.nextDouble());
        } while (2 * b < a * a);
        return negative ? -(R + a) : R + a;
    }

    private static double f(double x) {
        return Math.exp(-0.5 * x * x);
    }
}
