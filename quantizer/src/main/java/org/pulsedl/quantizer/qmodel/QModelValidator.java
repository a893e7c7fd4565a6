package org.pulsedl.quantizer.qmodel;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pulsedl.quantizer.model.Shape;
import org.pulsedl.quantizer.quant.QuantParams;
import org.pulsedl.quantizer.quant.QuantizedMultiplier;
import org.pulsedl.quantizer.quant.RoundingMode;
import org.pulsedl.quantizer.quant.Width;

/**
 * Every rule a quantised model must satisfy. Errors are {@link QModelException}s whose field path matches
 * the {@code .qmodel} JSON ({@code layers[2].weights[3][5]}). The rules are listed in docs/qmodel.md.
 */
public final class QModelValidator {
    /** TFLite's bound on an int64 accumulator entering the 16x8 requantisation: {@code |acc| < 2^47}. */
    public static final long INT64_ACC_LIMIT = 1L << 47;

    private QModelValidator() {}

    static void validate(String name, Shape inputShape, QuantParams input, InputStage stage, List<QLayer> layers,
                         RoundingMode rounding, int mBits, List<OutputScaling> outputs) {
        require(name != null && !name.isBlank(), "name", "must be a non-empty string");
        require(inputShape != null, "input.shape", "missing");
        require(input != null, "input", "missing quantisation");
        require(rounding != null, "rounding", "missing");
        require(mBits >= 2 && mBits <= 31, "m_bits", "must be in [2, 31], got " + mBits);
        require(!layers.isEmpty(), "layers", "a model needs at least one layer");
        if (stage != null) {
            validateInputStage(stage, inputShape, input, rounding, mBits);
        }
        Shape shape = inputShape;
        QuantParams quant = input;
        Set<String> names = new HashSet<>();
        for (int i = 0; i < layers.size(); i++) {
            QLayer l = layers.get(i);
            String p = "layers[" + i + "]";
            require(l.name() != null && !l.name().isBlank(), p + ".name", "must be a non-empty string");
            require(names.add(l.name()), p + ".name", "duplicate layer name '" + l.name() + "'");
            require(l.inputShape().equals(shape), p + ".input_shape",
                    l.inputShape() + " does not match the previous output " + shape);
            require(l.input().equals(quant), p + ".input",
                    "quantisation " + l.input() + " does not match the previous tensor's " + quant);
            require(!l.raw() || i == layers.size() - 1, p + ".raw", "only the last layer may output raw accumulators");
            if (l instanceof QReshape) {
                require(i == 0, p + ".type", "reshape is only allowed as the first layer");
            }
            validateLayer(l, p, rounding, mBits);
            shape = l.outputShape();
            quant = l.output();
        }
        if (!outputs.isEmpty()) {
            require(outputs.size() == shape.size(), "outputs",
                    "has " + outputs.size() + " entries but the model has " + shape.size() + " outputs");
        }
    }

    private static void validateLayer(QLayer layer, String p, RoundingMode rounding, int mBits) {
        if (layer instanceof QConv1D c) {
            require(c.inputShape().rank() == 2, p + ".input_shape", "conv1d needs [length][channels]");
            require(c.filters() >= 1 && c.kernelSize() >= 1 && c.stride() >= 1, p,
                    "filters, kernel_size and stride must be >= 1");
            require(c.outLength() >= 1, p + ".kernel_size",
                    "kernel " + c.kernelSize() + " longer than the input length " + c.inLength() + " with valid padding");
            validateWeights(p, c.input(), c.weights(), c.weightScales(), c.bias(), c.requant(), c.filters(), c.fanIn(),
                    rounding, mBits);
        } else if (layer instanceof QDense d) {
            require(d.inputs() >= 1 && d.units() >= 1, p, "inputs and units must be >= 1");
            validateWeights(p, d.input(), d.weights(), d.weightScales(), d.bias(), d.requant(), d.units(), d.inputs(),
                    rounding, mBits);
        } else if (layer instanceof QMaxPool1D m) {
            validatePool(p, m.inputShape(), m.poolSize(), m.stride(), m.padding());
        } else if (layer instanceof QAvgPool1D a) {
            validatePool(p, a.inputShape(), a.poolSize(), a.stride(), a.padding());
        } else if (layer instanceof QBiasAdd b) {
            validateBiasAdd(p, b);
        } else if (layer instanceof QReshape r) {
            require(r.target().size() == r.inputShape().size(), p + ".output_shape",
                    "reshape to " + r.target() + " changes the size of " + r.inputShape());
        }
    }

