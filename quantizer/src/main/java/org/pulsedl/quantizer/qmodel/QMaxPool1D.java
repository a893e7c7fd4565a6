package org.pulsedl.quantizer.qmodel;

import org.pulsedl.quantizer.model.Padding;
import org.pulsedl.quantizer.model.Shape;
import org.pulsedl.quantizer.quant.QuantParams;

/** Integer max pooling; input and output share {@code quant} (TFLite requires equal scale and zero point). */
public record QMaxPool1D(String name, Shape inputShape, int poolSize, int stride, Padding padding, QuantParams quant)
        implements QLayer {

    @Override
    public String type() { return "max_pool1d"; }

    @Override
    public Shape outputShape() {
        return Shape.of(padding.outputLength(inputShape.length(), poolSize, stride), inputShape.channels());
    }

    public int padLeft() { return padding.padLeft(inputShape.length(), poolSize, stride); }

    @Override
    public QuantParams input() { return quant; }

    @Override
    public QuantParams output() { return quant; }
}
