package org.pulsedl.quantizer.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A float model: an input shape and an ordered list of layers (a plain chain, no branches). Shapes are
 * inferred and checked on construction, so a {@code Model} that exists is consistent; every violation
 * is a {@link ModelException} naming the layer and the reason.
 *
 * <p>Rules beyond each layer's own shape rule: layer names are unique; {@link InputLayer} only at index 0;
 * {@link Reshape} only first (after an optional InputLayer).
 */
public final class Model {
    private final String name;
    private final Shape inputShape;
    private final List<Layer> layers;
    private final List<Shape> outputShapes;

    public Model(String name, Shape inputShape, List<Layer> layers) {
        this.name = name;
        this.inputShape = inputShape;
        this.layers = List.copyOf(layers);
        this.outputShapes = inferShapes();
    }

    private List<Shape> inferShapes() {
        List<Shape> shapes = new ArrayList<>(layers.size());
        Set<String> names = new HashSet<>();
        Shape current = inputShape;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            if (!names.add(layer.name())) {
                throw new ModelException(i, layer, "duplicate layer name");
            }
            if (layer instanceof InputLayer && i != 0) {
                throw new ModelException(i, layer, "an InputLayer is only allowed as the first layer");
            }
            if (layer instanceof Reshape && i != firstComputeIndex()) {
                throw new ModelException(i, layer, "Reshape is only supported as the first layer");
            }
            try {
                current = layer.outputShape(current);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new ModelException(i, layer, e.getMessage());
            }
            shapes.add(current);
        }
        return List.copyOf(shapes);
    }

    private int firstComputeIndex() {
        return !layers.isEmpty() && layers.get(0) instanceof InputLayer ? 1 : 0;
    }

    public String name() { return name; }

    public Shape inputShape() { return inputShape; }

    public List<Layer> layers() { return layers; }

    /** Output shape of layer {@code i}. */
    public Shape outputShape(int i) { return outputShapes.get(i); }

    /** Input shape of layer {@code i}. */
    public Shape inputShape(int i) { return i == 0 ? inputShape : outputShapes.get(i - 1); }

    /** The model's output shape. */
    public Shape outputShape() { return layers.isEmpty() ? inputShape : outputShapes.get(outputShapes.size() - 1); }

    /** A copy with other layers (re-checked). Used by passes. */
    public Model withLayers(List<Layer> newLayers) { return new Model(name, inputShape, newLayers); }

    /** Index of the layer with this name, or -1. */
    public int indexOf(String layerName) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).name().equals(layerName)) {
                return i;
            }
        }
        return -1;
    }

    /** One row per layer: shapes, MACs and parameters. */
    public List<LayerInfo> summary() {
        List<LayerInfo> rows = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            rows.add(new LayerInfo(i, l.name(), l.type(), inputShape(i), outputShape(i), l.macs(inputShape(i)), l.params()));
        }
        return rows;
    }

    public long totalMacs() { return summary().stream().mapToLong(LayerInfo::macs).sum(); }

    public long totalParams() { return summary().stream().mapToLong(LayerInfo::params).sum(); }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("model '" + name + "' input " + inputShape + "\n");
        summary().forEach(r -> sb.append(r).append('\n'));
        sb.append("total MACs ").append(totalMacs()).append(", params ").append(totalParams());
        return sb.toString();
    }
}
