package org.pulsedl.quantizer.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The float reference inference, in double precision. Tensors are flat arrays in row-major
 * {@code [length][channels]} order (DESIGN §2 layout); padding follows TensorFlow's rule
 * ({@link Padding}), padded samples are zero.
 */
public final class FloatInference {
    private final Model model;

    public FloatInference(Model model) {
        this.model = model;
    }

    /** Runs one window; {@code input} has {@code model.inputShape().size()} values. */
    public double[] run(double[] input) {
        List<double[]> all = trace(input);
        return all.isEmpty() ? input.clone() : all.get(all.size() - 1);
    }

    /** Every layer's output, in layer order. */
    public List<double[]> trace(double[] input) {
        if (input.length != model.inputShape().size()) {
            throw new IllegalArgumentException("model '" + model.name() + "' expects " + model.inputShape().size()
                    + " input values, got " + input.length);
        }
        List<double[]> outputs = new ArrayList<>(model.layers().size());
        double[] x = input;
        for (int i = 0; i < model.layers().size(); i++) {
            x = apply(model.layers().get(i), model.inputShape(i), model.outputShape(i), x);
            outputs.add(x);
        }
        return outputs;
    }

    /** One layer on one tensor. */
    public static double[] apply(Layer layer, Shape in, Shape out, double[] x) {
        // Java 17 has no pattern switch; the sealed interface keeps this list complete.
        if (layer instanceof Conv1D l) {
            return conv1d(l, in, out, x);
        } else if (layer instanceof Dense l) {
            return dense(l, x);
        } else if (layer instanceof MaxPooling1D l) {
            return pool(in, out, l.poolSize(), l.stride(), l.padding(), x, true);
        } else if (layer instanceof AveragePooling1D l) {
            return pool(in, out, l.poolSize(), l.stride(), l.padding(), x, false);
        } else if (layer instanceof BatchNormalization l) {
            return batchNorm(l, x);
        } else {
            return x; // InputLayer, Flatten, Reshape, Dropout: data unchanged
        }
    }

    private static double[] conv1d(Conv1D l, Shape in, Shape out, double[] x) {
        int len = in.length();
        int cin = in.channels();
        int pad = l.padding().padLeft(len, l.kernelSize(), l.stride());
        double[] y = new double[out.size()];
        for (int o = 0; o < out.length(); o++) {
            for (int f = 0; f < l.filters(); f++) {
                double acc = l.bias()[f];
                for (int k = 0; k < l.kernelSize(); k++) {
                    int pos = o * l.stride() + k - pad;
                    if (pos < 0 || pos >= len) {
                        continue;
                    }
                    for (int c = 0; c < cin; c++) {
                        acc += x[pos * cin + c] * l.kernel()[k][c][f];
                    }
                }
                y[o * l.filters() + f] = l.activation().apply(acc);
            }
        }
        return y;
    }

    private static double[] dense(Dense l, double[] x) {
        double[] y = new double[l.units()];
        for (int j = 0; j < l.units(); j++) {
            double acc = l.bias()[j];
            for (int i = 0; i < x.length; i++) {
                acc += x[i] * l.weights()[i][j];
            }
            y[j] = l.activation().apply(acc);
        }
        return y;
    }

    private static double[] pool(Shape in, Shape out, int size, int stride, Padding padding, double[] x, boolean max) {
        int len = in.length();
        int ch = in.channels();
        int pad = padding.padLeft(len, size, stride);
        double[] y = new double[out.size()];
        for (int o = 0; o < out.length(); o++) {
            int start = Math.max(o * stride - pad, 0);
            int end = Math.min(o * stride - pad + size, len);
            for (int c = 0; c < ch; c++) {
                double acc = max ? Double.NEGATIVE_INFINITY : 0.0;
                for (int p = start; p < end; p++) {
                    acc = max ? Math.max(acc, x[p * ch + c]) : acc + x[p * ch + c];
                }
                y[o * ch + c] = max ? acc : acc / (end - start);
            }
        }
        return y;
    }

    private static double[] batchNorm(BatchNormalization l, double[] x) {
        int ch = l.channels();
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int c = i % ch;
            y[i] = x[i] * l.scale(c) + l.offset(c);
        }
        return y;
    }
}
