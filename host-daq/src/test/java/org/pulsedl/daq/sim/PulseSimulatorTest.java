package org.pulsedl.daq.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.quantizer.data.Dataset;

class PulseSimulatorTest {
    private static final SimulatorConfig P = SimulatorConfig.pdl2();

    @TempDir
    Path dir;

    @Test
    void sameSeedGivesTheSameDatasetAndAnotherSeedDoesNot() {
        Dataset a = PulseSimulator.generate(P, 2000);
        Dataset b = PulseSimulator.generate(P, 2000);
        Dataset c = PulseSimulator.generate(P.withSeed(P.seed() + 1), 2000);
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertTrue(!Arrays.deepEquals(a.waveforms(), c.waveforms()));
        // Independent noise per channel: same pulse, different samples.
        assertTrue(!Arrays.equals(a.waveform(0, 0), a.waveform(0, 1)));
    }

    @Test
    void labelsAndAttributesForPdl2() {
        List<Long> seen = new ArrayList<>();
        Dataset d = PulseSimulator.generate(P, 5000, seen::add);
        assertEquals(List.of("t_ch0_ns", "t_ch1_ns", "amplitude"), d.labelNames());
        assertEquals(5000, d.events());
        assertEquals(2, d.channels());
        assertEquals(32, d.samples());
        assertEquals(5000L, seen.get(seen.size() - 1));
        assertEquals("pulsedl simulate", d.attributes().get("generator"));
        assertEquals(P.attributes().get("noise_sigma_codes"), d.attributes().get("noise_sigma_codes"));
        double[] t0 = d.labelColumn("t_ch0_ns");
        double[] t1 = d.labelColumn("t_ch1_ns");
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        double sum = 0;
        for (int e = 0; e < d.events(); e++) {
            assertTrue(t0[e] >= 64 && t0[e] < 72, "onset " + t0[e] + " outside [onset, onset + 1 sample)");
            assertEquals(t0[e], t1[e]);
            assertEquals(0.7 * 4095, d.labels()[e][2], 1e-9);
            min = Math.min(min, t0[e]);
            max = Math.max(max, t0[e]);
            sum += t0[e];
        }
        // Phase uniform over the sample: covers it, mean in the middle.
        assertTrue(min < 64.01 && max > 71.99, min + " " + max);
        assertEquals(68, sum / d.events(), 0.1);
    }

    @Test
    void noiseFreeWaveformsAreTheRoundedShiftedPulse() {
        SimulatorConfig cfg = P.withNoiseSigmaCodes(0).withChannelOffsetsNs(List.of(0.0, 3.25, -1.5));
        Dataset d = PulseSimulator.generate(cfg, 200);
        CrRcShape s = new CrRcShape(1, 16);
        for (int e = 0; e < d.events(); e++) {
            double t0 = d.labels()[e][0];
            assertEquals(t0 + 3.25, d.labels()[e][1], 1e-12);
            assertEquals(t0 - 1.5, d.labels()[e][2], 1e-12);
            for (int c = 0; c < 3; c++) {
                for (int k = 0; k < 32; k++) {
                    long expected = Math.round(204.75 + 2866.5 * s.value(8 * k - d.labels()[e][c]));
                    assertEquals(expected, d.waveform(e, c)[k], "event " + e + " channel " + c + " sample " + k);
                }
            }
        }
    }

    @Test
    void adcClipsAtZeroAndFullScale() {
        SimulatorConfig high = P.withAmplitude(new AmplitudeDistribution.Fixed(1.2)).withNoiseSigmaCodes(30);
        SimulatorConfig low = P.withBaselineFraction(0).withNoiseSigmaCodes(30);
        int atTop = 0;
        for (short[][] ev : PulseSimulator.generate(high, 500).waveforms()) {
            for (short[] w : ev) {
                for (short v : w) {
                    assertTrue(v >= 0 && v <= 4095);
                    if (v == 4095) atTop++;
                }
            }
        }
        assertTrue(atTop > 500, "clipped samples at full scale: " + atTop);
        int atZero = 0;
        int firstSamples = 0;
        for (short[][] ev : PulseSimulator.generate(low, 500).waveforms()) {
            for (short[] w : ev) {
                for (short v : w) assertTrue(v >= 0 && v <= 4095);
                firstSamples++;
                if (w[0] == 0) atZero++;
            }
        }
        // Baseline 0 with symmetric noise: about half the first samples clip to 0.
        assertEquals(0.5, (double) atZero / firstSamples, 0.06);
    }

