package org.pulsedl.quantizer.qmodel;

import org.pulsedl.quantizer.model.Activation;
import org.pulsedl.quantizer.model.Padding;
import org.pulsedl.quantizer.model.Shape;
import org.pulsedl.quantizer.quant.QuantParams;

/**
 * Integer Conv1D (dilation 1).
 *
 * @param weights      {@code [filters][kernelSize · inChannels]}: row {@code f} holds tap {@code k}, input
 *                     channel {@code c} at index {@code k · inChannels + c} (TFLite's OHWI with H = 1)
 * @param weightScales {@code [filters]}, real weight = scale · q (zero point 0)
 * @param bias         {@code [filters]}, scale {@code input.scale · weightScales[f]}; int32 range for an int8
 *                     input, int64 for int16
 * @param requant      the requantisation, or {@code null} for a raw last layer
 * @param activation   documentation of the fused activation; the arithmetic uses only {@code requant.actMin/actMax}
 */
public record QConv1D(String name, Shape inputShape, int filters, int kernelSize, int stride, Padding padding,
                      Activation activation, QuantParams input, byte[][] weights, double[] weightScales, long[] bias,
                      Requant requant) implements QLayer {

    @Override
    public String type() { return "conv1d"; }

    public int inLength() { return inputShape.length(); }

    public int inChannels() { return inputShape.channels(); }

    public int outLength() { return padding.outputLength(inLength(), kernelSize, stride); }

    public int padLeft() { return padding.padLeft(inLength(), kernelSize, stride); }

    /** Weights per output: {@code kernelSize · inChannels}. */
    public int fanIn() { return kernelSize * inChannels(); }

    @Override
    public Shape outputShape() { return Shape.of(outLength(), filters); }

    @Override
    public QuantParams output() { return requant == null ? null : requant.output(); }
}
