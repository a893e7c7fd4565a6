package org.pulsedl.quantizer.model;

import java.util.List;

/** Drops every {@link Dropout} (the identity at inference). */
public final class RemoveDropout implements ModelPass {
    @Override
    public Model apply(Model model) {
        List<Layer> kept = model.layers().stream().filter(l -> !(l instanceof Dropout)).toList();
        return model.withLayers(kept);
    }
}
