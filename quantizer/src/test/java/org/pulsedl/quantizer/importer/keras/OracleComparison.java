package org.pulsedl.quantizer.importer.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.pulsedl.quantizer.model.FloatInference;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.oracle.Npy;

/**
 * Compares a model's float outputs with TensorFlow's on the oracle's inputs: every output must satisfy
 * {@code |ours − tf| ≤ REL·|tf| + ABS}. TensorFlow computes in float32 and we in double, so the difference is
 * float32 rounding; ABS only matters for outputs near zero, where a relative bound is meaningless.
 */
public final class OracleComparison {
    public static final double REL = 1e-5;
    public static final double ABS = 1e-6;

    private OracleComparison() {}

    /**
     * The measured agreement: the largest relative error among outputs with {@code |tf| ≥ ABS/REL} (where the
     * relative bound is the binding one) and the largest absolute error over all outputs.
     */
    public record Agreement(int outputs, double maxRelative, double maxAbsolute) {}

    /** Runs {@code model} on {@code inputs.npy} and checks against {@code expected}; returns the measured errors. */
    public static Agreement check(String what, Model model, Path inputsNpy, Path expectedNpy) throws IOException {
        Npy inputs = Npy.read(inputsNpy);
        Npy expected = Npy.read(expectedNpy);
        int n = inputs.shape()[0];
        assertTrue(n > 0 && expected.shape()[0] == n, what + ": " + inputs + " vs " + expected);
        FloatInference inference = new FloatInference(model);
        double maxRel = 0;
        double maxAbs = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            double[] ours = inference.run(inputs.row(i));
            double[] tf = expected.row(i);
            assertArrayEquals(new int[] {tf.length}, new int[] {ours.length}, what + ": output size");
            for (int j = 0; j < tf.length; j++) {
                double err = Math.abs(ours[j] - tf[j]);
                maxAbs = Math.max(maxAbs, err);
                if (Math.abs(tf[j]) >= ABS / REL) {
                    maxRel = Math.max(maxRel, err / Math.abs(tf[j]));
                }
                if (err > REL * Math.abs(tf[j]) + ABS) {
                    throw new AssertionError(what + ": input " + i + " output " + j + ": ours " + ours[j] + ", TensorFlow "
                            + tf[j] + " (|diff| " + err + " > " + REL + "·|tf| + " + ABS + ")");
                }
                count++;
            }
        }
        Agreement a = new Agreement(count, maxRel, maxAbs);
        System.out.printf("%s: %d outputs, max relative error %.3g (|tf| >= 0.1), max absolute error %.3g%n",
                what, a.outputs(), a.maxRelative(), a.maxAbsolute());
        return a;
    }
}