    private static void validatePool(String p, Shape in, int pool, int stride, org.pulsedl.quantizer.model.Padding pad) {
        require(in.rank() == 2, p + ".input_shape", "pooling needs [length][channels]");
        require(pool >= 1 && stride >= 1, p, "pool_size and stride must be >= 1");
        require(pad.outputLength(in.length(), pool, stride) >= 1, p + ".pool_size",
                "pool " + pool + " longer than the input length " + in.length() + " with valid padding");
    }

    private static void validateWeights(String p, QuantParams input, byte[][] w, double[] scales, long[] bias,
                                        Requant rq, int channels, int fanIn, RoundingMode rounding, int mBits) {
        require(w.length == channels, p + ".weights", "has " + w.length + " rows, expected " + channels);
        for (int c = 0; c < channels; c++) {
            require(w[c].length == fanIn, p + ".weights[" + c + "]", "has " + w[c].length + " values, expected " + fanIn);
            for (int i = 0; i < fanIn; i++) {
                require(w[c][i] != -128, p + ".weights[" + c + "][" + i + "]", "-128 outside [-127, 127]");
            }
        }
        require(scales.length == channels, p + ".weight_scales", "has " + scales.length + " values, expected " + channels);
        for (int c = 0; c < channels; c++) {
            require(scales[c] > 0 && Double.isFinite(scales[c]), p + ".weight_scales[" + c + "]",
                    "must be finite and > 0, got " + scales[c]);
        }
        require(bias.length == channels, p + ".bias", "has " + bias.length + " values, expected " + channels);
        Width inW = input.width();
        long maxAbsX = Math.max(inW.max() - input.zeroPoint(), input.zeroPoint() - (long) inW.min());
        long limit = inW == Width.INT8 ? Integer.MAX_VALUE : INT64_ACC_LIMIT - 1;
        for (int c = 0; c < channels; c++) {
            require(bias[c] >= inW.biasMin() && bias[c] <= inW.biasMax(), p + ".bias[" + c + "]",
                    bias[c] + " outside the int" + inW.biasBits() + " range of a layer with " + inW.label() + " input");
            long bound = accumulatorBound(fanIn, maxAbsX, bias[c]);
            require(bound <= limit, p + ".bias[" + c + "]", "accumulator bound " + bound + " = fan_in " + fanIn
                    + " · " + maxAbsX + " · 127 + |bias| exceeds " + limit);
        }
        if (rq == null) {
            return;
        }
        require(rq.m0().length == channels, p + ".m0", "has " + rq.m0().length + " values, expected " + channels);
        Width outW = rq.output().width();
        require(rq.actMin() >= outW.min() && rq.actMax() <= outW.max() && rq.actMin() <= rq.actMax(),
                p + ".act_min", "[" + rq.actMin() + ", " + rq.actMax() + "] is not a sub-range of " + outW.label());
        for (int c = 0; c < channels; c++) {
            try {
                new QuantizedMultiplier(rq.m0()[c], rq.shift()[c], mBits);
            } catch (IllegalArgumentException e) {
                throw new QModelException(p + ".m0[" + c + "]", e.getMessage() + " (shift " + rq.shift()[c] + ")");
            }
            int shift = rq.shift()[c];
            if (inW == Width.INT16) {
                require(mBits <= 15 || shift <= 14, p + ".shift[" + c + "]",
                        shift + " too large for the int64 (16x8) requantisation, which needs shift <= 14");
            } else if (rounding == RoundingMode.DOUBLE && shift > 0) {
                long bound = accumulatorBound(fanIn, maxAbsX, bias[c]);
                require(bound <= (Integer.MAX_VALUE >> shift), p + ".shift[" + c + "]",
                        "left shift " + shift + " can overflow int32 for accumulator bound " + bound);
            }
        }
    }

