package org.pulsedl.quantizer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelShapesTest {

    @Test
    void paperNetworkCountsAreForOneInputChannelAndOneOutput() {
        // The paper's 9,760 MACs and 5,785 parameters need a 32×1 input, SAME padding and Dense(1).
        Model m = ModelSpec.paper(32, 1, 1).build("paper", 1);
        assertEquals(9760, m.totalMacs());
        assertEquals(5785, m.totalParams());
        assertEquals(List.of(512L, 4096L, 0L, 4096L, 1024L, 32L), m.summary().stream().map(LayerInfo::macs).toList());
        assertEquals(List.of(40L, 528L, 0L, 4128L, 1056L, 33L), m.summary().stream().map(LayerInfo::params).toList());
        assertEquals(Shape.flat(128), m.outputShape(2));
    }

    @Test
    void paperNetworkOnTwoChannelsWithTwoOutputs() {
        Model m = ModelSpec.paper(32, 2, 2).build("pdl2", 1);
        assertEquals(10304, m.totalMacs());
        assertEquals(5850, m.totalParams());
    }

    @Test
    void tensorflowPadding() {
        assertEquals(16, Padding.SAME.outputLength(32, 4, 2));
        assertEquals(1, Padding.SAME.padLeft(32, 4, 2));       // pad_total = 15·2 + 4 − 32 = 2
        assertEquals(15, Padding.VALID.outputLength(32, 4, 2));
        assertEquals(0, Padding.VALID.padLeft(32, 4, 2));
        assertEquals(1, Padding.SAME.padLeft(5, 3, 1));
        assertEquals(0, Padding.SAME.padLeft(3, 2, 2));        // pad_total 1 → left 0, right 1
        assertEquals(0, Padding.VALID.outputLength(3, 4, 1));
    }

    @Test
    void denseWithoutFlattenNamesTheLayer() {
        ModelException e = assertThrows(ModelException.class,
                () -> ModelSpec.parse("32x1", "conv1d:8:4:2:relu,dense:4").build("m", 1));
        assertEquals("layer 1 'dense' (Dense): needs a flat input (add a Flatten layer before it), got [16, 8]", e.getMessage());
        assertEquals(1, e.layerIndex());
    }

    @Test
    void validKernelLongerThanInput() {
        ModelException e = assertThrows(ModelException.class,
                () -> ModelSpec.parse("3x1", "conv1d:2:4:1:valid").build("m", 1));
        assertEquals("layer 0 'conv1d' (Conv1D): kernel 4 is longer than the input length 3 with valid padding", e.getMessage());
    }

    @Test
    void reshapeOnlyFirst() {
        ModelException e = assertThrows(ModelException.class,
                () -> ModelSpec.parse("32x1", "flatten,reshape:32x1").build("m", 1));
        assertEquals("layer 1 'reshape' (Reshape): Reshape is only supported as the first layer", e.getMessage());
    }

    @Test
    void inputLayerMustMatch() {
        Model ok = new Model("m", Shape.of(4, 1), List.of(new InputLayer("in", Shape.of(4, 1)), new Flatten("f")));
        assertEquals(Shape.flat(4), ok.outputShape());
        ModelException e = assertThrows(ModelException.class,
                () -> new Model("m", Shape.of(4, 1), List.of(new InputLayer("in", Shape.of(4, 2)))));
        assertEquals("layer 0 'in' (InputLayer): declares shape [4, 2] but the model input is [4, 1]", e.getMessage());
    }

    @Test
    void duplicateNames() {
        ModelException e = assertThrows(ModelException.class,
                () -> new Model("m", Shape.of(4, 1), List.of(new Flatten("f"), new Dropout("f", 0.1))));
        assertEquals("layer 1 'f' (Dropout): duplicate layer name", e.getMessage());
    }
}
