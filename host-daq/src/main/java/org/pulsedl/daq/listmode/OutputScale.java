package org.pulsedl.daq.listmode;

import java.util.ArrayList;
import java.util.List;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/**
 * How one raw network output becomes a physical value: {@code physical = offset + gain · raw}. Both the
 * dequantisation and the output's calibration are affine, so two points of the model's own
 * {@link QuantizedModel#toPhysical} give the whole map; the list-mode header stores it so that a reader needs no
 * model code (docs/listmode.md).
 */
public record OutputScale(String name, String unit, double gain, double offset) {
    public double physical(long raw) { return offset + gain * raw; }

    /** The scales of every output of {@code model}, in output order. */
    public static List<OutputScale> of(QuantizedModel model) {
        int n = model.outputShape().size();
        double[] at0 = model.toPhysical(new long[n]);
        long[] ones = new long[n];
        java.util.Arrays.fill(ones, 1);
        double[] at1 = model.toPhysical(ones);
        List<OutputScale> scales = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean named = i < model.outputs().size();
            scales.add(new OutputScale(named ? model.outputs().get(i).name() : "output" + i,
                    named ? model.outputs().get(i).unit() : "", at1[i] - at0[i], at0[i]));
        }
        return List.copyOf(scales);
    }
}
