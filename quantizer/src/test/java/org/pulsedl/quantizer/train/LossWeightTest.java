package org.pulsedl.quantizer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.model.Activation;
import org.pulsedl.quantizer.model.Dense;
import org.pulsedl.quantizer.model.Layer;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.model.ModelSpec;

/** {@code --loss-weight}: the weights from the labels, and the loss the graph minimises, both against hand values. */
class LossWeightTest {

    /** Two events of two channels: amplitude 100 and 400 codes, noise 10 and 20 codes (A/σ = 10 and 20). */
    private static Dataset twoEvents(boolean noiseLabel) {
        short[][][] w = new short[2][2][4];
        List<String> names = new ArrayList<>(List.of("t_ch0_ns", "t_ch1_ns", "amplitude"));
        double[][] labels = noiseLabel
                ? new double[][] {{60, 61, 100, 10}, {62, 63, 400, 20}}
                : new double[][] {{60, 61, 100}, {62, 63, 300}};
        if (noiseLabel) {
            names.add(LossWeight.NOISE);
        }
        Map<String, String> attrs = noiseLabel ? Map.of("adc_bits", "12") : Map.of("adc_bits", "12", LossWeight.NOISE, "10");
        return new Dataset(w, names, labels, attrs);
    }

    private static TrainingSet perChannel(Dataset d) {
        return TrainingSet.from(d, TargetSpec.parse(null, true, d.labelNames()), TrainingSet.normalisation(d, true));
    }

    @Test
    void weightsFollowTheSnrAndHaveMeanOne() {
        Dataset d = twoEvents(true);
        TrainingSet set = perChannel(d);
        assertNull(LossWeight.NONE.weights(d, set));
        // sqrt-snr: A/σ = 10, 10, 20, 20 (two channels per event), mean 15
        assertArrayEquals(new float[] {2f / 3, 2f / 3, 4f / 3, 4f / 3}, LossWeight.SQRT_SNR.weights(d, set), 1e-6f);
        // snr: (A/σ)² = 100, 100, 400, 400, mean 250
        assertArrayEquals(new float[] {0.4f, 0.4f, 1.6f, 1.6f}, LossWeight.SNR.weights(d, set), 1e-6f);
    }

    @Test
    void aSingleNoiseAttributeServesEveryWindow() {
        Dataset d = twoEvents(false);
        // A/σ = 100/10 and 300/10, mean 20
        assertArrayEquals(new float[] {0.5f, 0.5f, 1.5f, 1.5f}, LossWeight.SQRT_SNR.weights(d, perChannel(d)), 1e-6f);
    }

    @Test
    void missingNoiseOrBadNamesAreRefusedInUserTerms() {
        Dataset d = new Dataset(new short[1][1][4], List.of("t_ch0_ns", "amplitude"), new double[][] {{60, 100}},
                Map.of("adc_bits", "12"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LossWeight.SNR.weights(d, perChannel(d)));
        assertTrue(e.getMessage().contains("noise_sigma_codes"), e.getMessage());
        assertEquals(LossWeight.SQRT_SNR, LossWeight.parse("sqrt-snr"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LossWeight.parse("inverse"))
                .getMessage().startsWith("--loss-weight"));
    }

    /** flatten + Dense(2) with a zero kernel and bias {1, −1}: every prediction is (1, −1) whatever the input. */
    private static Model constantModel() {
        Model m = ModelSpec.parse("4x1", "flatten,dense:2").build("constant", 1);
        List<Layer> layers = new ArrayList<>(m.layers());
        layers.set(1, new Dense("dense", 2, Activation.NONE, new double[4][2], new double[] {1, -1}));
        return m.withLayers(layers);
    }

    @Test
    void theGraphMinimisesTheHandComputedWeightedMse() {
        float[] x = new float[3 * 4];
        float[] y = {0, 0, 3, -1, 1, 1};        // squared errors per sample: (1+1)/2 = 1, (4+0)/2 = 2, (0+4)/2 = 2
        float[] w = {0.5f, 2f, 0.5f};
        try (NetworkGraph weighted = new NetworkGraph(constantModel(), 2, null, 1, true);
             NetworkGraph plain = new NetworkGraph(constantModel(), 2, null, 1, false)) {
            // (0.5·1 + 2·2 + 0.5·2) / 3 = 5.5 / 3
            assertEquals(5.5 / 3, weighted.loss(x, y, w, 3), 1e-6);
            // none: the plain MSE over samples and targets, (2 + 4 + 4) / 6, as before the option existed
            assertEquals(10.0 / 6, plain.loss(x, y, null, 3), 1e-6);
            assertEquals(plain.loss(x, y, null, 3), weighted.loss(x, y, new float[] {1, 1, 1}, 3), 1e-7);
        }
    }
}
