package org.pulsedl.quantizer.qmodel;

import org.pulsedl.quantizer.model.Shape;
import org.pulsedl.quantizer.quant.QuantParams;

/** Reshape (first layer only): no arithmetic. */
public record QReshape(String name, Shape inputShape, Shape target, QuantParams quant) implements QLayer {

    @Override
    public String type() { return "reshape"; }

    @Override
    public Shape outputShape() { return target; }

    @Override
    public QuantParams input() { return quant; }

    @Override
    public QuantParams output() { return quant; }
}
