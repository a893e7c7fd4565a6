package org.pulsedl.quantizer.importer.keras;

import io.jhdf.api.Attribute;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pulsedl.quantizer.model.ModelException;

/**
 * Weights in a Keras 3 {@code model.weights.h5}: {@code /layers/<path>/vars/0, 1, …} in the order the layer
 * creates them. {@code <path>} is Keras' attribute name for the layer (snake case of the class, made unique:
 * {@code conv1d}, {@code conv1d_1}…), not the layer name; Keras 3 stores the layer name in the {@code vars}
 * group's attribute {@code name}, which is what this class matches. Files without that attribute are matched
 * by recomputing Keras' path names from the config order.
 */
final class Keras3Weights implements WeightStore {
    private final Map<String, Group> varsByLayer = new HashMap<>();

    Keras3Weights(Group root, List<KerasLayer> configLayers, boolean sequential) {
        Node layers = root.getChild("layers");
        if (!(layers instanceof Group layersGroup)) {
            throw new ModelException("model.weights.h5 has no 'layers' group (not a Keras 3 weights file)");
        }
        boolean named = false;
        for (Node child : layersGroup) {
            if (child instanceof Group g && g.getChild("vars") instanceof Group vars) {
                String name = nameAttribute(vars);
                if (name != null) {
                    varsByLayer.put(name, vars);
                    named = true;
                }
            }
        }
        if (!named) {
            matchByKerasPaths(layersGroup, configLayers, sequential);
        }
    }

    private static String nameAttribute(Group vars) {
        Attribute a = vars.getAttribute("name");
        if (a == null) {
            return null;
        }
        Object data = a.getData();
        if (data instanceof String s) {
            return s;
        }
        return data instanceof String[] arr && arr.length == 1 ? arr[0] : null;
    }

    /** Keras' own path names: snake case of the class, "_1", "_2"… for repeats (Sequential omits the InputLayer). */
    private void matchByKerasPaths(Group layersGroup, List<KerasLayer> configLayers, boolean sequential) {
        Map<String, Integer> seen = new HashMap<>();
        for (KerasLayer layer : configLayers) {
            if (sequential && layer.className().equals("InputLayer")) {
                continue;
            }
            String base = snakeCase(layer.className());
            int n = seen.merge(base, 1, Integer::sum) - 1;
            String path = n == 0 ? base : base + "_" + n;
            if (layersGroup.getChild(path) instanceof Group g && g.getChild("vars") instanceof Group vars) {
                varsByLayer.put(layer.name(), vars);
            }
        }
    }

    static String snakeCase(String className) {
        String s = className.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        return s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    @Override
    public List<Weight> weightsOf(KerasLayer layer) {
        Group vars = varsByLayer.get(layer.name());
        if (vars == null) {
            return List.of();
        }
        List<Node> nodes = new ArrayList<>(vars.getChildren().values());
        for (Node n : nodes) {
            if (!n.getName().matches("\\d{1,9}")) {
                throw layer.refuse("unexpected entry '" + n.getName() + "' among its weights in model.weights.h5");
            }
        }
        nodes.sort(Comparator.comparingInt(n -> Integer.parseInt(n.getName())));
        List<Weight> out = new ArrayList<>();
        for (Node n : nodes) {
            out.add(WeightStore.read(n.getName(), n, layer));
        }
        return out;
    }
}
