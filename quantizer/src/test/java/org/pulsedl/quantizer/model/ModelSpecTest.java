package org.pulsedl.quantizer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ModelSpecTest {

    private static String error(String input, String layers) {
        return assertThrows(IllegalArgumentException.class, () -> ModelSpec.parse(input, layers)).getMessage();
    }

    @Test
    void parsesEveryItem() {
        Model m = ModelSpec.parse("32x2", "reshape:64x1,conv1d:4:3:1:valid:relu6,bn,maxpool:2,avgpool:3:1:same,"
                + "dropout:0.2,flatten,dense:5:relu,dense:1").build("all", 3);
        assertEquals(9, m.layers().size());
        Conv1D c = assertInstanceOf(Conv1D.class, m.layers().get(1));
        assertEquals(Padding.VALID, c.padding());
        assertEquals(Activation.RELU6, c.activation());
        assertEquals("batch_normalization", m.layers().get(2).name());
        MaxPooling1D p = assertInstanceOf(MaxPooling1D.class, m.layers().get(3));
        assertEquals(2, p.stride());
        assertEquals(Padding.VALID, p.padding());
        assertEquals("dense_1", m.layers().get(8).name());
        assertEquals(Shape.flat(1), m.outputShape());
    }

    @Test
    void convDefaultsToSamePaddingAndNoActivation() {
        Conv1D c = (Conv1D) ModelSpec.parse("32", "reshape:32x1,conv1d:8:4:2").build("m", 1).layers().get(1);
        assertEquals(Padding.SAME, c.padding());
        assertEquals(Activation.NONE, c.activation());
    }

    @Test
    void sameSeedSameWeights() {
        Model a = ModelSpec.paper(32, 1, 1).build("a", 42);
        Model b = ModelSpec.paper(32, 1, 1).build("b", 42);
        assertEquals(((Dense) a.layers().get(3)).weights()[5][7], ((Dense) b.layers().get(3)).weights()[5][7]);
    }

    @Test
    void errors() {
        assertEquals("model spec item 1 'conv1d:8:4': expected conv1d:FILTERS:KERNEL:STRIDE", error("32x1", "conv1d:8:4"));
        assertEquals("model spec item 2 'dense:x': units 'x' is not an integer", error("32x1", "flatten,dense:x"));
        assertEquals("model spec item 1 'conv1d:8:4:2:sigmoid': unexpected field 'sigmoid'", error("32x1", "conv1d:8:4:2:sigmoid"));
        assertEquals("model spec item 1 'conv2d:8:3': unknown layer type 'conv2d' (expected conv1d, dense, flatten, reshape, "
                + "maxpool, avgpool, batchnorm or dropout)", error("32x1", "conv2d:8:3"));
        assertEquals("model spec item 1 'dense:0': units must be >= 1, got 0", error("32", "dense:0"));
        assertEquals("model spec item 1 'flatten:3': unexpected field '3'", error("32x1", "flatten:3"));
        assertEquals("model spec item 2 'dropout:a': rate 'a' is not a number", error("32x1", "flatten,dropout:a"));
        assertEquals("shape '32xq': 'q' is not an integer", error("32xq", "flatten"));
        assertEquals("model spec: no layers given", error("32x1", " "));
    }
}
