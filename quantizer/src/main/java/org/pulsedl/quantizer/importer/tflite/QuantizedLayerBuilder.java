package org.pulsedl.quantizer.importer.tflite;

import java.util.ArrayList;
import java.util.List;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Operator;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Tensor;
import org.pulsedl.quantizer.model.Activation;
import org.pulsedl.quantizer.model.Shape;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Options;
import org.pulsedl.quantizer.qmodel.QAvgPool1D;
import org.pulsedl.quantizer.qmodel.QBiasAdd;
import org.pulsedl.quantizer.qmodel.QConv1D;
import org.pulsedl.quantizer.qmodel.QDense;
import org.pulsedl.quantizer.qmodel.QFlatten;
import org.pulsedl.quantizer.qmodel.QLayer;
import org.pulsedl.quantizer.qmodel.QMaxPool1D;
import org.pulsedl.quantizer.qmodel.QReshape;
import org.pulsedl.quantizer.qmodel.Requant;
import org.pulsedl.quantizer.quant.PostTrainingQuantizer;
import org.pulsedl.quantizer.quant.QuantParams;
import org.pulsedl.quantizer.quant.QuantizedMultiplier;
import org.pulsedl.quantizer.quant.Width;

/**
 * The quantised IR layers of a full-integer (int8 or 16x8) file, with the file's quantisation
 * ({@link QuantizedTensors}) and each Conv/Dense {@code (M0, shift)} computed as TFLite's {@code Prepare} does.
 */
final class QuantizedLayerBuilder {
    private final TfliteGraph graph;
    private final QuantizedTensors tensors;
    private final LayerNames names = new LayerNames();

    QuantizedLayerBuilder(TfliteGraph graph) {
        this.graph = graph;
        this.tensors = new QuantizedTensors(graph);
    }

    /** The model input's activation parameters (refusals name no operator). */
    QuantParams inputParams(Tensor in) {
        return tensors.quant(null, in);
    }

    /** One QLayer per piece, in order, starting from {@code inputShape}. */
    List<QLayer> layers(List<Piece> pieces, Shape inputShape) {
        List<QLayer> layers = new ArrayList<>();
        Shape shape = inputShape;
        for (Piece p : pieces) {
            Operator op = graph.ops().get(p.op());
            if (p instanceof Piece.Conv c) {
                QuantParams in = tensors.quant(op, c.in());
                QuantParams out = tensors.quant(op, c.out());
                int[] ws = c.weights().shape();
                int filters = ws[0];
                int k = ws[2];
                int cin = ws[3];
                double[] scales = tensors.weightScales(op, c.weights(), filters);
                byte[][] weights = tensors.weightRows(op, c.weights(), filters, k * cin);
                long[] bias = tensors.intBias(op, c.bias(), filters, in.width());
                Activation act = graph.activation(op, c.act());
                Requant rq = requant(op, in, scales, out, act, true);
                QConv1D q = new QConv1D(names.next("conv1d"), shape, filters, k, c.opts().strideW(),
                        c.opts().padding(), act, in, weights, scales, bias, rq);
                layers.add(q);
                shape = q.outputShape();
            } else if (p instanceof Piece.Pool pp) {
                QuantParams q = tensors.quant(op, pp.in());
                QLayer l = pp.max()
                        ? new QMaxPool1D(names.next("max_pooling1d"), shape, pp.opts().filterWidth(),
                        pp.opts().strideW(), pp.opts().padding(), q)
                        : new QAvgPool1D(names.next("average_pooling1d"), shape, pp.opts().filterWidth(),
                        pp.opts().strideW(), pp.opts().padding(), q);
                layers.add(l);
                shape = l.outputShape();
            } else if (p instanceof Piece.Dense d) {
                QuantParams in = tensors.quant(op, d.in());
                QuantParams out = tensors.quant(op, d.out());
                int units = d.weights().shape()[0];
                int inputs = d.weights().shape()[1];
                double[] scales = tensors.weightScales(op, d.weights(), units);
                byte[][] weights = tensors.weightRows(op, d.weights(), units, inputs);
                long[] bias = tensors.intBias(op, d.bias(), units, in.width());
                Activation act = graph.activation(op, d.act());
                boolean perChannel = d.weights().quantization().scale().length > 1;
                Requant rq = requant(op, in, scales, out, act, perChannel);
                QDense q = new QDense(names.next("dense"), inputs, units, act, in, weights, scales, bias, rq);
                layers.add(q);
                shape = q.outputShape();
            } else if (p instanceof Piece.Flatten f) {
                QFlatten l = new QFlatten(names.next("flatten"), shape, tensors.quant(op, f.in()));
                layers.add(l);
                shape = l.outputShape();
            } else if (p instanceof Piece.BiasAdd b) {
                QBiasAdd add = biasAdd(op, b, shape);
                QLayer folded = BiasAddFold.fold(layers.get(layers.size() - 1), add);
                if (folded != null) {
                    layers.set(layers.size() - 1, folded);
                } else {
                    layers.add(add);
                }
            } else if (p instanceof Piece.Reshape r) {
                QReshape l = new QReshape(names.next("reshape"), shape, graph.activationShape(r.out(), op, "output"),
                        tensors.quant(op, r.in()));
                layers.add(l);
                shape = l.outputShape();
            }
        }
        return layers;
    }

