package org.pulsedl.quantizer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.model.FloatInference;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.model.ModelSpec;
import org.pulsedl.quantizer.quant.QuantizationOptions;
import org.pulsedl.quantizer.train.ShiftResampler.Method;

class LabelFreeTest {
    static final String SMALL = "conv1d:8:4:2:relu,flatten,dense:16:relu,dense:";

    // ---- the shifting resampler -------------------------------------------------------------------------

    /** Max |resampled − analytic| over the samples at least {@code margin} from either edge. */
    private static double maxError(Method m, java.util.function.DoubleUnaryOperator f, int n, double delay, int margin) {
        double[] x = new double[n];
        for (int l = 0; l < n; l++) {
            x[l] = f.applyAsDouble(l);
        }
        double[] y = new ShiftResampler(m).shift(x, delay);
        double err = 0;
        for (int l = margin; l < n - margin; l++) {
            err = Math.max(err, Math.abs(y[l] - f.applyAsDouble(l - delay)));
        }
        return err;
    }

    @Test
    void sincShiftOfASampledSinusoidMatchesTheShiftedSinusoid() {
        for (double f : new double[] {0.05, 0.1, 0.2, 0.3}) {          // cycles per sample (Nyquist = 0.5)
            for (double d : new double[] {0.5, 0.37, -0.81, 1.25}) {
                double err = maxError(Method.SINC, l -> Math.sin(2 * Math.PI * f * l + 0.3), 64, d, 8);
                assertTrue(err < 2e-3, "f " + f + " delay " + d + ": error " + err);
            }
        }
    }

    @Test
    void cubicShiftIsAccurateOnlyForSlowSignals() {
        double slow = maxError(Method.CUBIC, l -> Math.sin(2 * Math.PI * 0.05 * l), 64, 0.5, 2);
        double fast = maxError(Method.CUBIC, l -> Math.sin(2 * Math.PI * 0.2 * l), 64, 0.5, 2);
        assertTrue(slow < 5e-3, "slow " + slow);
        assertTrue(fast > 2e-2, "cubic should droop at 0.4 x Nyquist, error " + fast);
    }

    @Test
    void shiftedSmoothPulseMatchesTheAnalyticPulse() {
        // a smooth, effectively band-limited pulse (Gaussian, sigma 2 samples) well inside a 40-sample window
        java.util.function.DoubleUnaryOperator g = l -> Math.exp(-0.5 * Math.pow((l - 18) / 2.0, 2));
        for (double d : new double[] {0.25, 0.5, -0.75, 1.6}) {
            assertTrue(maxError(Method.SINC, g, 40, d, 0) < 1e-3, "sinc delay " + d);
            assertTrue(maxError(Method.CUBIC, g, 40, d, 0) < 1.5e-2, "cubic delay " + d);
        }
    }

    @Test
    void integerShiftsMoveSamplesExactlyAndEdgesExtendTheBaseline() {
        double[] x = new double[20];
        for (int l = 0; l < 20; l++) {
            x[l] = l < 4 ? 1.0 : Math.sin(l);
        }
        ShiftResampler r = new ShiftResampler(Method.SINC);
        double[] y = r.shift(x, 2);
        for (int l = 2; l < 20; l++) {
            assertEquals(x[l - 2], y[l], 1e-6);
        }
        assertEquals(1.0, y[0], 1e-6);                       // left of the window: the mean of its first 4 samples
        double[] z = r.shift(x, 0);
        for (int l = 0; l < 20; l++) {
            assertEquals(x[l], z[l], 1e-6);
        }
        assertThrows(IllegalArgumentException.class, () -> r.shift(x, Double.NaN));
    }

    @Test
    void sincKeepsWhiteNoisePowerAndCubicDoesNot() {
        for (double frac = 0; frac < 1; frac += 0.125) {
            double s = 0;
            for (double w : new ShiftResampler(Method.SINC).taps(frac)) {
                s += w * w;
            }
            assertTrue(s > 0.89 && s <= 1.0 + 1e-9, "sinc sum w^2 at " + frac + ": " + s);
        }
        double c = 0;
        for (double w : new ShiftResampler(Method.CUBIC).taps(0.5)) {
            c += w * w;
        }
        assertEquals(0.640625, c, 1e-9);
    }

    @Test
    void interpolatedPeakOfASampledPulse() {
        float[] x = new float[40];
        for (int l = 0; l < 40; l++) {
            x[l] = (float) (0.8 * Math.exp(-0.5 * Math.pow((l - 17.4) / 2.0, 2)));
        }
        assertEquals(0.8, new ShiftResampler(Method.SINC).peak(x, 0, 40), 1e-3);
    }

    // ---- calibration ------------------------------------------------------------------------------------

