package org.pulsedl.quantizer.train;

import org.pulsedl.quantizer.model.Model;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * The siamese training graph of the label-free mode: one network ({@link GraphBuilder}, one set of weights)
 * evaluated on a concatenated batch {@code [copies a of n pairs; copies b of the same n pairs]}. Output 0 is the
 * time in samples; the pair loss is {@code mean(((t̂_a − t̂_b) − (δ_a − δ_b))²)}. With an energy output, the
 * MSE of output 1 against a standardised amplitude target (one per copy) is added, or (consistency mode) the
 * shift/gain consistency of output 1 anchored to the batch mean of the target.
 */
final class PairGraph implements AutoCloseable {
    private final Model model;
    private final Graph graph = new Graph();
    private final Session session;
    private final GraphBuilder builder;
    private final Placeholder<TFloat32> input;
    private final Placeholder<TFloat32> shiftDiff;
    private final Placeholder<TFloat32> energyTarget;
    private final Placeholder<TFloat32> gains;
    private final Operand<TFloat32> output;
    private final Operand<TFloat32> pairLoss;
    private final Operand<TFloat32> energyLoss;
    private final Operand<TFloat32> loss;
    private final Op trainOp;
    private final ScheduledAdam adam;
    private final int outputs;

    PairGraph(Model model, int threads) {
        this(model, threads, false, 0, 1);
    }

