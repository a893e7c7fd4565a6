package org.pulsedl.quantizer.quant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pulsedl.quantizer.model.Activation;
import org.pulsedl.quantizer.model.AveragePooling1D;
import org.pulsedl.quantizer.model.Conv1D;
import org.pulsedl.quantizer.model.Dense;
import org.pulsedl.quantizer.model.Flatten;
import org.pulsedl.quantizer.model.InputLayer;
import org.pulsedl.quantizer.model.Layer;
import org.pulsedl.quantizer.model.MaxPooling1D;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.model.ModelException;
import org.pulsedl.quantizer.model.ModelPass;
import org.pulsedl.quantizer.model.Reshape;
import org.pulsedl.quantizer.qmodel.InputStage;
import org.pulsedl.quantizer.qmodel.QAvgPool1D;
import org.pulsedl.quantizer.qmodel.QConv1D;
import org.pulsedl.quantizer.qmodel.QDense;
import org.pulsedl.quantizer.qmodel.QFlatten;
import org.pulsedl.quantizer.qmodel.QLayer;
import org.pulsedl.quantizer.qmodel.QMaxPool1D;
import org.pulsedl.quantizer.qmodel.QReshape;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.qmodel.Requant;

/**
 * Post-training quantisation of a float {@link Model} (DESIGN §2): fold BatchNorm and drop Dropout
 * ({@link ModelPass#prepareForQuantization}), calibrate activation ranges, then per Conv1D/Dense quantise
 * weights (symmetric int8), bias ({@code round(b / (s_in · s_w[c]))}) and the multipliers
 * {@code M_c = s_in · s_w[c] / s_out} → {@link QuantizedMultiplier}.
 */
public final class PostTrainingQuantizer {
    private final QuantizationOptions options;

    public PostTrainingQuantizer(QuantizationOptions options) {
        this.options = options;
    }

    /** The float model the quantised one corresponds to, layer by layer (after the passes). */
    public static Model prepare(Model model) {
        Model m = ModelPass.prepareForQuantization(model);
        if (!m.layers().isEmpty() && m.layers().get(0) instanceof InputLayer) {
            m = m.withLayers(m.layers().subList(1, m.layers().size()));
        }
        return m;
    }

    /**
     * Quantises {@code model}, calibrating on {@code calibration} (flat float input windows).
     *
     * @throws ModelException naming a layer that cannot be quantised
     */
    public QuantizedModel quantize(Model model, List<double[]> calibration) {
        Model m = prepare(model);
        Calibration cal = Calibration.collect(m, calibration);
        QuantParams inputParams = cal.params(0, options.range(), options.precision().input());
        QuantParams current = inputParams;
        List<QLayer> layers = new ArrayList<>();
        int computeIndex = 0;
        Layer lastLayer = m.layers().get(m.layers().size() - 1);
        if (options.rawLastLayer() && !(lastLayer instanceof Conv1D || lastLayer instanceof Dense)) {
            throw new ModelException(m.layers().size() - 1, lastLayer, "a raw last layer must be a Conv1D or Dense");
        }
        for (int i = 0; i < m.layers().size(); i++) {
            Layer layer = m.layers().get(i);
            QLayer q;
            if (layer instanceof Conv1D || layer instanceof Dense) {
                boolean raw = options.rawLastLayer() && i == m.layers().size() - 1;
                QuantParams out = raw ? null : cal.params(i + 1, options.range(), options.precision().computeOutput(computeIndex));
                q = layer instanceof Conv1D c ? conv(c, m, i, current, out) : dense((Dense) layer, i, current, out);
                computeIndex++;
            } else if (layer instanceof MaxPooling1D p) {
                q = new QMaxPool1D(p.name(), m.inputShape(i), p.poolSize(), p.stride(), p.padding(), current);
            } else if (layer instanceof AveragePooling1D p) {
                q = new QAvgPool1D(p.name(), m.inputShape(i), p.poolSize(), p.stride(), p.padding(), current);
            } else if (layer instanceof Flatten f) {
                q = new QFlatten(f.name(), m.inputShape(i), current);
            } else if (layer instanceof Reshape r) {
                q = new QReshape(r.name(), m.inputShape(i), r.target(), current);
            } else {
                throw new ModelException(i, layer, "cannot be quantised (not in the DESIGN §2 subset after the passes)");
            }
            layers.add(q);
            current = q.output();
        }
        InputStage stage = options.adc() == null ? null : inputStage(options.adc(), inputParams);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("quantizer", "pulsedl PostTrainingQuantizer");
        meta.put("weights", options.perChannel() ? "per-channel" : "per-tensor");
        meta.put("precision", options.precision().name());
        meta.put("range", options.range().toString());
        meta.put("calibration_windows", Integer.toString(calibration.size()));
        return new QuantizedModel(m.name(), m.inputShape(), inputParams, stage, layers, options.rounding(),
                options.mBits(), options.outputs(), meta);
    }