    /**
     * A bias_add runs TFLite's 32-bit ADD arithmetic: operands of one width, the left shift that keeps
     * {@code (x − z)·2^left_shift} in int32 (20 for int8, 15 for int16), every multiplier a 31-bit multiplier below 1
     * and the two operand multipliers at most 1/2, so that their sum stays in int32 (docs/qmodel.md).
     */
    private static void validateBiasAdd(String p, QBiasAdd b) {
        Width w = b.input().width();
        require(b.biasQuant().width() == w && b.output().width() == w, p + ".bias_quant",
                "input, bias and output must have one width (" + w.label() + ")");
        require(b.bias().length == b.channels(), p + ".bias", "has " + b.bias().length + " values, expected "
                + b.channels() + " (the last axis of " + b.inputShape() + ")");
        for (int c = 0; c < b.bias().length; c++) {
            require(b.bias()[c] >= w.min() && b.bias()[c] <= w.max(), p + ".bias[" + c + "]",
                    b.bias()[c] + " outside the " + w.label() + " range");
        }
        QBiasAdd.Rescale r = b.rescale();
        int left = w == Width.INT8 ? 20 : 15;
        require(r.leftShift() == left, p + ".left_shift", "must be " + left + " for " + w.label() + " operands, got "
                + r.leftShift());
        smallerThanOne(p + ".input_m0", r.inputM0(), r.inputShift(), true);
        smallerThanOne(p + ".bias_m0", r.biasM0(), r.biasShift(), true);
        smallerThanOne(p + ".output_m0", r.outputM0(), r.outputShift(), false);
        require(b.actMin() >= w.min() && b.actMax() <= w.max() && b.actMin() <= b.actMax(), p + ".act_min",
                "[" + b.actMin() + ", " + b.actMax() + "] is not a sub-range of " + w.label());
    }

    private static void smallerThanOne(String field, int m0, int shift, boolean atMostHalf) {
        try {
            new QuantizedMultiplier(m0, shift, QBiasAdd.M_BITS);
        } catch (IllegalArgumentException e) {
            throw new QModelException(field, e.getMessage() + " (shift " + shift + ")");
        }
        require(shift <= 0, field, "shift " + shift + " > 0: the multiplier must be below 1");
        require(!atMostHalf || shift < 0 || m0 <= 1 << 30, field, m0 + " · 2^" + shift
                + " exceeds 1/2: the sum of the two rescaled operands could overflow int32");
    }

    /** The accumulator bound of docs/qmodel.md: {@code fan_in · max|x − z| · 127 + |bias|}. */
    public static long accumulatorBound(int fanIn, long maxAbsX, long bias) {
        long products = (long) fanIn * maxAbsX * 127;
        return bias == Long.MIN_VALUE ? Long.MAX_VALUE : Math.addExact(products, Math.abs(bias));
    }

    private static void validateInputStage(InputStage s, Shape shape, QuantParams input, RoundingMode rounding, int mBits) {
        int channels = shape.rank() == 2 ? shape.channels() : 1;
        require(s.adcBits() >= 1 && s.adcBits() <= 16, "input_stage.adc_bits", "must be in [1, 16], got " + s.adcBits());
        require(s.baseline().length == channels, "input_stage.baseline",
                "has " + s.baseline().length + " values, expected " + channels + " (input channels)");
        require(s.codeScale().length == channels, "input_stage.code_scale",
                "has " + s.codeScale().length + " values, expected " + channels);
        require(s.m0().length == channels, "input_stage.m0", "has " + s.m0().length + " values, expected " + channels);
        require(s.shift().length == channels, "input_stage.shift", "has " + s.shift().length + " values, expected " + channels);
        long maxCode = (1L << s.adcBits()) - 1;
        for (int c = 0; c < channels; c++) {
            require(s.baseline()[c] >= 0 && s.baseline()[c] <= maxCode, "input_stage.baseline[" + c + "]",
                    s.baseline()[c] + " outside [0, " + maxCode + "]");
            require(Double.isFinite(s.codeScale()[c]) && s.codeScale()[c] > 0, "input_stage.code_scale[" + c + "]",
                    "must be finite and > 0");
            try {
                new QuantizedMultiplier(s.m0()[c], s.shift()[c], mBits);
            } catch (IllegalArgumentException e) {
                throw new QModelException("input_stage.m0[" + c + "]", e.getMessage());
            }
            require(rounding == RoundingMode.SINGLE || s.shift()[c] <= 0 || (maxCode << s.shift()[c]) <= Integer.MAX_VALUE,
                    "input_stage.shift[" + c + "]", "left shift " + s.shift()[c] + " can overflow int32");
        }
    }

    static void require(boolean ok, String field, String reason) {
        if (!ok) {
            throw new QModelException(field, reason);
        }
    }
}
