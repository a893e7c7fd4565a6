package org.pulsedl.quantizer.importer.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pulsedl.quantizer.model.Activation;
import org.pulsedl.quantizer.model.AveragePooling1D;
import org.pulsedl.quantizer.model.BatchNormalization;
import org.pulsedl.quantizer.model.Conv1D;
import org.pulsedl.quantizer.model.Dense;
import org.pulsedl.quantizer.model.Dropout;
import org.pulsedl.quantizer.model.Flatten;
import org.pulsedl.quantizer.importer.UnsupportedLayers;
import org.pulsedl.quantizer.model.InputLayer;
import org.pulsedl.quantizer.model.Layer;
import org.pulsedl.quantizer.model.MaxPooling1D;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.model.Padding;
import org.pulsedl.quantizer.model.Reshape;
import org.pulsedl.quantizer.model.Shape;

/**
 * Turns a chain of Keras layers plus their weights into the float IR, layer by layer, tracking the shape so
 * that every error names the Keras layer (index in the config, name, class) and the reason. Standalone
 * activations are fused by {@link ActivationFusion}. Nothing is returned unless every layer converted.
 */
final class KerasModelBuilder {
    static final String SUPPORTED = "InputLayer, Conv1D, Dense, Flatten, Reshape (at the input), MaxPooling1D,"
            + " AveragePooling1D, BatchNormalization, Dropout, Activation/ReLU (linear, relu, relu6)";

    private final List<Layer> layers = new ArrayList<>();
    private final WeightStore weights;
    private Shape shape;

    private KerasModelBuilder(Shape input, WeightStore weights) {
        this.shape = input;
        this.weights = weights;
    }

    static Model build(KerasModelConfig config, WeightStore weights) {
        KerasModelBuilder b = new KerasModelBuilder(config.inputShape(), weights);
        // a layer of an unsupported family is the real reason even when an earlier layer's check would trip first
        // (a Reshape to an image before a Conv2D)
        for (KerasLayer k : config.chain()) {
            String family = UnsupportedLayers.reason(k.className());
            if (family != null) {
                throw k.refuse(family);
            }
        }
        for (KerasLayer k : config.chain()) {
            b.add(k);
        }
        return new Model(config.name(), config.inputShape(), b.layers);
    }

    private void add(KerasLayer k) {
        List<Weight> w = weights.weightsOf(k); // outside the try: a damaged file's HDF5 error is not this layer's
        try {
            convert(k, w);
        } catch (org.pulsedl.quantizer.model.ModelException e) {
            throw e;
        } catch (IllegalArgumentException e) { // an IR record's constructor check
            throw k.refuse(e.getMessage());
        }
    }

    private void convert(KerasLayer k, List<Weight> w) {
        switch (k.className()) {
            case "InputLayer" -> {
                requireNoWeights(k, w);
                if (!layers.isEmpty()) {
                    throw k.refuse("an InputLayer is only allowed first");
                }
                append(k, new InputLayer(k.name(), shape));
            }
            case "Conv1D", "Convolution1D" -> append(k, conv1d(k, w));
            case "Dense" -> append(k, dense(k, w));
            case "Flatten" -> {
                requireNoWeights(k, w);
                k.requireChannelsLast();
                append(k, new Flatten(k.name()));
            }
            case "Reshape" -> {
                requireNoWeights(k, w);
                append(k, reshape(k));
            }
            case "MaxPooling1D", "MaxPool1D", "AveragePooling1D", "AvgPool1D" -> {
                requireNoWeights(k, w);
                append(k, pool(k));
            }
            case "BatchNormalization" -> append(k, batchNorm(k, w));
            case "Dropout" -> {
                requireNoWeights(k, w);
                append(k, new Dropout(k.name(), k.number("rate", 0)));
            }
            case "Activation" -> {
                requireNoWeights(k, w);
                ActivationFusion.fuse(layers, activation(k, k.config().get("activation")), k::refuse);
            }
            case "ReLU" -> {
                requireNoWeights(k, w);
                ActivationFusion.fuse(layers, relu(k), k::refuse);
            }
            case "LeakyReLU", "PReLU", "ELU", "ThresholdedReLU", "Softmax" -> throw k.refuse(
                    "activation layer type " + k.className() + " is not supported (DESIGN §2 allows linear, relu and relu6)");
            default -> throw k.refuse("layer type " + k.className() + " is not supported (DESIGN §2 subset: " + SUPPORTED + ")");
        }
    }

