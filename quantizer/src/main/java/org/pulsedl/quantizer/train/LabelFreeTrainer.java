package org.pulsedl.quantizer.train;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.pulsedl.quantizer.model.FloatInference;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.util.ProgressBar;

/**
 * Label-free training of a time (and amplitude) network on unlabelled single-channel windows, as the
 * PulseDL-II authors train on real detector data (docs/training.md):
 *
 * <ol>
 * <li>every step draws pairs from the recorded windows; each pair is two copies of one window delayed by known
 *     sub-sample shifts {@code δ_a, δ_b ∈ [−maxShift, maxShift]} ({@link ShiftResampler}), scaled by known gains
 *     (time does not depend on amplitude; without this the loss leaves any function of the amplitude free to be
 *     added to the time, an amplitude walk), each copy with fresh
 *     white noise of {@code noise ×} the recording's own noise added (estimated from the windows' first
 *     samples);</li>
 * <li>the same network sees both copies in one batch ({@link PairGraph}) and the loss is
 *     {@code ((t̂_a − t̂_b) − (δ_a − δ_b))²}: output 0 learns time in samples up to a free offset;</li>
 * <li>with {@link LabelFreeOptions.Energy#PEAK}, output 1 regresses the window's interpolated peak above the
 *     baseline (standardised), times the copy's gain.</li>
 * </ol>
 *
 * The returned model outputs raw units (time in samples with an arbitrary offset, standardised amplitude);
 * {@link LinearCalibration} and {@link TargetScaling#fold} turn them into ns and codes ({@link LabelFreeRun}).
 * Same optimiser, learning-rate schedule, seeds, validation split by event and early stopping as {@link Trainer}.
 */
public final class LabelFreeTrainer {
    static final String PHASE = "lf";
    private static final int EVAL_CHUNK = 4096;

    private final TrainingOptions options;
    private final LabelFreeOptions lf;
    private final PrintStream log;

    public LabelFreeTrainer(TrainingOptions options, LabelFreeOptions lf, PrintStream log) {
        this.options = options;
        this.lf = lf;
        this.log = log;
    }

    /**
     * What {@link #train} produces.
     *
     * @param model       best model: output 0 = time in samples (offset free), output 1 (if any) = standardised peak
     * @param noiseSigma  the recording's noise estimate in model-input units
     * @param ampMean     mean of the amplitude proxy (model-input units) over the training windows
     * @param ampStd      its standard deviation
     * @param history     one record per epoch: train/validation loss (pair + energy), validation RMSE of the pair
     *                    difference in samples and of the amplitude in input units
     * @param trainIdx    the windows trained on
     * @param valIdx      the validation windows
     * @param seconds     wall time
     */
    public record Result(Model model, double noiseSigma, double ampMean, double ampStd, List<EpochRecord> history,
                         int[] trainIdx, int[] valIdx, double seconds) {}