    /** The quantised ADD of a per-channel constant, with the integer parameters TFLite's ADD kernel computes. */
    private QBiasAdd biasAdd(Operator op, Piece.BiasAdd b, Shape shape) {
        QuantParams in = tensors.quant(op, b.in());
        QuantParams out = tensors.quant(op, b.out());
        Tensor c = b.constant();
        if (c.type() != b.in().type()) {
            throw graph.refuse(op, "constant " + c + " is " + c.type() + " but the added tensor is " + b.in().type());
        }
        QuantParams cq = tensors.quant(op, c);
        int channels = shape.dims()[shape.rank() - 1];
        int[] codes = tensors.activationCodes(op, c, channels);
        Options.Add opts = graph.options(op, Options.Add.class);
        if (in.width() == Width.INT16 && opts.potScaleInt16() && isPowerOfTwoAdd(in, cq, out)) {
            throw graph.refuse(op, "an int16 ADD with power-of-two scales and pot_scale_int16 runs TFLite's "
                    + "power-of-two int16 kernel, which is not supported (only the general-scale int16 ADD)");
        }
        Activation act = graph.activation(op, b.act());
        QBiasAdd.Rescale r;
        try {
            r = QBiasAdd.Rescale.of(in, cq, out);
        } catch (IllegalArgumentException e) {
            throw graph.refuse(op, e.getMessage());
        }
        int[] range = PostTrainingQuantizer.activationRange(act, out);
        return new QBiasAdd(names.next("bias_add"), shape, in, cq, codes, r, out, act, range[0], range[1]);
    }

    /** TFLite's test for its power-of-two int16 ADD: every scale an exact power of two, every zero point 0. */
    private static boolean isPowerOfTwoAdd(QuantParams... ps) {
        for (QuantParams p : ps) {
            double log = Math.log(p.scale()) / Math.log(2);
            if (p.zeroPoint() != 0 || Math.abs(log - Math.rint(log)) >= 1e-3) {
                return false;
            }
        }
        return true;
    }

    /**
     * The per-channel {@code (M0, shift)} exactly as TFLite's {@code Prepare} computes them:
     * {@code QuantizeMultiplier(double(s_in) · double(s_w[c]) / double(s_out))} for CONV_2D (any number of
     * scales) and for a per-channel FULLY_CONNECTED; a per-tensor FULLY_CONNECTED (one weight scale) goes through
     * {@code GetQuantizedConvolutionMultipler}, which multiplies the two scales in float32 first.
     */
    private Requant requant(Operator op, QuantParams in, double[] ws, QuantParams out, Activation act,
                            boolean doubleProduct) {
        int[] m0 = new int[ws.length];
        int[] shift = new int[ws.length];
        for (int c = 0; c < ws.length; c++) {
            double m = doubleProduct
                    ? in.scale() * ws[c] / out.scale()
                    : (double) ((float) in.scale() * (float) ws[c]) / out.scale();
            QuantizedMultiplier qm;
            try {
                qm = QuantizedMultiplier.of(m, TfliteImporter.M_BITS);
            } catch (IllegalArgumentException e) {
                throw graph.refuse(op, "channel " + c + ": " + e.getMessage());
            }
            m0[c] = qm.m0();
            shift[c] = qm.shift();
        }
        int[] range = PostTrainingQuantizer.activationRange(act, out);
        return new Requant(out, m0, shift, range[0], range[1]);
    }
}
