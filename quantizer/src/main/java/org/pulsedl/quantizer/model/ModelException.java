package org.pulsedl.quantizer.model;

/** A model that breaks a rule of the IR; the message names the layer (index, name, type) and the reason. */
public class ModelException extends IllegalArgumentException {
    private final int layerIndex;

    public ModelException(int layerIndex, Layer layer, String reason) {
        super("layer " + layerIndex + " '" + layer.name() + "' (" + layer.type() + "): " + reason);
        this.layerIndex = layerIndex;
    }

    public ModelException(String message) {
        super(message);
        this.layerIndex = -1;
    }

    /** The offending layer's index, or -1 when the error is not about one layer. */
    public int layerIndex() { return layerIndex; }
}
