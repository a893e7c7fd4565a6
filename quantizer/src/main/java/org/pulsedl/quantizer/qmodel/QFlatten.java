package org.pulsedl.quantizer.qmodel;

import org.pulsedl.quantizer.model.Shape;
import org.pulsedl.quantizer.quant.QuantParams;

/** Row-major flatten: no arithmetic, kept so shapes and names stay traceable to the float model. */
public record QFlatten(String name, Shape inputShape, QuantParams quant) implements QLayer {

    @Override
    public String type() { return "flatten"; }

    @Override
    public Shape outputShape() { return Shape.flat(inputShape.size()); }

    @Override
    public QuantParams input() { return quant; }

    @Override
    public QuantParams output() { return quant; }
}
