package org.pulsedl.quantizer.importer.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pulsedl.quantizer.model.ModelException;
import org.pulsedl.quantizer.model.Shape;

/**
 * A Keras model config ({@code config.json} of a {@code .keras}, attribute {@code model_config} of a legacy
 * {@code .h5}) reduced to what pulsedl supports: a plain chain of layers from one input to one output.
 *
 * <p>Sequential models are chains by construction. A Functional model is accepted when it is one: one input,
 * one output, every layer called exactly once on exactly one tensor, and every layer's output consumed by at
 * most one layer. A residual or branching graph therefore fails on the first layer that merges (two inputs),
 * is shared (called twice) or fans out (two consumers).
 *
 * @param name       the model name
 * @param layers     every layer in config order (including any InputLayer)
 * @param chain      the layers in execution order
 * @param inputShape the model input without the batch axis
 * @param sequential a Sequential (not Functional) model
 */
record KerasModelConfig(String name, List<KerasLayer> layers, List<KerasLayer> chain, Shape inputShape, boolean sequential) {

    static KerasModelConfig parse(JsonNode root) {
        String modelClass = text(root, "class_name");
        JsonNode config = root.get("config");
        if (modelClass == null || config == null || !config.isObject()) {
            throw new ModelException("the model config has no class_name/config (not a Keras model config)");
        }
        JsonNode layerList = config.get("layers");
        if (layerList == null || !layerList.isArray() || layerList.isEmpty()) {
            throw new ModelException("model class '" + modelClass + "' has no layer list (pulsedl imports Sequential"
                    + " and linear Functional models)");
        }
        String name = text(config, "name") == null ? "keras" : text(config, "name");
        List<KerasLayer> layers = new ArrayList<>();
        for (JsonNode l : layerList) {
            JsonNode lc = l.get("config");
            String layerName = text(l, "name") != null ? text(l, "name") : lc == null ? null : text(lc, "name");
            String cls = text(l, "class_name");
            if (lc == null || !lc.isObject() || layerName == null || cls == null) {
                throw new ModelException("layer " + layers.size() + " of the model config has no name, class_name or config");
            }
            layers.add(new KerasLayer(layers.size(), layerName, cls, lc));
        }
        return switch (modelClass) {
            case "Sequential" -> new KerasModelConfig(name, layers, layers, sequentialInput(config, layers), true);
            case "Functional", "Model" -> functional(name, config, layerList, layers);
            default -> throw new ModelException("model class '" + modelClass
                    + "' is not supported (pulsedl imports Sequential and linear Functional models)");
        };
    }

    private static Shape sequentialInput(JsonNode config, List<KerasLayer> layers) {
        KerasLayer first = layers.get(0);
        JsonNode shape = first.config().get("batch_shape");
        if (shape == null || shape.isNull()) {
            shape = first.config().get("batch_input_shape"); // Keras 2: on the first layer
        }
        if (shape == null || shape.isNull()) {
            shape = config.get("build_input_shape");
        }
        if (shape == null || shape.isNull()) {
            throw new ModelException("the Sequential model declares no input shape (no InputLayer, batch_input_shape"
                    + " or build_input_shape)");
        }
        return batchShape(first, shape);
    }

    /** {@code [null, 32, 2]} → {@code [32][2]}; {@code [null, 96]} → {@code [96]}. */
    static Shape batchShape(KerasLayer layer, JsonNode shape) {
        if (!shape.isArray() || shape.size() < 2 || shape.size() > 3) {
            throw layer.refuse("input shape " + shape + " is not [batch, length, channels] or [batch, n]");
        }
        int[] dims = new int[shape.size() - 1];
        for (int i = 1; i < shape.size(); i++) {
            if (!shape.get(i).canConvertToInt() || shape.get(i).asInt() < 1) {
                throw layer.refuse("input shape " + shape + " has an unknown or invalid dimension (pulsedl needs a fixed window)");
            }
            dims[i - 1] = shape.get(i).asInt();
        }
        return new Shape(dims);
    }

