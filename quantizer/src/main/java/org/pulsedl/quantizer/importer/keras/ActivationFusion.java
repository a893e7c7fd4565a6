package org.pulsedl.quantizer.importer.keras;

import java.util.List;
import java.util.function.Function;
import org.pulsedl.quantizer.model.Activation;
import org.pulsedl.quantizer.model.BatchNormalization;
import org.pulsedl.quantizer.model.Conv1D;
import org.pulsedl.quantizer.model.Dense;
import org.pulsedl.quantizer.model.Dropout;
import org.pulsedl.quantizer.model.Flatten;
import org.pulsedl.quantizer.model.Layer;
import org.pulsedl.quantizer.model.MaxPooling1D;
import org.pulsedl.quantizer.model.ModelException;

/**
 * Fuses a standalone Keras {@code Activation}/{@code ReLU} layer into the Conv1D or Dense that computes its
 * input, since the IR (DESIGN §2) has fused activations only. The activation may move back across layers it
 * commutes with: Dropout and Flatten (identity on the data) and MaxPooling1D (relu and relu6 are monotone,
 * so {@code act(max(x)) = max(act(x))}).
 *
 * <p>A BatchNormalization in between cannot take the activation (the IR's BatchNormalization has none), so
 * it is folded into the linear Conv1D/Dense before it — the same arithmetic as the quantiser's
 * {@code FoldBatchNorm} pass, done early only in this case (e.g. Keras' {@code Conv1D → BatchNormalization →
 * ReLU}). Anything else is refused: the activation would have no layer to live in.
 *
 * <p>Shared with the SavedModel importer, whose graphs have the same standalone Relu/Relu6 ops.
 */
public final class ActivationFusion {
    private ActivationFusion() {}

    /**
     * Fuses {@code act} into the end of {@code layers} (modified in place).
     *
     * @param refuse makes the error for this activation from a reason (it adds the layer or op identity)
     */
    public static void fuse(List<Layer> layers, Activation act, Function<String, ModelException> refuse) {
        if (act == Activation.NONE) {
            return; // linear: the identity
        }
        int i = layers.size() - 1;
        while (i >= 0 && (layers.get(i) instanceof Dropout || layers.get(i) instanceof Flatten
                || layers.get(i) instanceof MaxPooling1D)) {
            i--;
        }
        Layer target = i >= 0 ? layers.get(i) : null;
        if (target instanceof BatchNormalization bn && i > 0 && isLinear(layers.get(i - 1))) {
            layers.remove(i);
            i--;
            target = fold(layers.get(i), bn);
        }
        if (target instanceof Conv1D c) {
            layers.set(i, new Conv1D(c.name(), c.filters(), c.kernelSize(), c.stride(), c.padding(),
                    compose(c.activation(), act), c.kernel(), c.bias()));
        } else if (target instanceof Dense d) {
            layers.set(i, new Dense(d.name(), d.units(), compose(d.activation(), act), d.weights(), d.bias()));
        } else {
            throw refuse.apply("a standalone " + act.keras() + " must follow a Conv1D or Dense it can be fused into"
                    + " (DESIGN §2 has no standalone activation layer), but it follows "
                    + (target == null ? "the input" : "'" + target.name() + "' (" + target.type() + ")"));
        }
    }

    private static boolean isLinear(Layer l) {
        return l instanceof Conv1D c && c.activation() == Activation.NONE
                || l instanceof Dense d && d.activation() == Activation.NONE;
    }

    /** {@code outer(inner(x))} for relu/relu6: relu6 absorbs relu in either order. */
    private static Activation compose(Activation inner, Activation outer) {
        if (inner == Activation.NONE) {
            return outer;
        }
        return inner == Activation.RELU6 || outer == Activation.RELU6 ? Activation.RELU6 : Activation.RELU;
    }

    /** {@code w' = w·s}, {@code b' = b·s + (beta − mean·s)}, {@code s = gamma/√(var+eps)} per output channel. */
    private static Layer fold(Layer layer, BatchNormalization bn) {
        if (layer instanceof Conv1D c) {
            double[][][] k = new double[c.kernelSize()][c.inChannels()][c.filters()];
            double[] b = new double[c.filters()];
            for (int f = 0; f < c.filters(); f++) {
                for (int t = 0; t < c.kernelSize(); t++) {
                    for (int ch = 0; ch < c.inChannels(); ch++) {
                        k[t][ch][f] = c.kernel()[t][ch][f] * bn.scale(f);
                    }
                }
                b[f] = c.bias()[f] * bn.scale(f) + bn.offset(f);
            }
            return new Conv1D(c.name(), c.filters(), c.kernelSize(), c.stride(), c.padding(), c.activation(), k, b);
        }
        Dense d = (Dense) layer;
        double[][] w = new double[d.inputs()][d.units()];
        double[] b = new double[d.units()];
        for (int j = 0; j < d.units(); j++) {
            for (int i = 0; i < d.inputs(); i++) {
                w[i][j] = d.weights()[i][j] * bn.scale(j);
            }
            b[j] = d.bias()[j] * bn.scale(j) + bn.offset(j);
        }
        return new Dense(d.name(), d.units(), d.activation(), w, b);
    }
}
