package org.pulsedl.quantizer.qmodel;

import org.pulsedl.quantizer.model.Shape;
import org.pulsedl.quantizer.quant.QuantParams;

/**
 * One layer of a quantised model. Each record holds everything its golden kernel (and the hardware) needs;
 * consistency across layers is checked by {@link QuantizedModel}.
 */
public sealed interface QLayer permits QConv1D, QDense, QMaxPool1D, QAvgPool1D, QFlatten, QReshape,
        QBiasAdd {

    String name();

    /** The layer's {@code type} in a {@code .qmodel} file, e.g. {@code conv1d}. */
    String type();

    Shape inputShape();

    Shape outputShape();

    /** Quantisation of the input tensor. */
    QuantParams input();

    /** Quantisation of the output tensor, or {@code null} for a raw (accumulator) output. */
    QuantParams output();

    /** True when the layer outputs its accumulators (last layer only). */
    default boolean raw() { return output() == null; }
}
