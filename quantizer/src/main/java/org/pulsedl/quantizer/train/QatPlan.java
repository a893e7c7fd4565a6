package org.pulsedl.quantizer.train;

import java.util.Arrays;
import org.pulsedl.quantizer.model.Conv1D;
import org.pulsedl.quantizer.model.Dense;
import org.pulsedl.quantizer.model.Layer;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.quant.Precision;
import org.pulsedl.quantizer.quant.Width;

/**
 * Which tensors quantisation-aware training fake-quantises, and at which width. Tensor {@code 0} is the
 * model input, tensor {@code i+1} the output of layer {@code i} (the indexing of {@code Calibration}).
 * The input and every Conv1D/Dense output are quantised, except the last layer's when it stays raw
 * (int32/int64 accumulators, DESIGN §2 last layer); pools and Flatten keep their input's grid.
 *
 * @param widths {@code [tensor]} the width, or {@code null} for a tensor that is not fake-quantised
 */
public record QatPlan(Width[] widths) {

    public QatPlan {
        widths = widths.clone();
    }

    /** The plan for {@code model} with activation widths from {@code precision}. */
    public static QatPlan of(Model model, Precision precision, boolean rawLastLayer) {
        int n = model.layers().size();
        Width[] w = new Width[n + 1];
        w[0] = precision.input();
        int compute = 0;
        for (int i = 0; i < n; i++) {
            Layer l = model.layers().get(i);
            if (l instanceof Conv1D || l instanceof Dense) {
                boolean raw = rawLastLayer && i == n - 1;
                w[i + 1] = raw ? null : precision.computeOutput(compute);
                compute++;
            }
        }
        return new QatPlan(w);
    }

    public int tensors() { return widths.length; }

    /** True when tensor {@code t} is fake-quantised. */
    public boolean quantised(int t) { return widths[t] != null; }

    /** Width of tensor {@code t} (null when not quantised). */
    public Width width(int t) { return widths[t]; }

    @Override
    public Width[] widths() { return widths.clone(); }

    @Override
    public boolean equals(Object o) { return o instanceof QatPlan p && Arrays.equals(widths, p.widths); }

    @Override
    public int hashCode() { return Arrays.hashCode(widths); }

    @Override
    public String toString() { return "QatPlan" + Arrays.toString(widths); }
}
