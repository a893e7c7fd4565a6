package org.pulsedl.quantizer.qmodel;

import org.pulsedl.quantizer.model.Activation;
import org.pulsedl.quantizer.model.Shape;
import org.pulsedl.quantizer.quant.QuantParams;

/**
 * Integer Dense on a flat input.
 *
 * @param weights {@code [units][inputs]} (TFLite's layout; the transpose of Keras' {@code [in][out]})
 * @param bias    {@code [units]}, scale {@code input.scale · weightScales[j]}
 * @param requant the requantisation, or {@code null} for a raw last layer
 */
public record QDense(String name, int inputs, int units, Activation activation, QuantParams input, byte[][] weights,
                     double[] weightScales, long[] bias, Requant requant) implements QLayer {

    @Override
    public String type() { return "dense"; }

    @Override
    public Shape inputShape() { return Shape.flat(inputs); }

    @Override
    public Shape outputShape() { return Shape.flat(units); }

    public int fanIn() { return inputs; }

    @Override
    public QuantParams output() { return requant == null ? null : requant.output(); }
}
