package org.pulsedl.quantizer.train;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.pulsedl.quantizer.model.FloatInference;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.quant.Precision;
import org.pulsedl.quantizer.util.ProgressBar;

/**
 * Supervised training of a float IR {@link Model} with TensorFlow Java in graph mode, then optional
 * quantisation-aware fine-tuning (docs/training.md).
 *
 * <p>Float phase: MSE on standardised targets ({@link TargetScaling}), {@link ScheduledAdam} with an
 * exponentially decaying learning rate, seeded shuffling, a validation split by event, early stopping with
 * patience and restore of the best weights. QAT phase: the best float model is fine-tuned with FakeQuant ops
 * ({@link GraphBuilder}) on moving-average activation ranges, starting from min/max ranges measured with
 * {@link FloatInference} on training samples. Each epoch draws a {@link ProgressBar} and prints one status line.
 */
public final class Trainer {
    private static final int EVAL_CHUNK = 8192;
    private static final int RANGE_SAMPLES = 2048;

    private final TrainingOptions options;
    private final PrintStream log;

    public Trainer(TrainingOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    /**
     * Trains {@code initial} (its last Dense regresses the standardised targets) on {@code set}.
     *
     * @param precision    activation widths simulated by QAT
     * @param rawLastLayer whether the integer model's last layer stays raw (its output is then not fake-quantised)
     */
    public TrainingResult train(Model initial, TrainingSet set, Precision precision, boolean rawLastLayer) {
        if (!initial.inputShape().equals(set.inputShape())) {
            throw new IllegalArgumentException("the model input " + initial.inputShape() + " does not match the data's "
                    + set.inputShape() + " (per-channel samples are [samples][1])");
        }
        int outputs = initial.outputShape().size();
        if (outputs != set.targetCount()) {
            throw new IllegalArgumentException("the model has " + outputs + " outputs but there are "
                    + set.targetCount() + " targets");
        }
        int[][] split = set.splitByEvent(options.valFraction(), options.seed());
        if (split[0].length == 0) {
            throw new IllegalArgumentException("no training samples left after the validation split");
        }
        TargetScaling scaling = TargetScaling.of(set, split[0]);
        Data data = new Data(set, scaling);
        List<EpochRecord> history = new ArrayList<>();

        long t0 = System.nanoTime();
        Model best;
        try (NetworkGraph g = new NetworkGraph(initial, outputs, null, options.threads(), set.weighted())) {
            best = run("float", g, data, split, null, history, options.epochs(), options::learningRate, initial);
        }
        double floatSeconds = (System.nanoTime() - t0) / 1e9;
        if (options.qatEpochs() == 0) {
            return new TrainingResult(best, null, null, null, scaling, history, floatSeconds, 0);
        }
        long t1 = System.nanoTime();
        QatPlan plan = QatPlan.of(best, precision, rawLastLayer);
        float[][] ranges = initialRanges(best, set, split[0], plan);
        Model qat;
        float[][] bestRanges;
        try (NetworkGraph g = new NetworkGraph(best, outputs, plan, options.threads(), set.weighted())) {
            QatState state = new QatState(ranges);
            qat = run("qat", g, data, split, state, history, options.qatEpochs(), options::qatLearningRate, best);
            bestRanges = state.best;
        }
        List<double[]> r = new ArrayList<>();
        for (int t = 0; t < plan.tensors(); t++) {
            r.add(plan.quantised(t) ? new double[] {bestRanges[t][0], bestRanges[t][1]} : null);
        }
        return new TrainingResult(best, qat, plan, r, scaling, history, floatSeconds, (System.nanoTime() - t1) / 1e9);
    }

    /** Training samples with standardised targets. */
    private record Data(TrainingSet set, float[] y, double[] std) {
        Data(TrainingSet set, TargetScaling scaling) {
            this(set, standardised(set, scaling), scaling.std());
        }

        private static float[] standardised(TrainingSet set, TargetScaling scaling) {
            int t = set.targetCount();
            float[] y = new float[set.size() * t];
            for (int s = 0; s < set.size(); s++) {
                for (int i = 0; i < t; i++) {
                    y[s * t + i] = scaling.standardise(i, set.target(s, i));
                }
            }
            return y;
        }
    }

    /** Moving-average ranges during QAT and the ranges of the best epoch. */
    private static final class QatState {
        final float[][] ranges;
        float[][] best;

        QatState(float[][] ranges) {
            this.ranges = ranges;
            this.best = copy(ranges);
        }

        static float[][] copy(float[][] r) {
            float[][] c = new float[r.length][];
            for (int i = 0; i < r.length; i++) {
                c[i] = r[i].clone();
            }
            return c;
        }
    }

    private interface Schedule {
        double lr(int epoch);
    }

    private Model run(String phase, NetworkGraph g, Data data, int[][] split, QatState qat, List<EpochRecord> history,
                      int epochs, Schedule schedule, Model start) {
        SplittableRandom rnd = new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + phase.hashCode());
        int[] order = split[0].clone();
        int in = data.set().inputSize();
        int t = data.set().targetCount();
        float[] xb = new float[options.batch() * in];
        float[] yb = new float[options.batch() * t];
        float[] wb = new float[options.batch()];
        float[] xAll = data.set().inputs();
        Model best = start;
        double bestLoss = Double.POSITIVE_INFINITY;
        int since = 0;
        long step = 0;
        int steps = (order.length + options.batch() - 1) / options.batch();
        for (int e = 0; e < epochs; e++) {
            long start0 = System.nanoTime();
            shuffle(order, rnd);
            float lr = (float) schedule.lr(e);
            double sum = 0;
            String label = String.format(Locale.ROOT, "%s epoch %d/%d", phase, e + 1, epochs);
            try (ProgressBar bar = new ProgressBar(label, steps, log, log == System.err && System.console() != null)) {
                for (int b = 0; b < steps; b++) {
                    int from = b * options.batch();
                    int n = Math.min(options.batch(), order.length - from);
                    for (int k = 0; k < n; k++) {
                        int s = order[from + k];
                        System.arraycopy(xAll, s * in, xb, k * in, in);
                        System.arraycopy(data.y(), s * t, yb, k * t, t);
                        wb[k] = data.set().weight(s);
                    }
                    float[] feed = ScheduledAdam.feedValues(lr, ++step);
                    sum += g.step(xb, yb, wb, n, feed, qat == null ? null : qat.ranges) * n;
                    bar.status(String.format(Locale.ROOT, "loss %.4g", sum / (from + n)));
                    bar.advance(1);
                }
            }
            double trainLoss = sum / order.length;
            double[] val = evaluate(g, data, split[1], qat);
            double valLoss = split[1].length == 0 ? Double.NaN : val[0];
            double[] rmse = Arrays.copyOfRange(val, 1, val.length);
            EpochRecord rec = new EpochRecord(phase, e + 1, lr, trainLoss, valLoss, rmse, (System.nanoTime() - start0) / 1e9);
            history.add(rec);
            log.println(status(rec, epochs));
            double monitored = split[1].length == 0 ? trainLoss : valLoss;
            if (!Double.isFinite(trainLoss)) {
                throw new IllegalStateException(phase + " training diverged at epoch " + (e + 1)
                        + " (loss " + trainLoss + "); lower --lr");
            }
            if (monitored < bestLoss) {
                bestLoss = monitored;
                best = g.extract();
                if (qat != null) {
                    qat.best = QatState.copy(qat.ranges);
                }
                since = 0;
            } else if (options.patience() > 0 && ++since >= options.patience()) {
                log.printf(Locale.ROOT, "%s: no better validation loss for %d epochs, stopping; best %.4g%n",
                        phase, options.patience(), bestLoss);
                break;
            }
        }
        return best;
    }

