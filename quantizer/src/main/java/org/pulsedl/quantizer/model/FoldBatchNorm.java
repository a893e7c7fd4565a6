package org.pulsedl.quantizer.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Folds each {@link BatchNormalization} into the Conv1D or Dense directly before it:
 * {@code w'[..][c] = w[..][c] * s_c}, {@code b'_c = b_c * s_c + (beta_c - mean_c * s_c)} with
 * {@code s_c = gamma_c / sqrt(var_c + eps)}. The preceding layer must have no fused activation (the BN
 * acts on its pre-activation output) — otherwise, or when nothing foldable precedes it, the pass refuses
 * naming the BatchNormalization layer.
 */
public final class FoldBatchNorm implements ModelPass {
    @Override
    public Model apply(Model model) {
        List<Layer> out = new ArrayList<>();
        for (int i = 0; i < model.layers().size(); i++) {
            Layer layer = model.layers().get(i);
            if (!(layer instanceof BatchNormalization bn)) {
                out.add(layer);
                continue;
            }
            Layer prev = out.isEmpty() ? null : out.get(out.size() - 1);
            if (prev instanceof Conv1D conv && conv.activation() == Activation.NONE) {
                out.set(out.size() - 1, fold(conv, bn));
            } else if (prev instanceof Dense dense && dense.activation() == Activation.NONE) {
                out.set(out.size() - 1, fold(dense, bn));
            } else {
                throw new ModelException(i, layer, whyNot(prev));
            }
        }
        return model.withLayers(out);
    }

    private static String whyNot(Layer prev) {
        Activation act = prev instanceof Conv1D c ? c.activation() : prev instanceof Dense d ? d.activation() : null;
        if (act != null) { // NONE was folded above
            return "cannot fold: it comes after the " + act.keras() + " activation of '" + prev.name() + "' (" + prev.type()
                    + "); a BatchNormalization is folded only into the Conv1D or Dense directly before it, ahead of"
                    + " the activation (DESIGN §2)";
        }
        return "cannot fold: a BatchNormalization must directly follow a Conv1D or Dense (DESIGN §2)"
                + (prev == null ? ", but it is the first layer" : ", but it follows '" + prev.name() + "' (" + prev.type() + ")");
    }

    static Conv1D fold(Conv1D conv, BatchNormalization bn) {
        double[][][] k = new double[conv.kernelSize()][conv.inChannels()][conv.filters()];
        double[] b = new double[conv.filters()];
        for (int f = 0; f < conv.filters(); f++) {
            double s = bn.scale(f);
            for (int t = 0; t < conv.kernelSize(); t++) {
                for (int c = 0; c < conv.inChannels(); c++) {
                    k[t][c][f] = conv.kernel()[t][c][f] * s;
                }
            }
            b[f] = conv.bias()[f] * s + bn.offset(f);
        }
        return new Conv1D(conv.name(), conv.filters(), conv.kernelSize(), conv.stride(), conv.padding(),
                conv.activation(), k, b);
    }

    static Dense fold(Dense dense, BatchNormalization bn) {
        double[][] w = new double[dense.inputs()][dense.units()];
        double[] b = new double[dense.units()];
        for (int j = 0; j < dense.units(); j++) {
            double s = bn.scale(j);
            for (int i = 0; i < dense.inputs(); i++) {
                w[i][j] = dense.weights()[i][j] * s;
            }
            b[j] = dense.bias()[j] * s + bn.offset(j);
        }
        return new Dense(dense.name(), dense.units(), dense.activation(), w, b);
    }
}
