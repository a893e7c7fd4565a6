package org.pulsedl.quantizer.importer.savedmodel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.pulsedl.quantizer.model.ModelException;
import org.pulsedl.quantizer.model.Shape;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.types.TFloat32;

/**
 * A TF SavedModel loaded with TF Java (tag {@code serve}) and its serving signature: one float32 input
 * {@code [batch, …]} and one float32 output. Runs batches of windows, e.g. to compare an imported model
 * with TensorFlow itself.
 */
public final class SavedModelRunner implements AutoCloseable {
    /** Signatures tried in this order; Keras' {@code model.export()} writes both. */
    static final String[] SIGNATURES = {"serving_default", "serve"};

    private final SavedModelBundle bundle;
    private final String signature;
    private final String inputKey;
    private final String inputTensor;
    private final String outputTensor;
    private final Shape inputShape;

    private SavedModelRunner(SavedModelBundle bundle, Path dir) {
        this.bundle = bundle;
        Map<String, SignatureDef> sigs = bundle.metaGraphDef().getSignatureDefMap();
        String chosen = null;
        for (String s : SIGNATURES) {
            if (sigs.containsKey(s)) {
                chosen = s;
                break;
            }
        }
        if (chosen == null) {
            throw new ModelException("SavedModel '" + dir + "' has no serving signature (looked for serving_default"
                    + " and serve; it has " + sigs.keySet() + ")");
        }
        SignatureDef sig = sigs.get(chosen);
        if (sig.getInputsCount() != 1 || sig.getOutputsCount() != 1) {
            throw new ModelException("SavedModel '" + dir + "': signature '" + chosen + "' has " + sig.getInputsCount()
                    + " inputs and " + sig.getOutputsCount() + " outputs (pulsedl imports one input and one output)");
        }
        Map.Entry<String, TensorInfo> in = sig.getInputsMap().entrySet().iterator().next();
        TensorInfo out = sig.getOutputsMap().values().iterator().next();
        for (TensorInfo t : new TensorInfo[] {in.getValue(), out}) {
            if (t.getDtype() != org.tensorflow.proto.DataType.DT_FLOAT) {
                throw new ModelException("SavedModel '" + dir + "': tensor '" + t.getName() + "' of signature '" + chosen
                        + "' is " + t.getDtype() + " (pulsedl imports float32 models)");
            }
        }
        this.signature = chosen;
        this.inputKey = in.getKey();
        this.inputTensor = in.getValue().getName();
        this.outputTensor = out.getName();
        this.inputShape = shapeWithoutBatch(Constants.shapeOf(in.getValue().getTensorShape()), dir);
    }

    private static Shape shapeWithoutBatch(int[] dims, Path dir) {
        if (dims.length < 2 || dims.length > 3) {
            throw new ModelException("SavedModel '" + dir + "': input shape " + java.util.Arrays.toString(dims)
                    + " is not [batch, length, channels] or [batch, n]");
        }
        int[] d = java.util.Arrays.copyOfRange(dims, 1, dims.length);
        for (int x : d) {
            if (x < 1) {
                throw new ModelException("SavedModel '" + dir + "': input shape " + java.util.Arrays.toString(dims)
                        + " has an unknown dimension (pulsedl needs a fixed window)");
            }
        }
        return new Shape(d);
    }

    /** Loads {@code dir} with tag {@code serve}; a folder TF cannot load is a {@link ModelException} with TF's reason. */
    public static SavedModelRunner open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ModelException("SavedModel '" + dir + "' is not a directory");
        }
        if (!Files.isRegularFile(dir.resolve("saved_model.pb"))) {
            throw new ModelException("SavedModel '" + dir + "' has no saved_model.pb (not a TF SavedModel directory)");
        }
        SavedModelBundle bundle;
        try {
            bundle = SavedModelBundle.load(dir.toAbsolutePath().toString(), "serve");
        } catch (TensorFlowException e) {
            throw new ModelException("SavedModel '" + dir + "' cannot be loaded by TensorFlow: " + firstLine(e.getMessage()));
        }
        try {
            return new SavedModelRunner(bundle, dir);
        } catch (RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    SavedModelBundle bundle() { return bundle; }

    String signature() { return signature; }

    /** The signature's input name, e.g. {@code adc}. */
    public String inputKey() { return inputKey; }

    String inputTensor() { return inputTensor; }

    String outputTensor() { return outputTensor; }

    /** The input window without the batch axis. */
    public Shape inputShape() { return inputShape; }

    /** Runs the serving signature on a batch; each input row has {@code inputShape().size()} values. */
    public double[][] run(double[][] inputs) {
        int n = inputs.length;
        int size = inputShape.size();
        float[] flat = new float[n * size];
        for (int i = 0; i < n; i++) {
            if (inputs[i].length != size) {
                throw new IllegalArgumentException("input " + i + " has " + inputs[i].length + " values, expected " + size);
            }
            for (int j = 0; j < size; j++) {
                flat[i * size + j] = (float) inputs[i][j];
            }
        }
        long[] dims = new long[inputShape.rank() + 1];
        dims[0] = n;
        for (int i = 0; i < inputShape.rank(); i++) {
            dims[i + 1] = inputShape.dims()[i];
        }
        try (TFloat32 x = TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(dims), DataBuffers.of(flat, true, false));
             Result r = bundle.session().runner().feed(inputTensor, x).fetch(outputTensor).run()) {
            Tensor t = r.get(0);
            if (!(t instanceof TFloat32 y)) {
                throw new ModelException("SavedModel output '" + outputTensor + "' is not float32");
            }
            int per = (int) (y.shape().size() / n);
            float[] out = new float[n * per];
            y.copyTo(DataBuffers.of(out, false, false));
            double[][] rows = new double[n][per];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < per; j++) {
                    rows[i][j] = out[i * per + j];
                }
            }
            return rows;
        }
    }

    @Override
    public void close() { bundle.close(); }
}