    /**
     * {@code {standardised MSE, RMSE of target 0 in label units, …}} on the validation samples; the MSE is
     * weighted by the samples' loss weights as in training (so early stopping watches what is minimised), the
     * RMSEs are not.
     */
    private double[] evaluate(NetworkGraph g, Data data, int[] idx, QatState qat) {
        int in = data.set().inputSize();
        int t = data.set().targetCount();
        double[] out = new double[1 + t];
        if (idx.length == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        float[] x = new float[Math.min(EVAL_CHUNK, idx.length) * in];
        double mse = 0;
        double[] sq = new double[t];
        for (int from = 0; from < idx.length; from += EVAL_CHUNK) {
            int n = Math.min(EVAL_CHUNK, idx.length - from);
            for (int k = 0; k < n; k++) {
                System.arraycopy(data.set().inputs(), idx[from + k] * in, x, k * in, in);
            }
            float[] p = g.predict(x, n, qat == null ? null : qat.ranges);
            for (int k = 0; k < n; k++) {
                int s = idx[from + k];
                double w = data.set().weight(s);
                for (int i = 0; i < t; i++) {
                    double d = p[k * t + i] - data.y()[s * t + i];
                    mse += w * d * d;
                    double dp = d * data.std()[i];
                    sq[i] += dp * dp;
                }
            }
        }
        out[0] = mse / ((double) idx.length * t);
        for (int i = 0; i < t; i++) {
            out[1 + i] = Math.sqrt(sq[i] / idx.length);
        }
        return out;
    }

    private String status(EpochRecord r, int epochs) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-5s epoch %3d/%d  lr %.2e  train %.4e  val %.4e  rmse",
                r.phase(), r.epoch(), epochs, r.lr(), r.trainLoss(), r.valLoss()));
        double[] rmse = r.valRmse();
        for (int i = 0; i < rmse.length; i++) {
            sb.append(String.format(Locale.ROOT, " %.4g", rmse[i]));
        }
        sb.append(String.format(Locale.ROOT, "  (%.1f s)", r.seconds()));
        return sb.toString();
    }

    /** Fisher–Yates shuffle in place (the one order every training run uses). */
    static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }

    /** Min/max (widened to contain 0) of every quantised tensor over up to {@value #RANGE_SAMPLES} training samples. */
    static float[][] initialRanges(Model model, TrainingSet set, int[] idx, QatPlan plan) {
        FloatInference inference = new FloatInference(model);
        float[][] r = new float[plan.tensors()][];
        for (int t = 0; t < plan.tensors(); t++) {
            r[t] = new float[] {0f, 0f};
        }
        int n = Math.min(RANGE_SAMPLES, idx.length);
        for (int k = 0; k < n; k++) {
            double[] x = set.input(idx[(int) ((long) k * idx.length / n)]);
            List<double[]> outs = inference.trace(x);
            for (int t = 0; t < plan.tensors(); t++) {
                if (!plan.quantised(t)) {
                    continue;
                }
                double[] v = t == 0 ? x : outs.get(t - 1);
                for (double d : v) {
                    r[t][0] = Math.min(r[t][0], (float) d);
                    r[t][1] = Math.max(r[t][1], (float) d);
                }
            }
        }
        for (float[] range : r) {
            if (range[1] - range[0] < 1e-6f) {
                range[1] = range[0] + 1e-6f;
            }
        }
        return r;
    }
}
