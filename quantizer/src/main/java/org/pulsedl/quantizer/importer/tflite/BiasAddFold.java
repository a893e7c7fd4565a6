package org.pulsedl.quantizer.importer.tflite;

import org.pulsedl.quantizer.golden.BiasAddKernel;
import org.pulsedl.quantizer.model.Activation;
import org.pulsedl.quantizer.qmodel.QBiasAdd;
import org.pulsedl.quantizer.qmodel.QConv1D;
import org.pulsedl.quantizer.qmodel.QDense;
import org.pulsedl.quantizer.qmodel.QLayer;
import org.pulsedl.quantizer.qmodel.Requant;

/**
 * When a quantised bias ADD may fold into the Conv1D or Dense before it: only when the fold is the same integer
 * function, which is decided by proof, not by a tolerance. The ADD is a per-element function of one code per
 * channel, {@code y = clamp(f_c(q), add_min, add_max)}, and the layer's output codes {@code q} all lie in its
 * activation range {@code [act_min, act_max]}. If {@code f_c(q) = q} for every channel {@code c} and every such
 * {@code q} (checked exhaustively: at most 65,536 codes per channel) and the ADD keeps the tensor's scale and zero
 * point, then for every input {@code y = clamp(q, add_min, add_max)} = the layer with its range narrowed to the
 * intersection — exact. TFLite's converter gives the ADD output new parameters, so this rarely applies (a zero bias
 * with an unchanged tensor); otherwise the ADD stays a step of its own.
 */
final class BiasAddFold {
    private BiasAddFold() {}

    /** The layer with {@code add} folded in, or {@code null} when the fold would not be exact. */
    static QLayer fold(QLayer layer, QBiasAdd add) {
        Requant rq = layer instanceof QConv1D c ? c.requant() : layer instanceof QDense d ? d.requant() : null;
        if (rq == null || !add.input().equals(add.output())) {
            return null;
        }
        int lo = Math.max(rq.actMin(), add.actMin());
        int hi = Math.min(rq.actMax(), add.actMax());
        if (lo > hi) {
            return null;
        }
        int[] b = BiasAddKernel.scaledBias(add);
        for (int c = 0; c < b.length; c++) {
            for (int q = rq.actMin(); q <= rq.actMax(); q++) {
                if (BiasAddKernel.unclamped(add, q, b[c]) != q) {
                    return null;
                }
            }
        }
        Requant narrowed = new Requant(rq.output(), rq.m0(), rq.shift(), lo, hi);
        if (layer instanceof QConv1D c) {
            return new QConv1D(c.name(), c.inputShape(), c.filters(), c.kernelSize(), c.stride(), c.padding(),
                    combined(c.activation(), add.activation()), c.input(), c.weights(), c.weightScales(), c.bias(),
                    narrowed);
        }
        QDense d = (QDense) layer;
        return new QDense(d.name(), d.inputs(), d.units(), combined(d.activation(), add.activation()), d.input(),
                d.weights(), d.weightScales(), d.bias(), narrowed);
    }

    /** The activation in effect (documentation only; the range is what computes). */
    private static Activation combined(Activation layer, Activation add) {
        return layer == Activation.NONE ? add : layer;
    }
}