    /** Trains {@code initial} (one output per {@link LabelFreeOptions#outputs}) on single-channel {@code windows}. */
    public Result train(Model initial, TrainingSet windows) {
        if (!initial.inputShape().equals(windows.inputShape()) || windows.inputShape().channels() != 1) {
            throw new IllegalArgumentException("label-free training needs single-channel windows matching the model input; model "
                    + initial.inputShape() + ", data " + windows.inputShape());
        }
        int outputs = initial.outputShape().size();
        if (outputs != lf.outputs()) {
            throw new IllegalArgumentException("the model has " + outputs + " outputs but label-free mode with energy "
                    + lf.energy().name().toLowerCase(Locale.ROOT) + " needs " + lf.outputs());
        }
        int[][] split = windows.splitByEvent(options.valFraction(), options.seed());
        if (split[0].length == 0) {
            throw new IllegalArgumentException("no training windows left after the validation split");
        }
        int len = windows.inputShape().length();
        float[] x = windows.inputs();
        ShiftResampler rs = new ShiftResampler(lf.method());
        double sigma = noiseSigma(windows);
        float addSigma = (float) (lf.noise() * sigma);
        float[] amp = new float[windows.size()];
        for (int s = 0; s < amp.length; s++) {
            amp[s] = (float) rs.peak(x, s * len, len);
        }
        double[] ms = meanStd(amp, split[0]);
        log.printf(Locale.ROOT, "label-free: %d training / %d validation windows, shifts ±%.3g samples (%s), gains ×/÷%.3g, %d pairs per window, "
                        + "recorded noise %.4g, added noise %.4g (input units), energy %s%n", split[0].length, split[1].length,
                lf.maxShift(), lf.method().name().toLowerCase(Locale.ROOT), lf.gain(), lf.pairs(), sigma, addSigma,
                lf.energy().name().toLowerCase(Locale.ROOT));

        // fixed validation pairs
        SplittableRandom vr = new SplittableRandom(options.seed() * 31 + 7);
        int nv = split[1].length;
        float[] xv = new float[2 * nv * len];
        float[] dv = new float[nv];
        float[] ev = new float[2 * nv];
        float[] gv = new float[2 * nv];
        for (int k = 0; k < nv; k++) {
            int w = split[1][k];
            makePair(rs, x, w, len, k, nv, vr, addSigma, amp, ms, xv, dv, ev, gv);
        }

        List<EpochRecord> history = new ArrayList<>();
        long t0 = System.nanoTime();
        Model best = initial;
        try (PairGraph g = new PairGraph(initial, options.threads(), lf.energy() == LabelFreeOptions.Energy.SHIFT, ms[0], ms[1])) {
            SplittableRandom rnd = new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + PHASE.hashCode());
            int[] order = new int[split[0].length * lf.pairs()];
            for (int i = 0; i < order.length; i++) {
                order[i] = split[0][i % split[0].length];
            }
            int b = options.batch();
            float[] xb = new float[2 * b * len];
            float[] db = new float[b];
            float[] eb = new float[2 * b];
            float[] gb = new float[2 * b];
            int steps = (order.length + b - 1) / b;
            double bestLoss = Double.POSITIVE_INFINITY;
            int since = 0;
            long step = 0;
            for (int e = 0; e < options.epochs(); e++) {
                long e0 = System.nanoTime();
                Trainer.shuffle(order, rnd);
                float lr = (float) options.learningRate(e);
                double sum = 0;
                String label = String.format(Locale.ROOT, "%s epoch %d/%d", PHASE, e + 1, options.epochs());
                try (ProgressBar bar = new ProgressBar(label, steps, log, log == System.err && System.console() != null)) {
                    for (int s = 0; s < steps; s++) {
                        int from = s * b;
                        int n = Math.min(b, order.length - from);
                        for (int k = 0; k < n; k++) {
                            int w = order[from + k];
                            makePair(rs, x, w, len, k, n, rnd, addSigma, amp, ms, xb, db, eb, gb);
                        }
                        float[] l = g.step(xb, db, eb, gb, n, ScheduledAdam.feedValues(lr, ++step));
                        sum += (l[0] + l[1]) * n;
                        bar.advance(1);
                    }
                }
                double trainLoss = sum / order.length;
                double[] val = evaluate(g, xv, dv, ev, gv, nv, len);
                double valLoss = nv == 0 ? Double.NaN : val[0] + val[1];
                double[] rmse = outputs > 1 ? new double[] {Math.sqrt(val[0]), Math.sqrt(val[1]) * ms[1]}
                        : new double[] {Math.sqrt(val[0])};
                if (nv == 0) {
                    Arrays.fill(rmse, Double.NaN);
                }
                EpochRecord rec = new EpochRecord(PHASE, e + 1, lr, trainLoss, valLoss, rmse, (System.nanoTime() - e0) / 1e9);
                history.add(rec);
                log.println(String.format(Locale.ROOT, "%-5s epoch %3d/%d  lr %.2e  train %.4e  val %.4e  pair rmse %.4g samples%s  (%.1f s)",
                        PHASE, e + 1, options.epochs(), lr, trainLoss, valLoss, rmse[0],
                        outputs > 1 ? String.format(Locale.ROOT, "  energy rmse %.4g", rmse[1]) : "", rec.seconds()));
                if (!Double.isFinite(trainLoss)) {
                    throw new IllegalStateException("label-free training diverged at epoch " + (e + 1) + " (loss " + trainLoss + "); lower --lr");
                }
                double monitored = nv == 0 ? trainLoss : valLoss;
                if (monitored < bestLoss) {
                    bestLoss = monitored;
                    best = g.extract();
                    since = 0;
                } else if (options.patience() > 0 && ++since >= options.patience()) {
                    log.printf(Locale.ROOT, "%s: no better validation loss for %d epochs, stopping; best %.4g%n",
                            PHASE, options.patience(), bestLoss);
                    break;
                }
            }
        }
        return new Result(best, sigma, ms[0], ms[1], history, split[0], split[1], (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Writes copy a of window {@code w} to slot {@code k} and copy b to slot {@code n + k}; {@code d[k] = δa − δb};
     * the standardised amplitude targets of the two (gain-scaled) copies to {@code e[k]}, {@code e[n + k]}.
     */
    private void makePair(ShiftResampler rs, float[] x, int w, int len, int k, int n, SplittableRandom rnd, float addSigma,
                          float[] amp, double[] ms, float[] out, float[] d, float[] e, float[] gs) {
        double da = (2 * rnd.nextDouble() - 1) * lf.maxShift();
        double db = (2 * rnd.nextDouble() - 1) * lf.maxShift();
        double ga = gain(rnd, amp[w]);
        double gb = gain(rnd, amp[w]);
        copy(rs, x, w, len, da, ga, k, rnd, addSigma, out);
        copy(rs, x, w, len, db, gb, n + k, rnd, addSigma, out);
        d[k] = (float) (da - db);
        e[k] = (float) ((ga * amp[w] - ms[0]) / ms[1]);
        e[n + k] = (float) ((gb * amp[w] - ms[0]) / ms[1]);
        gs[k] = (float) ga;
        gs[n + k] = (float) gb;
    }

    private void copy(ShiftResampler rs, float[] x, int w, int len, double delay, double g, int slot, SplittableRandom rnd,
                      float addSigma, float[] out) {
        int o = slot * len;
        rs.shift(x, w * len, len, delay, out, o);
        for (int i = 0; i < len; i++) {
            out[o + i] = (float) (g * out[o + i] + (addSigma > 0 ? addSigma * rnd.nextGaussian() : 0));
        }
    }

    /** Log-uniform in {@code [1/G, min(G, 1/peak)]} (1 when G = 1). */
    private double gain(SplittableRandom rnd, double peak) {
        if (lf.gain() <= 1) {
            return 1;
        }
        double lo = -Math.log(lf.gain());
        double hi = Math.log(Math.min(lf.gain(), peak > 1e-6 ? Math.max(1.0, 1.0 / peak) : lf.gain()));
        return Math.exp(lo + (hi - lo) * rnd.nextDouble());
    }

    /** {@code {mean pair loss, mean energy loss}} over the fixed validation pairs. */
    private static double[] evaluate(PairGraph g, float[] xv, float[] dv, float[] ev, float[] gv, int nv, int len) {
        double p = 0;
        double q = 0;
        float[] xc = new float[2 * Math.min(EVAL_CHUNK, Math.max(nv, 1)) * len];
        float[] dc = new float[Math.min(EVAL_CHUNK, Math.max(nv, 1))];
        float[] ec = new float[2 * dc.length];
        float[] gc = new float[2 * dc.length];
        for (int from = 0; from < nv; from += EVAL_CHUNK) {
            int n = Math.min(EVAL_CHUNK, nv - from);
            System.arraycopy(xv, from * len, xc, 0, n * len);
            System.arraycopy(xv, (nv + from) * len, xc, n * len, n * len);
            System.arraycopy(dv, from, dc, 0, n);
            System.arraycopy(ev, from, ec, 0, n);
            System.arraycopy(ev, nv + from, ec, n, n);
            System.arraycopy(gv, from, gc, 0, n);
            System.arraycopy(gv, nv + from, gc, n, n);
            float[] l = g.loss(xc, dc, ec, gc, n);
            p += (double) l[0] * n;
            q += (double) l[1] * n;
        }
        return nv == 0 ? new double[] {Double.NaN, Double.NaN} : new double[] {p / nv, q / nv};
    }

    /** Raw time outputs (samples) of {@code model} for the windows {@code idx}. */
    public static double[] predictTime(Model model, TrainingSet set, int[] idx) {
        FloatInference f = new FloatInference(model);
        double[] t = new double[idx.length];
        java.util.stream.IntStream.range(0, idx.length).parallel().forEach(k -> t[k] = f.run(set.input(idx[k]))[0]);
        return t;
    }

    /**
     * The recording's white-noise σ in model-input units: 1.4826 × the median absolute deviation of the windows'
     * first samples (the authors' SNR definition uses the first sample's standard deviation; the MAD ignores
     * the odd pile-up or early pulse).
     */
    static double noiseSigma(TrainingSet set) {
        int len = set.inputShape().length();
        double[] first = new double[set.size()];
        for (int s = 0; s < first.length; s++) {
            first[s] = set.inputs()[s * len];
        }
        double med = median(first);
        for (int s = 0; s < first.length; s++) {
            first[s] = Math.abs(first[s] - med);
        }
        return 1.4826 * median(first);
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        int n = c.length;
        return n % 2 == 1 ? c[n / 2] : 0.5 * (c[n / 2 - 1] + c[n / 2]);
    }

    private static double[] meanStd(float[] v, int[] idx) {
        double m = 0;
        for (int s : idx) {
            m += v[s];
        }
        m /= idx.length;
        double var = 0;
        for (int s : idx) {
            var += (v[s] - m) * (v[s] - m);
        }
        double sd = Math.sqrt(var / idx.length);
        return new double[] {m, sd > 1e-12 ? sd : 1.0};
    }
}