    private QConv1D conv(Conv1D c, Model m, int index, QuantParams in, QuantParams out) {
        int cin = c.inChannels();
        double[][] columns = new double[c.filters()][c.kernelSize() * cin];
        for (int f = 0; f < c.filters(); f++) {
            for (int k = 0; k < c.kernelSize(); k++) {
                for (int ch = 0; ch < cin; ch++) {
                    columns[f][k * cin + ch] = c.kernel()[k][ch][f];
                }
            }
        }
        WeightQuantizer.Quantized w = WeightQuantizer.quantize(columns, options.perChannel());
        long[] bias = bias(c, index, c.bias(), in, w.scales());
        return new QConv1D(c.name(), m.inputShape(index), c.filters(), c.kernelSize(), c.stride(), c.padding(),
                c.activation(), in, w.weights(), w.scales(), bias, requant(in, w.scales(), out, c.activation()));
    }

    private QDense dense(Dense d, int index, QuantParams in, QuantParams out) {
        double[][] columns = new double[d.units()][d.inputs()];
        for (int j = 0; j < d.units(); j++) {
            for (int i = 0; i < d.inputs(); i++) {
                columns[j][i] = d.weights()[i][j];
            }
        }
        WeightQuantizer.Quantized w = WeightQuantizer.quantize(columns, options.perChannel());
        long[] bias = bias(d, index, d.bias(), in, w.scales());
        return new QDense(d.name(), d.inputs(), d.units(), d.activation(), in, w.weights(), w.scales(), bias,
                requant(in, w.scales(), out, d.activation()));
    }

    /** {@code round(b / (s_in · s_w))} in float32 like TFLite; must fit the bias width of the input. */
    private static long[] bias(Layer layer, int index, double[] b, QuantParams in, double[] ws) {
        long[] q = new long[b.length];
        for (int c = 0; c < b.length; c++) {
            float biasScale = (float) in.scale() * (float) ws[c];
            long v = Rounding.halfAwayFromZero((float) b[c] / biasScale);
            if (v < in.width().biasMin() || v > in.width().biasMax()) {
                throw new ModelException(index, layer, "bias " + c + " = " + b[c] + " does not fit int"
                        + in.width().biasBits() + " at scale " + biasScale);
            }
            q[c] = v;
        }
        return q;
    }

    private Requant requant(QuantParams in, double[] ws, QuantParams out, Activation act) {
        if (out == null) {
            return null;
        }
        int[] m0 = new int[ws.length];
        int[] shift = new int[ws.length];
        for (int c = 0; c < ws.length; c++) {
            QuantizedMultiplier qm = QuantizedMultiplier.of(in.scale() * ws[c] / out.scale(), options.mBits());
            m0[c] = qm.m0();
            shift[c] = qm.shift();
        }
        int[] range = activationRange(act, out);
        return new Requant(out, m0, shift, range[0], range[1]);
    }

    /** TFLite's {@code CalculateActivationRangeQuantized}: ReLU/ReLU6 move act_min/act_max only. */
    public static int[] activationRange(Activation act, QuantParams out) {
        int lo = out.width().min();
        int hi = out.width().max();
        if (act == Activation.RELU || act == Activation.RELU6) {
            lo = Math.max(lo, out.zeroPoint());
        }
        if (act == Activation.RELU6) {
            hi = (int) Math.min(hi, out.zeroPoint() + Rounding.halfAwayFromZero(6.0f / (float) out.scale()));
        }
        return new int[] {lo, hi};
    }

    private InputStage inputStage(AdcInput adc, QuantParams input) {
        int n = adc.baseline().length;
        int[] m0 = new int[n];
        int[] shift = new int[n];
        for (int c = 0; c < n; c++) {
            QuantizedMultiplier qm = QuantizedMultiplier.of(adc.codeScale()[c] / input.scale(), options.mBits());
            m0[c] = qm.m0();
            shift[c] = qm.shift();
        }
        return new InputStage(adc.adcBits(), adc.baseline().clone(), adc.codeScale().clone(), m0, shift);
    }
}
