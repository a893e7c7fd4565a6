package org.pulsedl.quantizer.golden.fast;

import org.pulsedl.quantizer.golden.BiasAddKernel;
import org.pulsedl.quantizer.qmodel.QBiasAdd;

/**
 * A {@link QBiasAdd} over a tile: each channel's rescaled bias is computed once, and every element goes through
 * {@link BiasAddKernel#output}, the golden model's own routine (the step is cheap next to the convolutions, so it
 * keeps the one definition instead of a separate fast form).
 */
final class BiasAddStep implements TileStep {
    private final QBiasAdd layer;
    private final int channels;
    private final int[] scaledBias;

    BiasAddStep(QBiasAdd layer) {
        this.layer = layer;
        this.channels = layer.channels();
        this.scaledBias = BiasAddKernel.scaledBias(layer);
    }

    @Override
    public void run(int[][] x, int[][] y, int n) {
        int size = layer.inputShape().size();
        for (int i = 0; i < size; i++) {
            int b = scaledBias[i % channels];
            int[] xr = x[i];
            int[] yr = y[i];
            for (int t = 0; t < n; t++) {
                yr[t] = BiasAddKernel.output(layer, xr[t], b);
            }
        }
    }

    @Override
    public String describe() {
        return layer.name() + ": bias add (TFLite ADD arithmetic), " + channels + " channels";
    }
}
