package org.pulsedl.quantizer.qmodel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pulsedl.quantizer.model.Shape;
import org.pulsedl.quantizer.quant.QuantParams;
import org.pulsedl.quantizer.quant.RoundingMode;

/**
 * The integer model: what the golden model runs, the {@code .qmodel} file stores and the hardware generator
 * compiles. A {@code QuantizedModel} that exists has passed {@link QModelValidator}: shapes chain, the
 * quantisation of each tensor agrees between producer and consumer, every integer is in range and no
 * accumulator can overflow (docs/qmodel.md).
 *
 * @param inputShape  {@code [length][channels]} (or flat)
 * @param input       quantisation of the model input tensor
 * @param inputStage  ADC code → input map, or {@code null} when inputs arrive already quantised
 * @param rounding    requantisation rounding for the whole model
 * @param mBits       multiplier bits (31 = TFLite, 15 = PulseDL-II style)
 * @param outputs     one scaling per model output, or empty
 * @param metadata    free-form provenance (ordered)
 */
public record QuantizedModel(String name, Shape inputShape, QuantParams input, InputStage inputStage,
                             List<QLayer> layers, RoundingMode rounding, int mBits, List<OutputScaling> outputs,
                             Map<String, String> metadata) {

    public QuantizedModel {
        layers = List.copyOf(layers);
        outputs = List.copyOf(outputs);
        metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        QModelValidator.validate(name, inputShape, input, inputStage, layers, rounding, mBits, outputs);
    }

    public QLayer lastLayer() { return layers.get(layers.size() - 1); }

    public Shape outputShape() { return lastLayer().outputShape(); }

    /** True when the model outputs accumulators (raw last layer). */
    public boolean rawOutput() { return lastLayer().raw(); }

    /**
     * Real values of a model output: {@code scale · (q − zp)} for a requantised last layer,
     * {@code s_in · s_w[c] · acc} for a raw one ({@code c} = output channel of element {@code i}).
     */
    public double[] dequantizeOutput(long[] out) {
        QLayer last = lastLayer();
        double[] real = new double[out.length];
        if (!last.raw()) {
            for (int i = 0; i < out.length; i++) {
                real[i] = last.output().dequantize(out[i]);
            }
            return real;
        }
        double[] ws = last instanceof QConv1D c ? c.weightScales() : ((QDense) last).weightScales();
        for (int i = 0; i < out.length; i++) {
            real[i] = last.input().scale() * ws[i % ws.length] * out[i];
        }
        return real;
    }

    /** Physical outputs: {@link #dequantizeOutput} then each output's affine calibration (identity if none). */
    public double[] toPhysical(long[] out) {
        double[] real = dequantizeOutput(out);
        if (outputs.isEmpty()) {
            return real;
        }
        for (int i = 0; i < real.length; i++) {
            real[i] = outputs.get(i).apply(real[i]);
        }
        return real;
    }
}