    @Test
    void uniformAndGaussianAmplitudeMoments() {
        int n = 20000;
        double[] u = PulseSimulator.generate(P.withAmplitude(new AmplitudeDistribution.Uniform(0.2, 0.6)), n).labelColumn("amplitude");
        double fs = 4095;
        assertEquals(0.4 * fs, mean(u), 4 * 0.4 * fs / Math.sqrt(12 * n));
        assertEquals(0.4 * fs / Math.sqrt(12), sd(u), 0.02 * 0.4 * fs / Math.sqrt(12));
        for (double a : u) assertTrue(a >= 0.2 * fs && a <= 0.6 * fs);
        double[] g = PulseSimulator.generate(P.withAmplitude(new AmplitudeDistribution.Gaussian(0.5, 0.02)), n).labelColumn("amplitude");
        assertEquals(0.5 * fs, mean(g), 4 * 0.02 * fs / Math.sqrt(n));
        assertEquals(0.02 * fs, sd(g), 0.03 * 0.02 * fs);
    }

    @Test
    void spectrumIsSampledByInverseCdfWithinBins() throws IOException {
        Path f = Files.writeString(dir.resolve("spec.csv"), "# energy,counts\nenergy,counts\n0.2,1\n0.4,0\n0.6,3\n");
        AmplitudeDistribution spec = AmplitudeDistribution.parse("spectrum:" + f, 0.7);
        assertEquals(0.5, spec.mean(), 1e-12);
        int n = 20000;
        double[] a = PulseSimulator.generate(P.withAmplitude(spec), n).labelColumn("amplitude");
        int low = 0;
        double lowSum = 0;
        for (double x : a) {
            double v = x / 4095;
            assertTrue(v >= 0.1 && v < 0.3 || v >= 0.5 && v < 0.7, "amplitude " + v + " outside the non-empty bins");
            if (v < 0.3) {
                low++;
                lowSum += v;
            }
        }
        assertEquals(0.25, (double) low / n, 4 * Math.sqrt(0.25 * 0.75 / n));
        assertEquals(0.2, lowSum / low, 4 * 0.2 / Math.sqrt(12 * low)); // uniform within [0.1, 0.3)
        AmplitudeDistribution scaled = AmplitudeDistribution.parse("spectrum:" + f + ":0.5", 0.7);
        assertEquals(0.25, scaled.mean(), 1e-12);
        Path bad = Files.writeString(dir.resolve("bad.csv"), "0.2,1\n0.4,-2\n");
        assertEquals(bad + ":2: expected counts >= 0, found -2",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> AmplitudeDistribution.parse("spectrum:" + bad, 1)).getMessage());
    }

    @Test
    void commonAndChannelJitterHaveTheirSigma() {
        SimulatorConfig cfg = P.withJitterNs(0.5, 0.2);
        Dataset d = PulseSimulator.generate(cfg, 20000);
        double[] t0 = d.labelColumn("t_ch0_ns");
        double[] t1 = d.labelColumn("t_ch1_ns");
        double[] diff = new double[t0.length];
        for (int e = 0; e < t0.length; e++) diff[e] = t1[e] - t0[e];
        assertEquals(0.2 * Math.sqrt(2), sd(diff), 0.02 * 0.2 * Math.sqrt(2) * 2);
        // Onset spread: uniform phase (T²/12) + common + channel jitter.
        assertEquals(Math.sqrt(64 / 12.0 + 0.25 + 0.04), sd(t0), 0.03);
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    static double sd(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) s += (v - m) * (v - m);
        return Math.sqrt(s / (x.length - 1));
    }
}
