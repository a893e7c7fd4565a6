package org.pulsedl.quantizer.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.pulsedl.quantizer.data.Dataset;

/** Small seeded CR-RC pulse datasets for training tests (labels {@code t_ch<c>_ns}, {@code amplitude}). */
final class TinyPulses {
    private TinyPulses() {}

    static Dataset dataset(int events, int channels, int samples, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        short[][][] w = new short[events][channels][samples];
        double[][] labels = new double[events][channels + 1];
        for (int e = 0; e < events; e++) {
            double a = 500 + 2500 * rnd.nextDouble();
            double t0 = 8 * (samples / 4.0) + 8 * rnd.nextDouble();
            for (int c = 0; c < channels; c++) {
                for (int l = 0; l < samples; l++) {
                    double x = (8.0 * l - t0) / 16.0;
                    double v = 200 + (x > 0 ? a * x * Math.exp(1 - x) : 0) + 10 * gauss(rnd);
                    w[e][c][l] = (short) Math.max(0, Math.min(4095, Math.round(v)));
                }
                labels[e][c] = t0;
            }
            labels[e][channels] = a;
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            names.add("t_ch" + c + "_ns");
        }
        names.add("amplitude");
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("adc_bits", "12");
        return new Dataset(w, names, labels, attrs);
    }

    private static double gauss(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
