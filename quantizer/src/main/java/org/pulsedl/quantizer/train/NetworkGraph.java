package org.pulsedl.quantizer.train;

import java.util.ArrayList;
import java.util.List;
import org.pulsedl.quantizer.model.Conv1D;
import org.pulsedl.quantizer.model.Dense;
import org.pulsedl.quantizer.model.Layer;
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
 * One TensorFlow graph and session for training a model: a forward pass for training (fake-quant ranges
 * mixed with the batch when QAT), one for evaluation, the standardised-MSE loss and an Adam step. Weights
 * start from the IR model and come back with {@link #extract}. Moving-average activation ranges are kept by
 * the caller and fed in ({@code [tensors, 2]}), so the graph holds no state but the weights and Adam's slots.
 * A weighted graph ({@link LossWeight}) takes one weight per sample: loss = mean over the batch of
 * w · (the sample's mean squared error over the targets); unweighted, the loss is the plain MSE.
 */
final class NetworkGraph implements AutoCloseable {
    private final Model model;
    private final QatPlan plan;
    private final Graph graph = new Graph();
    private final Session session;
    private final GraphBuilder builder;
    private final Placeholder<TFloat32> input;
    private final Placeholder<TFloat32> target;
    private final Placeholder<TFloat32> ranges;
    private final Placeholder<TFloat32> weight;
    private final Operand<TFloat32> loss;
    private final Operand<TFloat32> evalOutput;
    private final List<Operand<TFloat32>> updatedRanges = new ArrayList<>();
    private final Op trainOp;
    private final ScheduledAdam adam;

    /**
     * @param model   the starting weights (its last layer outputs standardised targets)
     * @param targets number of outputs
     * @param plan    fake-quantisation plan, or {@code null} for float training
     * @param threads TensorFlow threads (0 = default)
     * @param weighted whether the loss takes a weight per sample ({@link #step}, {@link #loss})
     */
    NetworkGraph(Model model, int targets, QatPlan plan, int threads, boolean weighted) {
        this.model = model;
        this.plan = plan;
        Ops tf = Ops.create(graph);
        builder = new GraphBuilder(tf, model);
        long[] inDims = new long[model.inputShape().rank() + 1];
        inDims[0] = -1;
        for (int i = 0; i < model.inputShape().rank(); i++) {
            inDims[i + 1] = model.inputShape().dims()[i];
        }
        input = tf.withName("adc_input").placeholder(TFloat32.class, Placeholder.shape(Shape.of(inDims)));
        target = tf.withName("target").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, targets)));
        ranges = plan == null ? null
                : tf.withName("ranges").placeholder(TFloat32.class, Placeholder.shape(Shape.of(plan.tensors(), 2)));
        Operand<TFloat32> trainOut = builder.forward(input,
                plan == null ? null : new GraphBuilder.Qat(plan, ranges, true, updatedRanges));
        evalOutput = plan == null ? trainOut : builder.forward(input, new GraphBuilder.Qat(plan, ranges, false, new ArrayList<>()));
        weight = weighted ? tf.withName("weight").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1))) : null;
        Operand<TFloat32> sq = tf.math.squaredDifference(trainOut, target);
        loss = weighted
                ? tf.math.mean(tf.math.mul(weight, tf.math.mean(sq, tf.constant(1))), tf.constant(0))
                : tf.math.mean(sq, tf.constant(new int[] {0, 1}));
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
     * One Adam step on {@code n} samples; returns the batch loss. With QAT, {@code emaRanges} ({@code [tensor]
     * {min, max}}) is updated in place with the moving averages after this batch. {@code w} holds the samples'
     * loss weights in a weighted graph and is ignored otherwise.
     */
    float step(float[] x, float[] y, float[] w, int n, float[] adamFeed, float[][] emaRanges) {
        try (TFloat32 xt = batch(x, n);
             TFloat32 yt = tensor(y, n * targetCount(), Shape.of(n, targetCount()));
             TFloat32 wt = weight == null ? null : tensor(w, n, Shape.of(n));
             TFloat32 lr = TFloat32.scalarOf(adamFeed[0]);
             TFloat32 b1 = TFloat32.scalarOf(adamFeed[1]);
             TFloat32 b2 = TFloat32.scalarOf(adamFeed[2]);
             TFloat32 rt = plan == null ? null : rangesTensor(emaRanges)) {
            Session.Runner r = session.runner().feed(input, xt).feed(target, yt).feed(adam.learningRate(), lr)
                    .feed(adam.beta1Power(), b1).feed(adam.beta2Power(), b2).addTarget(trainOp).fetch(loss);
            if (wt != null) {
                r.feed(weight, wt);
            }
            if (rt != null) {
                r.feed(ranges, rt);
                updatedRanges.forEach(r::fetch);
            }
            try (Result res = r.run()) {
                if (rt != null) {
                    int k = 1;
                    for (int t = 0; t < plan.tensors(); t++) {
                        if (plan.quantised(t)) {
                            TFloat32 u = (TFloat32) res.get(k++);
                            emaRanges[t][0] = u.getFloat(0);
                            emaRanges[t][1] = u.getFloat(1);
                        }
                    }
                }
                return ((TFloat32) res.get(0)).getFloat();
            }
        }
    }

    /**
     * The training loss on {@code n} samples without a step (float graph only): what {@link #step} minimises,
     * for checking the loss against a hand-computed value.
     */
    float loss(float[] x, float[] y, float[] w, int n) {
        if (plan != null) {
            throw new IllegalStateException("loss() evaluates the float graph only");
        }
        try (TFloat32 xt = batch(x, n);
             TFloat32 yt = tensor(y, n * targetCount(), Shape.of(n, targetCount()));
             TFloat32 wt = weight == null ? null : tensor(w, n, Shape.of(n))) {
            Session.Runner r = session.runner().feed(input, xt).feed(target, yt).fetch(loss);
            if (wt != null) {
                r.feed(weight, wt);
            }
            try (Result res = r.run()) {
                return ((TFloat32) res.get(0)).getFloat();
            }
        }
    }

    /** Evaluation outputs ({@code [n][targets]} row-major) for {@code n} inputs, fake-quantised on {@code emaRanges}. */
    float[] predict(float[] x, int n, float[][] emaRanges) {
        try (TFloat32 xt = batch(x, n);
             TFloat32 rt = plan == null ? null : rangesTensor(emaRanges)) {
            Session.Runner r = session.runner().feed(input, xt).fetch(evalOutput);
            if (rt != null) {
                r.feed(ranges, rt);
            }
            try (Result res = r.run()) {
                float[] out = new float[n * targetCount()];
                ((TFloat32) res.get(0)).copyTo(DataBuffers.of(out, false, false));
                return out;
            }
        }
    }

    private int targetCount() { return (int) target.shape().get(1); }

    private TFloat32 batch(float[] x, int n) {
        long[] dims = new long[model.inputShape().rank() + 1];
        dims[0] = n;
        for (int i = 0; i < model.inputShape().rank(); i++) {
            dims[i + 1] = model.inputShape().dims()[i];
        }
        return tensor(x, n * model.inputShape().size(), Shape.of(dims));
    }

    private static TFloat32 tensor(float[] data, int length, Shape shape) {
        return TFloat32.tensorOf(shape, DataBuffers.of(data, true, false).narrow(length));
    }

    private TFloat32 rangesTensor(float[][] r) {
        float[] flat = new float[2 * r.length];
        for (int t = 0; t < r.length; t++) {
            flat[2 * t] = r[t][0];
            flat[2 * t + 1] = r[t][1];
        }
        return tensor(flat, flat.length, Shape.of(r.length, 2));
    }

    /** The IR model with the graph's current weights (same layers, Keras layouts). */
    Model extract() {
        return extract(session, builder, model);
    }

    /** {@code model} with the current weights of {@code builder}'s variables in {@code session}. */
    static Model extract(Session session, GraphBuilder builder, Model model) {
        List<Layer> layers = new ArrayList<>(model.layers());
        for (int n = 0; n < builder.kernels().size(); n++) {
            int i = builder.computeLayer(n);
            float[] k;
            float[] b;
            try (Result res = session.runner().fetch(builder.kernels().get(n)).fetch(builder.biases().get(n)).run()) {
                TFloat32 kt = (TFloat32) res.get(0);
                TFloat32 bt = (TFloat32) res.get(1);
                k = new float[(int) kt.shape().size()];
                b = new float[(int) bt.shape().size()];
                kt.copyTo(DataBuffers.of(k, false, false));
                bt.copyTo(DataBuffers.of(b, false, false));
            }
            double[] bias = new double[b.length];
            for (int j = 0; j < b.length; j++) {
                bias[j] = b[j];
            }
            Layer l = layers.get(i);
            if (l instanceof Conv1D c) {
                double[][][] kernel = new double[c.kernelSize()][c.inChannels()][c.filters()];
                int p = 0;
                for (int t = 0; t < c.kernelSize(); t++) {
                    for (int ch = 0; ch < c.inChannels(); ch++) {
                        for (int f = 0; f < c.filters(); f++) {
                            kernel[t][ch][f] = k[p++];
                        }
                    }
                }
                layers.set(i, new Conv1D(c.name(), c.filters(), c.kernelSize(), c.stride(), c.padding(), c.activation(), kernel, bias));
            } else {
                Dense d = (Dense) l;
                double[][] w = new double[d.inputs()][d.units()];
                int p = 0;
                for (int a = 0; a < d.inputs(); a++) {
                    for (int u = 0; u < d.units(); u++) {
                        w[a][u] = k[p++];
                    }
                }
                layers.set(i, new Dense(d.name(), d.units(), d.activation(), w, bias));
            }
        }
        return model.withLayers(layers);
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
