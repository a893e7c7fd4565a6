package org.pulsedl.quantizer.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Test inputs shaped like detector pulses: CR-RC pulses with random amplitude and phase plus noise. */
final class PulseWindows {
    private PulseWindows() {}

    /** {@code n} windows of {@code length × channels}, flat row-major, values roughly in [−0.05, 1]. */
    static List<double[]> make(int n, int length, int channels, SplittableRandom rnd) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double amp = 0.2 + 0.8 * rnd.nextDouble();
            double t0 = 6 + 4 * rnd.nextDouble();
            double[] x = new double[length * channels];
            for (int l = 0; l < length; l++) {
                double t = (l - t0) / 2.0;
                double pulse = t > 0 ? amp * t * Math.exp(1 - t) : 0;
                for (int c = 0; c < channels; c++) {
                    x[l * channels + c] = pulse + 0.01 * (rnd.nextDouble() * 2 - 1);
                }
            }
            out.add(x);
        }
        return out;
    }
}
