package org.pulsedl.quantizer.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.pulsedl.quantizer.io.AtomicOutput;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.quant.AdcInput;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The trained float model as a TensorFlow SavedModel (tag {@code serve}, signature {@code serving_default}):
 * input {@code adc} = ADC codes as float32 {@code [batch, length, channels]}, output {@code output_0} = the
 * model outputs in label units {@code [batch, outputs]}. The graph applies the recorded input normalisation
 * {@code (adc − baseline) · code_scale} first, then the network of {@link GraphBuilder} with its weights in
 * variables, so TensorFlow (Java or Python 2.18) reproduces {@code FloatInference} on {@link AdcInput#toModelInput}.
 */
public final class SavedModelExport {
    public static final String INPUT = "adc";
    public static final String OUTPUT = "output_0";

    private SavedModelExport() {}

    /**
     * Writes {@code model} (label units) with its normalisation to {@code dir}, replacing an earlier export there
     * whole (the folder is built beside it and swapped in: {@link AtomicOutput#writeDirectory}).
     */
    public static void export(Model model, AdcInput adc, Path dir) throws IOException {
        AtomicOutput.writeDirectory(dir, partial -> exportInto(model, adc, partial));
    }

    /** Exports into {@code dir}, an empty folder (a partial of {@link AtomicOutput}). */
    static void exportInto(Model model, AdcInput adc, Path dir) throws IOException {
        if (model.inputShape().isFlat()) {
            throw new IllegalArgumentException("a SavedModel export needs a [length][channels] model input, got "
                    + model.inputShape());
        }
        int len = model.inputShape().length();
        int ch = model.inputShape().channels();
        if (adc.baseline().length != ch) {
            throw new IllegalArgumentException("the input normalisation has " + adc.baseline().length
                    + " channels, the model input " + ch);
        }
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> in = tf.withName(INPUT).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, len, ch)));
            float[] baseline = new float[ch];
            float[] scale = new float[ch];
            for (int c = 0; c < ch; c++) {
                baseline[c] = adc.baseline()[c];
                scale[c] = (float) adc.codeScale()[c];
            }
            Operand<TFloat32> x = tf.math.mul(tf.math.sub(in, tf.constant(baseline)), tf.constant(scale));
            Operand<TFloat32> out = tf.withName(OUTPUT).identity(new GraphBuilder(tf, model).forward(x, null));
            try (Session s = new Session(g)) {
                s.initialize();
                Signature sig = Signature.builder().key(Signature.DEFAULT_KEY).input(INPUT, in).output(OUTPUT, out).build();
                SavedModelBundle.exporter(dir.toString()).withFunction(SessionFunction.create(sig, s)).export();
            }
        }
    }

    /**
     * Loads a SavedModel written by {@link #export} and runs it on ADC codes {@code [event][channel][sample]}.
     *
     * @return {@code [event][output]}
     */
    public static float[][] run(Path dir, short[][][] adc) {
        int n = adc.length;
        int ch = adc[0].length;
        int len = adc[0][0].length;
        float[] x = new float[n * len * ch];
        for (int e = 0; e < n; e++) {
            for (int l = 0; l < len; l++) {
                for (int c = 0; c < ch; c++) {
                    x[(e * len + l) * ch + c] = adc[e][c][l];
                }
            }
        }
        try (SavedModelBundle b = SavedModelBundle.load(dir.toString(), SavedModelBundle.DEFAULT_TAG);
             TFloat32 t = TFloat32.tensorOf(Shape.of(n, len, ch), DataBuffers.of(x, true, false));
             Result r = b.function(Signature.DEFAULT_KEY).call(Map.of(INPUT, t))) {
            TFloat32 out = (TFloat32) r.get(OUTPUT).orElseThrow();
            int k = (int) out.shape().get(1);
            float[] flat = new float[n * k];
            out.copyTo(DataBuffers.of(flat, false, false));
            float[][] y = new float[n][k];
            for (int e = 0; e < n; e++) {
                System.arraycopy(flat, e * k, y[e], 0, k);
            }
            return y;
        }
    }
}