    @Test
    void linearCalibrationFitsSlopeAndOffset() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 500;
        double[] pred = new double[n];
        double[] truth = new double[n];
        for (int i = 0; i < n; i++) {
            truth[i] = 60 + 16 * rnd.nextDouble();
            pred[i] = (truth[i] - 3.5) / 8.0 + 0.001 * rnd.nextGaussian();
        }
        LinearCalibration c = LinearCalibration.fit(pred, truth);
        assertEquals(8.0, c.slope(), 0.01);
        assertEquals(3.5, c.offset(), 0.1);
        assertEquals(0.008, c.residualRms(), 0.002);
        assertEquals(truth[7], c.apply(pred[7]), 0.05);
        LinearCalibration r = LinearCalibration.reference(pred, 8.0, 68.0);
        double mean = 0;
        for (double p : pred) {
            mean += r.apply(p) / n;
        }
        assertEquals(68.0, mean, 1e-9);
        assertEquals("reference", r.method());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LinearCalibration.fit(new double[] {1}, new double[] {2}))
                .getMessage().contains("at least 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LinearCalibration.fit(new double[] {1, 1}, new double[] {2, 3}))
                .getMessage().contains("constant"));
        assertThrows(IllegalArgumentException.class, () -> LinearCalibration.fit(new double[] {1, 2}, new double[] {2}));
    }

    // ---- training ---------------------------------------------------------------------------------------

    static TrainingOptions quick(int epochs) {
        return TrainingOptions.defaults().withEpochs(epochs).withQatEpochs(0).withBatch(32).withLearningRate(5e-3)
                .withFinalLrFactor(0.2).withThreads(1).withPatience(0);
    }

    @Test
    void shortLabelFreeRunReducesThePairLossAndTracksKnownShifts() {
        Dataset d = TinyPulses.dataset(600, 2, 16, 5);
        TrainingSet windows = TrainingSet.windows(d, TrainingSet.normalisation(d, true));
        LabelFreeOptions lf = LabelFreeOptions.defaults().withEnergy(LabelFreeOptions.Energy.NONE).withMaxShift(0.8);
        Model m = ModelSpec.parse("16x1", SMALL + "1").build("lf", 1);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        LabelFreeTrainer.Result r = new LabelFreeTrainer(quick(12), lf, new PrintStream(log, true)).train(m, windows);
        List<EpochRecord> h = r.history();
        assertEquals(12, h.size());
        assertTrue(h.get(11).valLoss() < 0.5 * h.get(0).valLoss(), "validation pair loss " + h.get(0).valLoss() + " -> " + h.get(11).valLoss());
        assertTrue(log.toString().contains("lf    epoch  12/12"), log.toString());

        // noise-free copies of held-out windows, shifted by known amounts: the differences follow the shifts
        FloatInference f = new FloatInference(r.model());
        ShiftResampler rs = new ShiftResampler(Method.SINC);
        SplittableRandom rnd = new SplittableRandom(9);
        double sq = 0;
        double sxy = 0;
        double sxx = 0;
        int n = 0;
        for (int s : r.valIdx()) {
            double[] x = windows.input(s);
            double delta = (2 * rnd.nextDouble() - 1) * 0.8;
            double diff = f.run(rs.shift(x, delta))[0] - f.run(x)[0];
            sq += (diff - delta) * (diff - delta);
            sxy += diff * delta;
            sxx += delta * delta;
            n++;
        }
        double rms = Math.sqrt(sq / n);
        assertTrue(rms < 0.15, "rms(diff − shift) " + rms + " samples over " + n + " windows");
        assertEquals(1.0, sxy / sxx, 0.15, "slope of the prediction difference against the shift");

        // across different recordings too: calibrated on labels, the time follows the true onset
        int[] idx = r.valIdx();
        double[] pred = LabelFreeTrainer.predictTime(r.model(), windows, idx);
        double[] truth = new double[idx.length];
        for (int k = 0; k < idx.length; k++) {
            truth[k] = d.labels()[windows.event(idx[k])][idx[k] % 2];
        }
        LinearCalibration c = LinearCalibration.fit(pred, truth);
        assertEquals(8.0, c.slope(), 1.6, "ns per output unit (sample period 8 ns)");
        assertTrue(c.residualRms() < 2.0, "residual " + c.residualRms() + " ns (onsets spread over 8 ns)");
    }

    @Test
    void labelFreeRunWritesACalibratedModel(@TempDir Path dir) throws Exception {
        Dataset d = withSamplePeriod(TinyPulses.dataset(300, 2, 16, 6));
        LabelFreeOptions lf = LabelFreeOptions.defaults().withCalibration(LabelFreeOptions.Calibration.parse("reference:36"));
        LabelFreeRun run = new LabelFreeRun(SMALL + "2", "lf", quick(3), lf, QuantizationOptions.tflite(), false, 256);
        LabelFreeRun.Outcome o = run.execute(d, "tiny", dir, new PrintStream(new ByteArrayOutputStream()));
        assertEquals(8.0, o.calibration().slope(), 1e-12);
        assertEquals(List.of("t_ns", "amplitude"), o.floatModel().outputs());
        double mean = 0;
        for (int e = 0; e < 50; e++) {
            mean += o.floatModel().runFromAdc(new short[][] {d.waveform(e, 0)})[0] / 50;
        }
        assertEquals(36.0, mean, 1.5);
        assertTrue(Files.isRegularFile(dir.resolve(TrainingRun.QMODEL)));
        String hist = Files.readString(dir.resolve(TrainingRun.HISTORY));
        assertTrue(hist.contains("\"mode\" : \"label-free\"") && hist.contains("calibration_slope_ns"), hist);
        // time only
        LabelFreeRun timeOnly = new LabelFreeRun(null, "lf", quick(1), lf.withEnergy(LabelFreeOptions.Energy.NONE)
                .withCalibration(LabelFreeOptions.Calibration.parse("labels:100")), QuantizationOptions.tflite(), false, 64);
        LabelFreeRun.Outcome t = timeOnly.execute(d, "tiny", dir.resolve("t"), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(List.of("t_ns"), t.floatModel().outputs());
        assertEquals("labels", t.calibration().method());
    }

    private static Dataset withSamplePeriod(Dataset d) {
        Map<String, String> a = new LinkedHashMap<>(d.attributes());
        a.put("sample_period_ns", "8.0");
        return new Dataset(d.waveforms(), d.labelNames(), d.labels(), a);
    }

    // ---- option errors ----------------------------------------------------------------------------------

    private static String message(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    @Test
    void optionErrorsNameTheProblem() {
        LabelFreeOptions o = LabelFreeOptions.defaults();
        assertTrue(message(() -> o.withMaxShift(0)).contains("shift range must be in (0, 4]"));
        assertTrue(message(() -> o.withMaxShift(5)).contains("shift range"));
        assertTrue(message(() -> o.withPairs(0)).contains("pairs per window must be >= 1"));
        assertTrue(message(() -> o.withNoise(-1)).contains("added noise"));
        assertTrue(message(() -> o.withGain(0.5)).contains("gain spread must be in [1, 10]"));
        assertTrue(message(() -> o.withSamplePeriodNs(-8)).contains("sample period"));
        assertTrue(message(() -> Method.parse("linear")).contains("unknown interpolation 'linear' (expected sinc or cubic)"));
        assertTrue(message(() -> LabelFreeOptions.Energy.parse("area")).contains("expected shift, peak or none"));
        assertTrue(message(() -> LabelFreeOptions.Calibration.parse("labels:x")).contains("expected labels:N[:LABEL]"));
        assertTrue(message(() -> LabelFreeOptions.Calibration.parse("reference")).contains("reference:NS"));
        assertTrue(message(() -> LabelFreeOptions.Calibration.parse("labels:1")).contains("N >= 2"));
        LabelFreeOptions.Calibration c = LabelFreeOptions.Calibration.parse("labels:500:t_ch{c}_ns");
        assertTrue(c.labelled() && c.windows() == 500 && c.label().equals("t_ch{c}_ns"));
        assertEquals(-3.0, LabelFreeOptions.Calibration.parse(" reference:-3 ").referenceNs());
        assertEquals(Method.CUBIC, Method.parse("Cubic"));
    }

    @Test
    void runErrorsNameTheProblem(@TempDir Path dir) {
        Dataset d = TinyPulses.dataset(40, 2, 16, 7);           // no sample_period_ns attribute
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        LabelFreeOptions lf = LabelFreeOptions.defaults();
        assertTrue(message(() -> new LabelFreeRun(null, "x", quick(1), lf, QuantizationOptions.tflite(), false, 8)
                .execute(d, "d", dir, quiet)).contains("needs the sample period: give --lf-sample-period"));
        assertTrue(message(() -> new LabelFreeRun(null, "x", quick(1), lf.withCalibration(LabelFreeOptions.Calibration.parse("labels:10:t_ns")),
                QuantizationOptions.tflite(), false, 8).execute(d, "d", dir, quiet)).contains("unknown target label 't_ns'"));
        assertTrue(message(() -> new LabelFreeRun(null, "x", quick(1), lf.withCalibration(LabelFreeOptions.Calibration.parse("labels:1000")),
                QuantizationOptions.tflite(), false, 8).execute(d, "d", dir, quiet)).contains("the dataset has 80"));
        assertTrue(message(() -> new LabelFreeRun(SMALL + "1", "x", quick(1), lf.withSamplePeriodNs(8), QuantizationOptions.tflite(),
                false, 8).execute(d, "d", dir, quiet)).contains("needs 2; end the spec with dense:2"));
    }
}
