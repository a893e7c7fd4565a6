package org.pulsedl.quantizer.importer.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Operator;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Tensor;
import org.pulsedl.quantizer.importer.tflite.TfliteOps.TensorType;
import org.pulsedl.quantizer.model.AveragePooling1D;
import org.pulsedl.quantizer.model.Conv1D;
import org.pulsedl.quantizer.model.Dense;
import org.pulsedl.quantizer.model.Flatten;
import org.pulsedl.quantizer.model.Layer;
import org.pulsedl.quantizer.model.MaxPooling1D;
import org.pulsedl.quantizer.model.Reshape;

/**
 * The float IR layers of a float32 file: every tensor checked to be float32, weights transposed from TFLite's
 * {@code [filters, 1, kernel, channels]} / {@code [units, inputs]} to the IR's layouts, a folded bias ADD or
 * BatchNormalization applied to the Conv1D's weights and bias.
 */
final class FloatLayerBuilder {
    private final TfliteGraph graph;
    private final LayerNames names = new LayerNames();

    private FloatLayerBuilder(TfliteGraph graph) {
        this.graph = graph;
    }

    /** One IR layer per piece, in order. */
    static List<Layer> build(TfliteGraph graph, List<Piece> pieces) {
        return new FloatLayerBuilder(graph).layers(pieces);
    }

    private List<Layer> layers(List<Piece> pieces) {
        List<Layer> layers = new ArrayList<>();
        for (Piece p : pieces) {
            Operator op = graph.ops().get(p.op());
            if (p instanceof Piece.Conv c) {
                requireFloat(op, c.in(), c.out(), c.weights(), c.bias());
                int[] ws = c.weights().shape();
                int filters = ws[0];
                int k = ws[2];
                int cin = ws[3];
                float[] w = floats(c.weights());
                double[][][] kernel = new double[k][cin][filters];
                for (int f = 0; f < filters; f++) {
                    for (int t = 0; t < k; t++) {
                        for (int ch = 0; ch < cin; ch++) {
                            kernel[t][ch][f] = w[(f * k + t) * cin + ch];
                        }
                    }
                }
                double[] bias = floatBias(c.bias(), filters);
                if (c.scale() != null) {          // a separate bias ADD or BatchNormalization, folded (LayerEpilogue)
                    for (int f = 0; f < filters; f++) {
                        for (int t = 0; t < k; t++) {
                            for (int ch = 0; ch < cin; ch++) {
                                kernel[t][ch][f] *= c.scale()[f];
                            }
                        }
                        bias[f] = bias[f] * c.scale()[f] + c.shift()[f];
                    }
                }
                layers.add(new Conv1D(names.next("conv1d"), filters, k, c.opts().strideW(), c.opts().padding(),
                        graph.activation(op, c.act()), kernel, bias));
            } else if (p instanceof Piece.Pool pp) {
                requireFloat(op, pp.in(), pp.out(), null, null);
                layers.add(pp.max()
                        ? new MaxPooling1D(names.next("max_pooling1d"), pp.opts().filterWidth(), pp.opts().strideW(),
                        pp.opts().padding())
                        : new AveragePooling1D(names.next("average_pooling1d"), pp.opts().filterWidth(),
                        pp.opts().strideW(), pp.opts().padding()));
            } else if (p instanceof Piece.Dense d) {
                requireFloat(op, d.in(), d.out(), d.weights(), d.bias());
                int units = d.weights().shape()[0];
                int inputs = d.weights().shape()[1];
                float[] w = floats(d.weights());
                double[][] weights = new double[inputs][units];
                for (int j = 0; j < units; j++) {
                    for (int i = 0; i < inputs; i++) {
                        weights[i][j] = w[j * inputs + i];
                    }
                }
                layers.add(new Dense(names.next("dense"), units, graph.activation(op, d.act()), weights,
                        floatBias(d.bias(), units)));
            } else if (p instanceof Piece.Flatten f) {
                requireFloat(op, f.in(), f.out(), null, null);
                layers.add(new Flatten(names.next("flatten")));
            } else if (p instanceof Piece.Reshape r) {
                requireFloat(op, r.in(), r.out(), null, null);
                layers.add(new Reshape(names.next("reshape"), graph.activationShape(r.out(), op, "output")));
            }
        }
        return layers;
    }

    private void requireFloat(Operator op, Tensor in, Tensor out, Tensor w, Tensor b) {
        for (Tensor t : new Tensor[] {in, out, w, b}) {
            if (t != null && t.type() != TensorType.FLOAT32) {
                String hint = t == w && (t.type() == TensorType.INT8 || t.type() == TensorType.UINT8)
                        ? " (dynamic-range quantised weights with float activations are not supported: convert "
                        + "float32 or full-integer)"
                        : "";
                throw graph.refuse(op, t + " is not float32 in a float model" + hint);
            }
        }
    }

    private double[] floatBias(Tensor bias, int n) {
        double[] b = new double[n];
        if (bias != null) {
            float[] f = floats(bias);
            for (int i = 0; i < n; i++) {
                b[i] = f[i];
            }
        }
        return b;
    }

    private float[] floats(Tensor t) {
        ByteBuffer bb = ByteBuffer.wrap(graph.data(t)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[(int) t.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = bb.getFloat(4 * i);
        }
        return v;
    }
}
