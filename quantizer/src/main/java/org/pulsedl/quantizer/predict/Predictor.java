package org.pulsedl.quantizer.predict;

import java.nio.file.Path;
import java.util.Arrays;
import org.pulsedl.quantizer.golden.fast.FastGoldenModel;
import org.pulsedl.quantizer.importer.tflite.TfliteImporter;
import org.pulsedl.quantizer.io.Npy;
import org.pulsedl.quantizer.qmodel.InputStage;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.quant.Width;

/**
 * An integer model run in batch on the user's arrays, the way {@code pulsedl predict} does it: inputs are checked
 * against the model's input tensor (shape channels-last, dtype), real values are quantised as TFLite's
 * {@code QUANTIZE} does, and the windows run through {@link FastGoldenModel} (equal to {@code GoldenModel}, tested).
 * Refusals are {@link IllegalArgumentException}s whose one-line message names the file.
 */
public final class Predictor {
    private final QuantizedModel model;
    private final FastGoldenModel fast;

    public Predictor(QuantizedModel model) {
        this.model = model;
        this.fast = FastGoldenModel.compile(model);
    }

    public QuantizedModel model() { return model; }

    /** Integer results of a batch, with the shape they are written in. */
    public record Result(int[] shape, long[][] windows) {}

    /** NumPy's name of the integer input dtype the model takes. */
    public String inputDtype() { return model.input().width() == Width.INT8 ? "|i1" : "<i2"; }

    /**
     * The dtype of integer outputs: the last layer's width, or for a raw last layer the accumulator TFLite keeps
     * (int32 with int8 inputs, int64 with int16 inputs).
     */
    public String outputDtype() {
        if (model.rawOutput()) return model.lastLayer().input().width() == Width.INT8 ? "<i4" : "<i8";
        return model.lastLayer().output().width() == Width.INT8 ? "|i1" : "<i2";
    }

    /**
     * Runs the windows of {@code in}, read from {@code file}: integer codes of the model's input dtype, or float32 /
     * float64 real values. The shape is {@code [N, length, channels]} or {@code [length, channels]} for one window.
     */
    public Result run(Npy in, Path file) {
        int[] dims = model.inputShape().dims();
        int[] shape = in.shape();
        boolean single = Arrays.equals(shape, dims);
        if (!single && !(shape.length == dims.length + 1 && Arrays.equals(Arrays.copyOfRange(shape, 1, shape.length), dims))) {
            throw new IllegalArgumentException(file + ": shape " + Arrays.toString(shape) + ", but the model takes "
                    + describe(dims) + " (windows × samples × channels, channels last), or " + Arrays.toString(dims)
                    + " for one window");
        }
        if (!in.isFloat() && !in.dtype().equals(inputDtype())) {
            throw new IllegalArgumentException(file + ": dtype " + in.typeName() + ", but the model's input codes are "
                    + Npy.typeName(inputDtype()) + " (give " + Npy.typeName(inputDtype()) + " codes, or float32/float64 real values)");
        }
        int n = single ? 1 : shape[0];
        int size = model.inputShape().size();
        int[][] windows = new int[n][size];
        for (int w = 0; w < n; w++) {
            int[] q = windows[w];
            for (int i = 0; i < size; i++) {
                int at = w * size + i;
                if (in.isFloat()) {
                    float x = in.getFloat(at);
                    if (!Float.isFinite(x)) {
                        throw new IllegalArgumentException(file + ": value " + x + " in window " + w + " (element " + i
                                + "); real inputs must be finite");
                    }
                    q[i] = quantize(x);
                } else {
                    q[i] = (int) in.getLong(at);
                }
            }
        }
        return new Result(outputShape(single ? new int[0] : new int[] {n}), fast.runBatchParallel(windows));
    }

    /** TFLite's QUANTIZE of one real input (float32 division, half away from zero), the one definition we use. */
    public int quantize(float x) {
        return TfliteImporter.quantizeInput(x, model.input());
    }

    /**
     * Runs ADC windows {@code [event][channel][sample]} of {@code data} through the model's input stage. A one-channel
     * model runs every channel of a multi-channel dataset as its own window: shape {@code [N, channels, outputs…]};
     * otherwise the model's channels must be the dataset's: {@code [N, outputs…]}.
     */
    public Result runAdc(short[][][] adc, Path data) {
        InputStage st = model.inputStage();
        if (st == null) {
            throw new IllegalArgumentException("model '" + model.name() + "' has no input stage (ADC code → input), so it "
                    + "cannot run on the windows of " + data + "; give its inputs as --in X.npy");
        }
        int n = adc.length;
        int channels = n == 0 ? st.channels() : adc[0].length;
        int samples = n == 0 ? model.inputShape().size() / st.channels() : adc[0][0].length;
        int length = model.inputShape().size() / st.channels();
        if (samples != length || (channels != st.channels() && st.channels() != 1)) {
            throw new IllegalArgumentException(data + ": windows of " + channels + " channel(s) × " + samples
                    + " samples, but the model takes " + st.channels() + " channel(s) × " + length + " samples");
        }
        boolean perChannel = channels != st.channels();
        short[][][] windows = adc;
        if (perChannel) {
            windows = new short[n * channels][][];
            for (int e = 0; e < n; e++) {
                for (int c = 0; c < channels; c++) windows[e * channels + c] = new short[][] {adc[e][c]};
            }
        }
        long[][] out;
        try {
            out = fast.runBatchFromAdcParallel(windows);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(data + ": " + e.getMessage() + " of the model's " + st.adcBits()
                    + "-bit ADC", e);
        }
        return new Result(outputShape(perChannel ? new int[] {n, channels} : new int[] {n}), out);
    }

    /** Flat C-order integers of {@code r}. */
    public static long[] flat(Result r) {
        int per = r.windows().length == 0 ? 0 : r.windows()[0].length;
        long[] v = new long[r.windows().length * per];
        for (int w = 0; w < r.windows().length; w++) System.arraycopy(r.windows()[w], 0, v, w * per, per);
        return v;
    }

    /** Real values of the output tensor, C order: TFLite's DEQUANTIZE ({@code float(scale · (q − zero point))}). */
    public double[] dequantized(Result r) {
        return real(r, false);
    }

    /** Physical outputs (the model's output scaling, e.g. ns and ADC codes), C order. */
    public double[] physical(Result r) {
        return real(r, true);
    }

    private double[] real(Result r, boolean physical) {
        int per = model.outputShape().size();
        double[] v = new double[r.windows().length * per];
        for (int w = 0; w < r.windows().length; w++) {
            double[] x = physical ? model.toPhysical(r.windows()[w]) : model.dequantizeOutput(r.windows()[w]);
            for (int i = 0; i < per; i++) v[w * per + i] = physical ? x[i] : (float) x[i];
        }
        return v;
    }

    private int[] outputShape(int[] lead) {
        int[] out = model.outputShape().dims();
        int[] s = Arrays.copyOf(lead, lead.length + out.length);
        System.arraycopy(out, 0, s, lead.length, out.length);
        return s;
    }

    private static String describe(int[] dims) {
        StringBuilder b = new StringBuilder("[N");
        for (int d : dims) b.append(", ").append(d);
        return b.append(']').toString();
    }
}