    /** Adds the IR layer after checking it against the current shape; the error names the Keras layer. */
    private void append(KerasLayer k, Layer layer) {
        try {
            shape = layer.outputShape(shape);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw k.refuse(e.getMessage());
        }
        layers.add(layer);
    }

    private boolean onlyInputSoFar() {
        return layers.stream().allMatch(l -> l instanceof InputLayer);
    }

    private Conv1D conv1d(KerasLayer k, List<Weight> w) {
        k.requireChannelsLast();
        int dilation = k.int1d("dilation_rate", 1);
        if (dilation != 1) {
            throw k.refuse("dilation_rate " + dilation + " is not supported (DESIGN §2: dilation 1)");
        }
        int groups = (int) k.number("groups", 1);
        if (groups != 1) {
            throw k.refuse("groups " + groups + " is not supported (grouped convolution; DESIGN §2 needs groups 1)");
        }
        Padding padding = padding(k);
        int filters = positive(k, "filters");
        int size = positive(k, "kernel_size");
        int stride = k.int1d("strides", 1);
        Activation act = activation(k, k.config().get("activation"));
        if (shape.rank() != 2) {
            throw k.refuse("needs a [length][channels] input, got " + shape);
        }
        boolean useBias = k.bool("use_bias", true);
        requireCount(k, w, useBias ? 2 : 1, useBias ? "kernel, bias" : "kernel");
        Weight kernel = requireShape(k, w.get(0), "kernel", size, shape.channels(), filters);
        double[] bias = useBias ? requireShape(k, w.get(1), "bias", filters).values() : new double[filters];
        double[][][] kk = new double[size][shape.channels()][filters];
        int cin = shape.channels();
        for (int t = 0; t < size; t++) {
            for (int c = 0; c < cin; c++) {
                System.arraycopy(kernel.values(), (t * cin + c) * filters, kk[t][c], 0, filters);
            }
        }
        return new Conv1D(k.name(), filters, size, stride, padding, act, kk, bias);
    }

    private Dense dense(KerasLayer k, List<Weight> w) {
        int units = positive(k, "units");
        Activation act = activation(k, k.config().get("activation"));
        if (!shape.isFlat()) {
            throw k.refuse("a Dense layer on a " + shape + " input (applied along the last axis) is not supported;"
                    + " put a Flatten before it");
        }
        boolean useBias = k.bool("use_bias", true);
        requireCount(k, w, useBias ? 2 : 1, useBias ? "kernel, bias" : "kernel");
        int in = shape.size();
        Weight kernel = requireShape(k, w.get(0), "kernel", in, units);
        double[] bias = useBias ? requireShape(k, w.get(1), "bias", units).values() : new double[units];
        double[][] ww = new double[in][units];
        for (int i = 0; i < in; i++) {
            System.arraycopy(kernel.values(), i * units, ww[i], 0, units);
        }
        return new Dense(k.name(), units, act, ww, bias);
    }

    private Reshape reshape(KerasLayer k) {
        if (!onlyInputSoFar()) {
            throw k.refuse("Reshape is only supported at the input (DESIGN §2), but it follows '"
                    + layers.get(layers.size() - 1).name() + "' (" + layers.get(layers.size() - 1).type() + ")");
        }
        JsonNode t = k.config().get("target_shape");
        if (t == null || !t.isArray() || t.isEmpty() || t.size() > 2) {
            throw k.refuse("target_shape " + t + " is not [length, channels] or [n]");
        }
        int[] dims = new int[t.size()];
        int unknown = -1;
        int known = 1;
        for (int i = 0; i < dims.length; i++) {
            dims[i] = t.get(i).asInt();
            if (dims[i] == -1 && unknown < 0) {
                unknown = i;
            } else if (dims[i] < 1) {
                throw k.refuse("target_shape " + t + " has an invalid dimension");
            } else {
                known *= dims[i];
            }
        }
        if (unknown >= 0) {
            if (shape.size() % known != 0) {
                throw k.refuse("cannot reshape " + shape + " to " + t);
            }
            dims[unknown] = shape.size() / known;
        }
        return new Reshape(k.name(), new Shape(dims));
    }

    private Layer pool(KerasLayer k) {
        k.requireChannelsLast();
        int size = k.int1d("pool_size", 2);
        int stride = k.int1d("strides", size);
        Padding padding = padding(k);
        return k.className().startsWith("Max")
                ? new MaxPooling1D(k.name(), size, stride, padding)
                : new AveragePooling1D(k.name(), size, stride, padding);
    }

