package org.pulsedl.quantizer.model;

/** One transformation of a float model (STYLE item 3: small passes referenced by type). */
public interface ModelPass {
    Model apply(Model model);

    /** The passes the quantiser runs before quantising, in order. */
    static Model prepareForQuantization(Model model) {
        return new FoldBatchNorm().apply(new RemoveDropout().apply(model));
    }
}
