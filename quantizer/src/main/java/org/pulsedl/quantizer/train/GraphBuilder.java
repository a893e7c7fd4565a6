package org.pulsedl.quantizer.train;

import java.util.ArrayList;
import java.util.List;
import org.pulsedl.quantizer.model.AveragePooling1D;
import org.pulsedl.quantizer.model.Conv1D;
import org.pulsedl.quantizer.model.Dense;
import org.pulsedl.quantizer.model.Flatten;
import org.pulsedl.quantizer.model.InputLayer;
import org.pulsedl.quantizer.model.Layer;
import org.pulsedl.quantizer.model.MaxPooling1D;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.model.ModelException;
import org.pulsedl.quantizer.model.Reshape;
import org.pulsedl.quantizer.model.Shape;
import org.pulsedl.quantizer.quant.Width;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.quantization.FakeQuantWithMinMaxVars;
import org.tensorflow.op.quantization.FakeQuantWithMinMaxVarsPerChannel;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Builds the TensorFlow graph of a float IR {@link Model} (graph mode, float32). Layout: a {@code [length]
 * [channels]} tensor is NHWC {@code [batch, 1, length, channels]} so Conv1D is {@code conv2d} with a
 * {@code [1, K, Cin, F]} kernel (Keras' {@code [K][Cin][F]} with a leading 1) and the IR's stride and padding
 * (TensorFlow's own SAME rule, DESIGN §2); a flat tensor is {@code [batch, n]}; Flatten is a row-major
 * reshape, so Dense weights keep Keras' {@code [in][units]}.
 *
 * <p>Weights live in {@link Variable}s initialised from the model's values ({@code Session.initialize()}).
 * With a {@link QatPlan} the graph fake-quantises as TFMOT does: weights per output channel, symmetric
 * int8 narrow range on {@code [−max|w|, max|w|]}; activations on moving-average ranges. FakeQuant has no
 * registered gradient in TF Java, so every fake-quant is written in straight-through form
 * {@code clip(x) + stopGradient(fq(x) − clip(x))}: the value is {@code fq(x)}, the gradient that of a clip
 * to the range, as TensorFlow's {@code FakeQuantWithMinMaxVarsGradient} gives.
 */
final class GraphBuilder {
    /** Decay of the activation-range moving averages (TFMOT's {@code ema_decay}). */
    static final float EMA_DECAY = 0.999f;

    private final Ops tf;
    private final Model model;
    private final List<Variable<TFloat32>> kernels = new ArrayList<>();
    private final List<Variable<TFloat32>> biases = new ArrayList<>();
    private final List<Integer> computeLayers = new ArrayList<>();

    GraphBuilder(Ops tf, Model model) {
        this.tf = tf;
        this.model = model;
        for (int i = 0; i < model.layers().size(); i++) {
            Layer l = model.layers().get(i);
            if (l instanceof Conv1D c) {
                float[][][][] k = new float[1][c.kernelSize()][c.inChannels()][c.filters()];
                for (int t = 0; t < c.kernelSize(); t++) {
                    for (int ch = 0; ch < c.inChannels(); ch++) {
                        for (int f = 0; f < c.filters(); f++) {
                            k[0][t][ch][f] = (float) c.kernel()[t][ch][f];
                        }
                    }
                }
                addWeights(c.name(), tf.constant(k), c.bias(), i);
            } else if (l instanceof Dense d) {
                float[][] w = new float[d.inputs()][d.units()];
                for (int a = 0; a < d.inputs(); a++) {
                    for (int u = 0; u < d.units(); u++) {
                        w[a][u] = (float) d.weights()[a][u];
                    }
                }
                addWeights(d.name(), tf.constant(w), d.bias(), i);
            } else if (!(l instanceof Flatten || l instanceof MaxPooling1D || l instanceof AveragePooling1D
                    || l instanceof InputLayer || (l instanceof Reshape && i <= 1))) {
                throw new ModelException(i, l, "is not supported for training (pulsedl train builds Conv1D, Dense, "
                        + "Flatten, pooling and a leading Reshape; fold BatchNormalization and drop Dropout first)");
            }
        }
    }

    private void addWeights(String name, Operand<TFloat32> init, double[] bias, int layer) {
        float[] b = new float[bias.length];
        for (int j = 0; j < b.length; j++) {
            b[j] = (float) bias[j];
        }
        // flat names: the framework names Adam's slots after the variable and refuses a '/' in them
        String safe = name.replaceAll("[^A-Za-z0-9_.\\-]", "_").replaceFirst("^[_\\-]", "x");
        kernels.add(tf.withName(safe + "_kernel").variable(init));
        biases.add(tf.withName(safe + "_bias").variable(tf.constant(b)));
        computeLayers.add(layer);
    }

    List<Variable<TFloat32>> kernels() { return kernels; }

    List<Variable<TFloat32>> biases() { return biases; }

    /** Model layer index of the {@code n}-th Conv1D/Dense. */
    int computeLayer(int n) { return computeLayers.get(n); }

    /**
     * Activation-range inputs of a fake-quantised forward pass.
     *
     * @param ranges   {@code [tensors, 2]} the moving-average {min, max} before this batch
     * @param training true: mix the batch's min/max in (TFMOT's training mode) and report the mixed ranges
     * @param updated  filled with the per-tensor {@code [2]} ranges used (training mode), one per quantised tensor
     */
    record Qat(QatPlan plan, Operand<TFloat32> ranges, boolean training, List<Operand<TFloat32>> updated) {}

    /** The model output for {@code x} ({@code [batch, ...inputShape]}), fake-quantised when {@code qat != null}. */
    Operand<TFloat32> forward(Operand<TFloat32> x, Qat qat) {
        Shape in = model.inputShape();
        Operand<TFloat32> h = in.isFlat() ? reshape(x, -1, in.size()) : reshape(x, -1, 1, in.length(), in.channels());
        if (qat != null) {
            h = fakeQuantActivation(h, 0, qat);
        }
        int compute = 0;
        for (int i = 0; i < model.layers().size(); i++) {
            Layer l = model.layers().get(i);
            Shape out = model.outputShape(i);
            if (l instanceof Conv1D c) {
                Operand<TFloat32> k = weights(kernels.get(compute), 3, qat);
                h = tf.nn.biasAdd(tf.nn.conv2d(h, k, List.of(1L, 1L, (long) c.stride(), 1L), c.padding().name()),
                        biases.get(compute));
                h = activation(h, c.activation());
                compute++;
            } else if (l instanceof Dense d) {
                Operand<TFloat32> w = weights(kernels.get(compute), 1, qat);
                h = tf.nn.biasAdd(tf.linalg.matMul(h, w), biases.get(compute));
                h = activation(h, d.activation());
                compute++;
            } else if (l instanceof MaxPooling1D p) {
                h = tf.nn.maxPool(h, tf.constant(new int[] {1, 1, p.poolSize(), 1}),
                        tf.constant(new int[] {1, 1, p.stride(), 1}), p.padding().name());
            } else if (l instanceof AveragePooling1D p) {
                h = tf.nn.avgPool(h, List.of(1L, 1L, (long) p.poolSize(), 1L), List.of(1L, 1L, (long) p.stride(), 1L),
                        p.padding().name());
            } else if (l instanceof Flatten || l instanceof Reshape) {
                h = out.isFlat() ? reshape(h, -1, out.size()) : reshape(h, -1, 1, out.length(), out.channels());
            }
            if (qat != null && (l instanceof Conv1D || l instanceof Dense)) {
                h = fakeQuantActivation(h, i + 1, qat);
            }
        }
        return h;
    }

    private Operand<TFloat32> reshape(Operand<TFloat32> x, int... dims) {
        return tf.reshape(x, tf.constant(dims));
    }

    private Operand<TFloat32> activation(Operand<TFloat32> h, org.pulsedl.quantizer.model.Activation a) {
        return switch (a) {
            case NONE -> h;
            case RELU -> tf.nn.relu(h);
            case RELU6 -> tf.nn.relu6(h);
        };
    }

    /** Per-output-channel symmetric int8 (narrow range) on {@code [−max|w|, max|w|]}, straight through. */
    private Operand<TFloat32> weights(Variable<TFloat32> w, int rank, Qat qat) {
        if (qat == null) {
            return w;
        }
        int[] axes = new int[rank];
        for (int a = 0; a < rank; a++) {
            axes[a] = a;
        }
        Operand<TFloat32> m = tf.math.maximum(tf.max(tf.math.abs(w), tf.constant(axes)), tf.constant(1e-8f));
        Operand<TFloat32> fq = tf.quantization.fakeQuantWithMinMaxVarsPerChannel(w, tf.math.neg(m), m,
                FakeQuantWithMinMaxVarsPerChannel.numBits(8L), FakeQuantWithMinMaxVarsPerChannel.narrowRange(true));
        return tf.math.add(w, tf.stopGradient(tf.math.sub(fq, w)));
    }

    private Operand<TFloat32> fakeQuantActivation(Operand<TFloat32> h, int t, Qat qat) {
        if (!qat.plan().quantised(t)) {
            return h;
        }
        Operand<TFloat32> zero = tf.constant(0f);
        Operand<TFloat32> lo = tf.squeeze(tf.slice(qat.ranges(), tf.constant(new int[] {t, 0}), tf.constant(new int[] {1, 1})));
        Operand<TFloat32> hi = tf.squeeze(tf.slice(qat.ranges(), tf.constant(new int[] {t, 1}), tf.constant(new int[] {1, 1})));
        if (qat.training()) {
            Operand<TInt32> all = tf.range(tf.constant(0), tf.rank(h), tf.constant(1));
            Operand<TFloat32> bmin = tf.math.minimum(tf.min(h, all), zero);
            Operand<TFloat32> bmax = tf.math.maximum(tf.max(h, all), zero);
            Operand<TFloat32> keep = tf.constant(EMA_DECAY);
            Operand<TFloat32> mix = tf.constant(1 - EMA_DECAY);
            lo = tf.stopGradient(tf.math.add(tf.math.mul(lo, keep), tf.math.mul(bmin, mix)));
            hi = tf.stopGradient(tf.math.add(tf.math.mul(hi, keep), tf.math.mul(bmax, mix)));
            qat.updated().add(tf.stack(List.of(lo, hi)));
        }
        Width w = qat.plan().width(t);
        boolean narrow = false;
        long bits = 8;
        if (w == Width.INT16) {                      // symmetric int16 (TFLite 16x8): [−a, a] on 65534 steps
            Operand<TFloat32> a = tf.math.maximum(tf.math.abs(lo), tf.math.abs(hi));
            lo = tf.math.neg(a);
            hi = a;
            narrow = true;
            bits = 16;
        }
        Operand<TFloat32> clipped = tf.math.minimum(tf.math.maximum(h, lo), hi);
        Operand<TFloat32> fq = tf.quantization.fakeQuantWithMinMaxVars(clipped, lo, hi,
                FakeQuantWithMinMaxVars.numBits(bits), FakeQuantWithMinMaxVars.narrowRange(narrow));
        return tf.math.add(clipped, tf.stopGradient(tf.math.sub(fq, clipped)));
    }
}
