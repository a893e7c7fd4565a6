package org.pulsedl.quantizer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pulsedl.quantizer.testing.TestSeed;

class FloatInferenceTest {
    private static final double[] X = {1, 2, 3, 4, 5};

    private static Conv1D conv(Padding padding) {
        return new Conv1D("c", 1, 3, 2, padding, Activation.NONE, new double[][][] {{{1}}, {{2}}, {{3}}}, new double[] {0.5});
    }

    private static double[] run(Layer layer, Shape in, double[] x) {
        return new FloatInference(new Model("m", in, List.of(layer))).run(x);
    }

    @Test
    void conv1dValidStride2() {
        // windows [1,2,3] and [3,4,5]
        assertArrayEquals(new double[] {14.5, 26.5}, run(conv(Padding.VALID), Shape.of(5, 1), X));
    }

    @Test
    void conv1dSameStride2() {
        // out 3, pad_total = 2·2 + 3 − 5 = 2, left 1: windows [0,1,2], [2,3,4], [4,5,0]
        assertArrayEquals(new double[] {8.5, 20.5, 14.5}, run(conv(Padding.SAME), Shape.of(5, 1), X));
    }

    @Test
    void denseAndActivations() {
        Dense d = new Dense("d", 3, Activation.RELU6, new double[][] {{1, -1, 10}, {1, 1, 0}}, new double[] {0, 0, 0});
        assertArrayEquals(new double[] {3, 1, 6}, run(d, Shape.flat(2), new double[] {1, 2}));
    }

    @Test
    void poolsAverageOnlyRealSamples() {
        double[] x = {-3, 0, 5};
        assertArrayEquals(new double[] {0, 5}, run(new MaxPooling1D("p", 2, 2, Padding.SAME), Shape.of(3, 1), x));
        assertArrayEquals(new double[] {-1.5, 5}, run(new AveragePooling1D("p", 2, 2, Padding.SAME), Shape.of(3, 1), x));
        assertArrayEquals(new double[] {-1.5}, run(new AveragePooling1D("p", 2, 2, Padding.VALID), Shape.of(3, 1), x));
    }

    @Test
    void foldedBatchNormEqualsUnfolded() {
        long seed = TestSeed.of("foldedBatchNormEqualsUnfolded", 11L);
        SplittableRandom rnd = new SplittableRandom(seed);
        Model base = ModelSpec.parse("16x2", "conv1d:4:3:1,bn,dropout:0.3,flatten,dense:3,bn,dense:2").build("bn", seed);
        List<Layer> layers = new java.util.ArrayList<>(base.layers());
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof BatchNormalization bn) {
                int n = bn.channels();
                layers.set(i, new BatchNormalization(bn.name(), random(rnd, n, 0.5, 1.5), random(rnd, n, -0.2, 0.2),
                        random(rnd, n, -0.3, 0.3), random(rnd, n, 0.2, 2.0), 1e-3));
            }
        }
        Model model = base.withLayers(layers);
        Model folded = ModelPass.prepareForQuantization(model);
        assertEquals(List.of("conv1d", "flatten", "dense", "dense_1"), folded.layers().stream().map(Layer::name).toList());
        for (int t = 0; t < 20; t++) {
            double[] x = random(rnd, 32, -1, 1);
            assertArrayEquals(new FloatInference(model).run(x), new FloatInference(folded).run(x), 1e-12);
        }
    }

    @Test
    void batchNormAfterActivationIsRefused() {
        Model m = ModelSpec.parse("8x1", "conv1d:2:3:1:relu,bn").build("m", 1);
        ModelException e = org.junit.jupiter.api.Assertions.assertThrows(ModelException.class, () -> new FoldBatchNorm().apply(m));
        assertEquals("layer 1 'batch_normalization' (BatchNormalization): cannot fold: it comes after the relu activation of"
                + " 'conv1d' (Conv1D); a BatchNormalization is folded only into the Conv1D or Dense directly before it, ahead of"
                + " the activation (DESIGN §2)", e.getMessage());
    }

    private static double[] random(SplittableRandom rnd, int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + rnd.nextDouble() * (hi - lo);
        }
        return v;
    }
}
