package org.pulsedl.quantizer.importer.keras;

import io.jhdf.api.Attribute;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfInvalidPathException;
import java.util.ArrayList;
import java.util.List;

/**
 * Weights in a legacy Keras {@code .h5}: group {@code /model_weights/<layer name>} with the string-array
 * attribute {@code weight_names} listing the layer's arrays in order, as paths relative to that group
 * (e.g. {@code pdl2/conv1/kernel}; Keras 2 appends {@code :0}).
 */
final class LegacyWeights implements WeightStore {
    private final Group modelWeights;

    LegacyWeights(Group modelWeights) {
        this.modelWeights = modelWeights;
    }

    @Override
    public List<Weight> weightsOf(KerasLayer layer) {
        Node node = modelWeights.getChild(layer.name());
        if (!(node instanceof Group group)) {
            return List.of();
        }
        List<Weight> out = new ArrayList<>();
        for (String name : weightNames(group, layer)) {
            Node w;
            try {
                w = group.getByPath(name);
            } catch (HdfInvalidPathException e) {
                w = null;
            }
            if (w == null) {
                throw layer.refuse("weight '" + name + "' is listed in weight_names but missing from the file");
            }
            out.add(WeightStore.read(name, w, layer));
        }
        return out;
    }

    private static List<String> weightNames(Group group, KerasLayer layer) {
        Attribute a = group.getAttribute("weight_names");
        if (a == null || a.isEmpty()) {
            return List.of();
        }
        Object data = a.getData();
        if (data instanceof String s) {
            return List.of(s);
        }
        if (data instanceof String[] arr) {
            return List.of(arr);
        }
        if (data instanceof double[] d && d.length == 0 || data instanceof float[] f && f.length == 0) {
            return List.of(); // h5py writes an empty float array for a layer without weights
        }
        throw layer.refuse("attribute weight_names of /model_weights/" + layer.name() + " is not a list of strings");
    }
}