    /**
     * @param consistent energy loss = gain/shift consistency {@code mean((Ê_a/g_a − Ê_b/g_b)²)} plus the squared
     *                   difference of the batch means of {@code Ê/g} and of the peak proxy (both over {@code ampStd²});
     *                   false: MSE of output 1 against the standardised {@code g·peak}
     * @param ampMean    mean of the proxy (output 1 is {@code (Ê − ampMean) / ampStd})
     * @param ampStd     its standard deviation
     */
    PairGraph(Model model, int threads, boolean consistent, double ampMean, double ampStd) {
        this.model = model;
        this.outputs = model.outputShape().size();
        Ops tf = Ops.create(graph);
        builder = new GraphBuilder(tf, model);
        int len = model.inputShape().length();
        int ch = model.inputShape().channels();
        input = tf.withName("adc_input").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, len, ch)));
        shiftDiff = tf.withName("shift_diff").placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, -1)));
        output = builder.forward(input, null);                                              // [2n, outputs]
        Operand<TFloat32> t = tf.reshape(tf.slice(output, tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, 1})),
                tf.constant(new int[] {2, -1}));                                             // [2, n]: row 0 = a, row 1 = b
        Operand<TFloat32> diff = tf.math.sub(tf.slice(t, tf.constant(new int[] {0, 0}), tf.constant(new int[] {1, -1})),
                tf.slice(t, tf.constant(new int[] {1, 0}), tf.constant(new int[] {1, -1})));
        pairLoss = tf.math.mean(tf.math.squaredDifference(diff, shiftDiff), tf.constant(new int[] {0, 1}));
        if (outputs > 1) {
            energyTarget = tf.withName("energy_target").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
            Operand<TFloat32> e = tf.slice(output, tf.constant(new int[] {0, 1}), tf.constant(new int[] {-1, 1}));
            if (consistent) {
                gains = tf.withName("gains").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
                Operand<TFloat32> sd = tf.constant((float) ampStd);
                Operand<TFloat32> mu = tf.constant((float) ampMean);
                Operand<TFloat32> r = tf.math.div(tf.math.add(tf.math.mul(e, sd), mu), gains);          // Ê/g
                Operand<TFloat32> p = tf.math.div(tf.math.add(tf.math.mul(energyTarget, sd), mu), gains); // peak
                Operand<TFloat32> r2 = tf.reshape(r, tf.constant(new int[] {2, -1}));
                Operand<TFloat32> dr = tf.math.sub(tf.slice(r2, tf.constant(new int[] {0, 0}), tf.constant(new int[] {1, -1})),
                        tf.slice(r2, tf.constant(new int[] {1, 0}), tf.constant(new int[] {1, -1})));
                Operand<org.tensorflow.types.TInt32> all = tf.constant(new int[] {0, 1});
                Operand<TFloat32> cons = tf.math.mean(tf.math.square(dr), all);
                Operand<TFloat32> anchor = tf.math.square(tf.math.sub(tf.math.mean(r, all), tf.math.mean(p, all)));
                energyLoss = tf.math.div(tf.math.add(cons, anchor), tf.math.mul(sd, sd));
            } else {
                gains = null;
                energyLoss = tf.math.mean(tf.math.squaredDifference(e, energyTarget), tf.constant(new int[] {0, 1}));
            }
            loss = tf.math.add(pairLoss, energyLoss);
        } else {
            energyTarget = null;
            energyLoss = null;
            gains = null;
            loss = pairLoss;
        }
        adam = new ScheduledAdam(graph);
        trainOp = adam.minimize(loss);
        ConfigProto.Builder config = ConfigProto.newBuilder();
        if (threads > 0) {
            config.setIntraOpParallelismThreads(threads).setInterOpParallelismThreads(threads);
        }
        session = new Session(graph, config.build());
        session.initialize();
    }

    /**
     * One Adam step on {@code n} pairs ({@code x} holds {@code 2n} windows: the a copies, then the b copies);
     * returns {@code {pair loss, energy loss (0 without)}} before the update.
     *
     * @param d {@code δ_a − δ_b} per pair, in samples
     * @param e standardised amplitude target per window ({@code 2n}), ignored without an energy output
     */
    float[] step(float[] x, float[] d, float[] e, float[] g, int n, float[] adamFeed) {
        return run(x, d, e, g, n, adamFeed);
    }

    /** {@code {pair loss, energy loss}} on {@code n} pairs without training. */
    float[] loss(float[] x, float[] d, float[] e, float[] g, int n) {
        return run(x, d, e, g, n, null);
    }

    private float[] run(float[] x, float[] d, float[] e, float[] g, int n, float[] adamFeed) {
        int in = model.inputShape().size();
        try (TFloat32 xt = tensor(x, 2 * n * in, Shape.of(2L * n, model.inputShape().length(), model.inputShape().channels()));
             TFloat32 dt = tensor(d, n, Shape.of(1, n));
             TFloat32 et = outputs > 1 ? tensor(e, 2 * n, Shape.of(2L * n, 1)) : null;
             TFloat32 gt = gains != null ? tensor(g, 2 * n, Shape.of(2L * n, 1)) : null;
             TFloat32 lr = adamFeed == null ? null : TFloat32.scalarOf(adamFeed[0]);
             TFloat32 b1 = adamFeed == null ? null : TFloat32.scalarOf(adamFeed[1]);
             TFloat32 b2 = adamFeed == null ? null : TFloat32.scalarOf(adamFeed[2])) {
            Session.Runner r = session.runner().feed(input, xt).feed(shiftDiff, dt).fetch(pairLoss);
            if (et != null) {
                r.feed(energyTarget, et).fetch(energyLoss);
            }
            if (gt != null) {
                r.feed(gains, gt);
            }
            if (adamFeed != null) {
                r.feed(adam.learningRate(), lr).feed(adam.beta1Power(), b1).feed(adam.beta2Power(), b2).addTarget(trainOp);
            }
            try (Result res = r.run()) {
                float p = ((TFloat32) res.get(0)).getFloat();
                float q = et != null ? ((TFloat32) res.get(1)).getFloat() : 0f;
                return new float[] {p, q};
            }
        }
    }

    /** Outputs {@code [n][outputs]} row-major for {@code n} windows. */
    float[] predict(float[] x, int n) {
        int in = model.inputShape().size();
        try (TFloat32 xt = tensor(x, n * in, Shape.of(n, model.inputShape().length(), model.inputShape().channels()));
             Result res = session.runner().feed(input, xt).fetch(output).run()) {
            float[] out = new float[n * outputs];
            ((TFloat32) res.get(0)).copyTo(DataBuffers.of(out, false, false));
            return out;
        }
    }

    Model extract() { return NetworkGraph.extract(session, builder, model); }

    private static TFloat32 tensor(float[] data, int length, Shape shape) {
        return TFloat32.tensorOf(shape, DataBuffers.of(data, true, false).narrow(length));
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
