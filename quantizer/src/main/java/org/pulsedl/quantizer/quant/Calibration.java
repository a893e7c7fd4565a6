package org.pulsedl.quantizer.quant;

import java.util.Arrays;
import java.util.List;
import org.pulsedl.quantizer.model.FloatInference;
import org.pulsedl.quantizer.model.Model;

/**
 * Activation ranges from float calibration data. Tensor {@code 0} is the model input, tensor {@code i+1}
 * the output of layer {@code i}. Every range is widened to contain 0 (TFLite requires real 0 to be
 * exactly representable) and made non-empty.
 */
public final class Calibration {
    /** At most this many values per tensor enter percentile / MSE searches (evenly subsampled). */
    static final int MAX_SAMPLES = 1 << 17;

    private final double[][] values;

    private Calibration(double[][] values) {
        this.values = values;
    }

    /** Runs the float model on every calibration input and keeps every tensor's values. */
    public static Calibration collect(Model model, List<double[]> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("calibration needs at least one input window");
        }
        FloatInference inference = new FloatInference(model);
        int tensors = model.layers().size() + 1;
        double[][] values = new double[tensors][];
        for (int t = 0; t < tensors; t++) {
            int size = t == 0 ? model.inputShape().size() : model.outputShape(t - 1).size();
            values[t] = new double[size * inputs.size()];
        }
        for (int n = 0; n < inputs.size(); n++) {
            double[] in = inputs.get(n);
            System.arraycopy(in, 0, values[0], n * in.length, in.length);
            List<double[]> outs = inference.trace(in);
            for (int i = 0; i < outs.size(); i++) {
                double[] o = outs.get(i);
                System.arraycopy(o, 0, values[i + 1], n * o.length, o.length);
            }
        }
        return new Calibration(values);
    }

    public int tensors() { return values.length; }

    /** The range {@code [min, max]} of tensor {@code t} by the given method for the given width. */
    public double[] range(int t, RangeMethod method, Width width) {
        double[] v = values[t];
        double[] r;
        if (method instanceof RangeMethod.Fixed f) {
            if (t >= f.ranges().size() || f.ranges().get(t) == null) {
                throw new IllegalArgumentException("fixed ranges give no range for tensor " + t);
            }
            r = f.ranges().get(t).clone();
        } else if (method instanceof RangeMethod.Percentile p) {
            double[] s = subsample(v).clone();
            Arrays.sort(s);
            r = new double[] {quantile(s, 1 - p.percent() / 100), quantile(s, p.percent() / 100)};
        } else if (method instanceof RangeMethod.MseOptimal) {
            r = mseRange(subsample(v), width);
        } else {
            r = minMax(v);
        }
        return includeZero(r);
    }

    /** Quantisation parameters for tensor {@code t}: FakeQuant nudging for int8, symmetric for int16. */
    public QuantParams params(int t, RangeMethod method, Width width) {
        return paramsFor(range(t, method, width), width);
    }

    static QuantParams paramsFor(double[] range, Width width) {
        if (width == Width.INT16) {
            return QuantParams.symmetricInt16(Math.max(-range[0], range[1]));
        }
        return FakeQuantNudge.nudge((float) range[0], (float) range[1], 8, false).toInt8();
    }

    static double[] includeZero(double[] r) {
        double lo = Math.min(r[0], 0);
        double hi = Math.max(r[1], 0);
        if (hi - lo < 1e-12) {
            hi = lo + 1e-6;                                   // an all-zero tensor still needs a scale
        }
        return new double[] {lo, hi};
    }

    private static double[] minMax(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        return new double[] {lo, hi};
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    private static double[] subsample(double[] v) {
        if (v.length <= MAX_SAMPLES) {
            return v;
        }
        double[] s = new double[MAX_SAMPLES];
        for (int i = 0; i < MAX_SAMPLES; i++) {
            s[i] = v[(int) ((long) i * v.length / MAX_SAMPLES)];
        }
        return s;
    }

    private static double[] mseRange(double[] v, Width width) {
        double[] full = includeZero(minMax(v));
        double[] best = full;
        double bestErr = Double.POSITIVE_INFINITY;
        for (int step = 0; step <= 70; step++) {
            double alpha = 1.0 - step * 0.01;
            double[] r = includeZero(new double[] {full[0] * alpha, full[1] * alpha});
            QuantParams p = paramsFor(r, width);
            double err = 0;
            for (double x : v) {
                double d = p.dequantize(p.quantize(x)) - x;
                err += d * d;
            }
            if (err < bestErr) {
                bestErr = err;
                best = r;
            }
        }
        return best;
    }
}