    private BatchNormalization batchNorm(KerasLayer k, List<Weight> w) {
        JsonNode axisNode = k.config().get("axis");
        if (axisNode != null && axisNode.isArray()) {
            axisNode = axisNode.size() == 1 ? axisNode.get(0) : null;
        }
        int axis = axisNode == null ? Integer.MIN_VALUE : axisNode.asInt(Integer.MIN_VALUE);
        if (axis != -1 && axis != shape.rank()) {
            throw k.refuse("axis " + k.config().get("axis") + " is not supported (only the channel axis, -1)");
        }
        boolean scale = k.bool("scale", true);
        boolean center = k.bool("center", true);
        int n = shape.dims()[shape.rank() - 1];
        List<String> names = new ArrayList<>();
        if (scale) {
            names.add("gamma");
        }
        if (center) {
            names.add("beta");
        }
        names.add("moving_mean");
        names.add("moving_variance");
        requireCount(k, w, names.size(), String.join(", ", names));
        double[][] v = new double[4][];
        for (int i = 0; i < names.size(); i++) {
            Weight weight = w.get(i);
            // legacy files name the arrays; trust the names over the order when they are recognisable
            int slot = names.indexOf(weight.shortName());
            String role = slot >= 0 ? weight.shortName() : names.get(i);
            v[List.of("gamma", "beta", "moving_mean", "moving_variance").indexOf(role)] = requireShape(k, weight, role, n).values();
        }
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        return new BatchNormalization(k.name(), v[0] == null ? ones : v[0], v[1] == null ? new double[n] : v[1],
                v[2], v[3], k.number("epsilon", 1e-3));
    }

    private static Padding padding(KerasLayer k) {
        String p = k.text("padding", "valid");
        return switch (p) {
            case "valid" -> Padding.VALID;
            case "same" -> Padding.SAME;
            default -> throw k.refuse("padding '" + p + "' is not supported (valid or same)");
        };
    }

    /** An activation given as a name or as Keras 3's serialised function object. */
    static Activation activation(KerasLayer k, JsonNode v) {
        if (v == null || v.isNull()) {
            return Activation.NONE;
        }
        String name = v.isTextual() ? v.asText() : v.path("config").isTextual() ? v.path("config").asText() : null;
        if (name == null) {
            throw k.refuse("activation " + v + " is not supported (a custom activation; DESIGN §2 allows linear, relu and relu6)");
        }
        return switch (name) {
            case "linear" -> Activation.NONE;
            case "relu" -> Activation.RELU;
            case "relu6" -> Activation.RELU6;
            default -> throw k.refuse("activation '" + name + "' is not supported (DESIGN §2 allows linear, relu and relu6)");
        };
    }

    private static Activation relu(KerasLayer k) {
        double slope = k.number("negative_slope", 0);
        if (slope != 0) {
            throw k.refuse("negative_slope " + slope + " (a leaky ReLU) is not supported (DESIGN §2 allows relu and relu6)");
        }
        double threshold = k.number("threshold", 0);
        if (threshold != 0) {
            throw k.refuse("threshold " + threshold + " is not supported (DESIGN §2 allows relu and relu6)");
        }
        if (!k.has("max_value")) {
            return Activation.RELU;
        }
        double max = k.number("max_value", 0);
        if (max != 6) {
            throw k.refuse("max_value " + max + " is not supported (ReLU without a cap or with max_value 6)");
        }
        return Activation.RELU6;
    }

    private static int positive(KerasLayer k, String key) {
        int v = k.int1d(key, -1);
        if (v < 1) {
            throw k.refuse("config field '" + key + "' is missing or not a positive integer");
        }
        return v;
    }

    private static void requireNoWeights(KerasLayer k, List<Weight> w) {
        if (!w.isEmpty()) {
            throw k.refuse("has " + w.size() + " weight arrays in the file, expected none");
        }
    }

    private static void requireCount(KerasLayer k, List<Weight> w, int n, String what) {
        if (w.size() != n) {
            throw k.refuse("has " + w.size() + " weight arrays in the file, expected " + n + " (" + what + ")");
        }
    }

    private static Weight requireShape(KerasLayer k, Weight w, String role, int... expected) {
        if (!w.hasShape(expected)) {
            throw k.refuse(role + " weight '" + w.name() + "' has shape " + Arrays.toString(w.shape())
                    + " but the config and input shape imply " + Arrays.toString(expected));
        }
        return w;
    }
}
