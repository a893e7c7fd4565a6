package org.pulsedl.quantizer.train;

import org.pulsedl.quantizer.model.AveragePooling1D;
import org.pulsedl.quantizer.model.Conv1D;
import org.pulsedl.quantizer.model.Dense;
import org.pulsedl.quantizer.model.Flatten;
import org.pulsedl.quantizer.model.FloatInference;
import org.pulsedl.quantizer.model.Layer;
import org.pulsedl.quantizer.model.MaxPooling1D;
import org.pulsedl.quantizer.qmodel.QAvgPool1D;
import org.pulsedl.quantizer.qmodel.QConv1D;
import org.pulsedl.quantizer.qmodel.QDense;
import org.pulsedl.quantizer.qmodel.QLayer;
import org.pulsedl.quantizer.qmodel.QMaxPool1D;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.quant.QuantParams;

/**
 * The fake-quantised float model of a {@code .qmodel} (the benchmark's {@code nn_fakequant}): float
 * arithmetic on the integer model's grids, as the QAT graph computes — weights are the dequantised int8
 * weights ({@code q · s_w[c]}, equal to TensorFlow's per-channel FakeQuant of the trained weights), biases
 * dequantised, every quantised tensor snapped to its grid ({@code s · (clamp(round(x/s) + z) − z)}), a raw
 * last layer left unrounded. Differences to the golden model are the integer requantisation's rounding only.
 */
public final class FakeQuantInference {
    private final QuantizedModel model;
    private final Layer[] layers;

    public FakeQuantInference(QuantizedModel model) {
        this.model = model;
        this.layers = new Layer[model.layers().size()];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = floatLayer(model.layers().get(i));
        }
    }

    /** Physical outputs ({@link QuantizedModel#toPhysical} scaling) for ADC codes {@code [channel][sample]}. */
    public double[] runFromAdc(short[][] adc) {
        if (model.inputStage() == null) {
            throw new IllegalStateException("model '" + model.name() + "' has no input stage");
        }
        int ch = model.inputStage().channels();
        int len = adc[0].length;
        double[] x = new double[len * ch];
        for (int c = 0; c < ch; c++) {
            for (int l = 0; l < len; l++) {
                int code = model.inputStage().adcBits() == 16 ? adc[c][l] & 0xFFFF : adc[c][l];
                x[l * ch + c] = model.inputStage().real(c, code);
            }
        }
        return run(x);
    }

    /** Physical outputs for a float model input ({@code [length][channels]} row-major). */
    public double[] run(double[] input) {
        double[] x = snap(input, model.input());
        for (int i = 0; i < layers.length; i++) {
            QLayer q = model.layers().get(i);
            x = FloatInference.apply(layers[i], q.inputShape(), q.outputShape(), x);
            if (q.output() != null && !(q instanceof QMaxPool1D)) {
                x = snap(x, q.output());
            }
        }
        double[] out = x.clone();
        for (int i = 0; i < out.length && !model.outputs().isEmpty(); i++) {
            out[i] = model.outputs().get(i).apply(out[i]);
        }
        return out;
    }

    private static double[] snap(double[] x, QuantParams p) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = p.dequantize(p.quantize(x[i]));
        }
        return y;
    }

    private static Layer floatLayer(QLayer q) {
        if (q instanceof QConv1D c) {
            int cin = c.inChannels();
            double[][][] k = new double[c.kernelSize()][cin][c.filters()];
            double[] b = new double[c.filters()];
            for (int f = 0; f < c.filters(); f++) {
                for (int t = 0; t < c.kernelSize(); t++) {
                    for (int ch = 0; ch < cin; ch++) {
                        k[t][ch][f] = c.weights()[f][t * cin + ch] * c.weightScales()[f];
                    }
                }
                b[f] = c.bias()[f] * c.input().scale() * c.weightScales()[f];
            }
            return new Conv1D(c.name(), c.filters(), c.kernelSize(), c.stride(), c.padding(), c.activation(), k, b);
        } else if (q instanceof QDense d) {
            double[][] w = new double[d.inputs()][d.units()];
            double[] b = new double[d.units()];
            for (int u = 0; u < d.units(); u++) {
                for (int i = 0; i < d.inputs(); i++) {
                    w[i][u] = d.weights()[u][i] * d.weightScales()[u];
                }
                b[u] = d.bias()[u] * d.input().scale() * d.weightScales()[u];
            }
            return new Dense(d.name(), d.units(), d.activation(), w, b);
        } else if (q instanceof QMaxPool1D m) {
            return new MaxPooling1D(m.name(), m.poolSize(), m.stride(), m.padding());
        } else if (q instanceof QAvgPool1D a) {
            return new AveragePooling1D(a.name(), a.poolSize(), a.stride(), a.padding());
        }
        return new Flatten(q.name());            // Flatten and Reshape move no data
    }
}