    private static KerasModelConfig functional(String name, JsonNode config, JsonNode layerList, List<KerasLayer> layers) {
        Map<String, KerasLayer> byName = new LinkedHashMap<>();
        for (KerasLayer l : layers) {
            if (byName.put(l.name(), l) != null) {
                throw l.refuse("duplicate layer name");
            }
        }
        Map<String, String> inboundOf = new LinkedHashMap<>();
        Map<String, List<String>> consumers = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            KerasLayer l = layers.get(i);
            JsonNode nodes = layerList.get(i).get("inbound_nodes");
            int calls = nodes == null || nodes.isNull() ? 0 : nodes.size();
            if (l.className().equals("InputLayer")) {
                continue;
            }
            if (calls != 1) {
                throw l.refuse(calls == 0 ? "has no inbound node (not connected to the model input)"
                        : "is called " + calls + " times (a shared layer); pulsedl imports plain chains only");
            }
            List<String> refs = new ArrayList<>();
            collectRefs(nodes.path(0), refs);
            if (refs.size() != 1) {
                throw l.refuse("takes " + refs.size() + " inputs " + quoted(refs)
                        + ": residual/branching graphs are not supported (pulsedl imports plain chains only)");
            }
            if (!byName.containsKey(refs.get(0))) {
                throw l.refuse("its input comes from unknown layer '" + refs.get(0) + "'");
            }
            inboundOf.put(l.name(), refs.get(0));
            consumers.computeIfAbsent(refs.get(0), k -> new ArrayList<>()).add(l.name());
        }
        for (Map.Entry<String, List<String>> e : consumers.entrySet()) {
            if (e.getValue().size() > 1) {
                throw byName.get(e.getKey()).refuse("its output feeds " + e.getValue().size() + " layers "
                        + quoted(e.getValue()) + ": residual/branching graphs are not supported (pulsedl imports plain chains only)");
            }
        }
        String input = endpoint(config, "input_layers", "inputs");
        String output = endpoint(config, "output_layers", "outputs");
        KerasLayer in = byName.get(input);
        if (in == null || !in.className().equals("InputLayer")) {
            throw new ModelException("the model input '" + input + "' is not an InputLayer of the config");
        }
        List<KerasLayer> chain = new ArrayList<>(List.of(in));
        for (String at = input; consumers.containsKey(at); ) {
            at = consumers.get(at).get(0);
            chain.add(byName.get(at));
        }
        if (!chain.get(chain.size() - 1).name().equals(output)) {
            throw new ModelException("the model output '" + output + "' is not at the end of the chain from '" + input
                    + "' (which ends at '" + chain.get(chain.size() - 1).name() + "')");
        }
        for (KerasLayer l : layers) {
            if (!chain.contains(l)) {
                throw l.refuse("is not on the path from the input to the output (a second input or a dangling layer)");
            }
        }
        JsonNode shape = in.config().has("batch_shape") ? in.config().get("batch_shape") : in.config().get("batch_input_shape");
        if (shape == null) {
            throw in.refuse("declares no batch_shape");
        }
        return new KerasModelConfig(name, layers, chain, batchShape(in, shape), false);
    }

    /** The single layer name of {@code input_layers}/{@code output_layers}: {@code [["adc",0,0]]} or {@code ["adc",0,0]}. */
    private static String endpoint(JsonNode config, String key, String what) {
        JsonNode v = config.get(key);
        if (v != null && v.isArray() && v.size() == 3 && v.get(0).isTextual()) {
            return v.get(0).asText();
        }
        if (v == null || !v.isArray() || v.size() != 1 || !v.get(0).isArray() || !v.get(0).path(0).isTextual()) {
            throw new ModelException("the model has " + (v == null || !v.isArray() ? "no" : v.size()) + " " + what
                    + " (pulsedl imports models with exactly one input and one output)");
        }
        return v.get(0).get(0).asText();
    }

    /**
     * The layer names a call node reads. Keras 3 writes tensors as {@code {"class_name": "__keras_tensor__",
     * "config": {"keras_history": [layer, node, index]}}} anywhere in args/kwargs; Keras 2 as
     * {@code [layer, node, index, kwargs]} lists.
     */
    private static void collectRefs(JsonNode n, List<String> out) {
        if (n.isObject()) {
            JsonNode history = n.path("config").get("keras_history");
            if ("__keras_tensor__".equals(text(n, "class_name")) && history != null && history.isArray()) {
                out.add(history.path(0).asText());
                return;
            }
            n.forEach(child -> collectRefs(child, out));
        } else if (n.isArray()) {
            if (n.size() >= 3 && n.get(0).isTextual() && n.get(1).isIntegralNumber() && n.get(2).isIntegralNumber()) {
                out.add(n.get(0).asText());
                return;
            }
            n.forEach(child -> collectRefs(child, out));
        }
    }

    private static String quoted(List<String> names) {
        return names.stream().map(s -> "'" + s + "'").reduce((a, b) -> a + ", " + b).map(s -> "(" + s + ")").orElse("()");
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v != null && v.isTextual() ? v.asText() : null;
    }
}
