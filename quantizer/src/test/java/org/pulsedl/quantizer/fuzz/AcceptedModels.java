package org.pulsedl.quantizer.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.importer.ModelFiles;
import org.pulsedl.quantizer.model.FloatInference;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/**
 * The acceptance rule for formats without a checksum ({@code .tflite}, {@code .keras}, {@code .h5}): an accepted
 * file must be a structurally valid model — it passed the IR's or the {@code .qmodel}'s rules when it was built — and
 * one window runs through the golden model (integer) or the float model to finite outputs of the declared size.
 */
public final class AcceptedModels {
    private AcceptedModels() {}

    public static void runsAWindow(ModelFiles.Loaded loaded) {
        SplittableRandom rnd = new SplittableRandom(1);
        if (loaded.isQuantized()) {
            QuantizedModel q = loaded.quantized();
            int[] x = new int[q.inputShape().size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = q.input().width().clamp(rnd.nextInt(-300, 300));
            }
            long[] out = new GoldenModel(q).run(x);
            assertEquals(q.outputShape().size(), out.length, "golden model output size");
        } else {
            Model m = loaded.floatModel();
            double[] x = new double[m.inputShape().size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextDouble(-1, 1);
            }
            double[] out = new FloatInference(m).run(x);
            assertEquals(m.outputShape().size(), out.length, "float model output size");
            for (double y : out) {
                assertTrue(Double.isFinite(y), "non-finite output " + y);
            }
        }
    }
}
