package org.pulsedl.quantizer.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pulsedl.quantizer.model.Activation;
import org.pulsedl.quantizer.model.ModelException;
import org.pulsedl.quantizer.model.ModelSpec;
import org.pulsedl.quantizer.qmodel.QConv1D;
import org.pulsedl.quantizer.qmodel.QDense;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

class PostTrainingQuantizerTest {

    private static List<double[]> ramp(int n, int size) {
        List<double[]> cal = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] x = new double[size];
            for (int j = 0; j < size; j++) {
                x[j] = ((i * 31 + j * 7) % 100) / 50.0 - 0.5;
            }
            cal.add(x);
        }
        return cal;
    }

    @Test
    void activationRanges() {
        QuantParams q = new QuantParams(0.05, -100, Width.INT8);
        assertArrayEquals(new int[] {-128, 127}, PostTrainingQuantizer.activationRange(Activation.NONE, q));
        assertArrayEquals(new int[] {-100, 127}, PostTrainingQuantizer.activationRange(Activation.RELU, q));
        assertArrayEquals(new int[] {-100, 20}, PostTrainingQuantizer.activationRange(Activation.RELU6, q));  // −100 + 6/0.05
    }

    @Test
    void widthsFollowPrecision() {
        QuantizedModel m = new PostTrainingQuantizer(QuantizationOptions.tflite().withPrecision(Precision.INPUT_AND_FIRST_INT16))
                .quantize(ModelSpec.paper(32, 1, 1).build("p", 1), ramp(20, 32));
        assertEquals(Width.INT16, m.input().width());
        assertEquals(Width.INT16, m.layers().get(0).output().width());
        assertEquals(Width.INT8, m.layers().get(1).output().width());
        assertEquals(-128, m.layers().get(1).output().zeroPoint());        // ReLU output: zero point at the bottom
    }

    @Test
    void rawLastLayerAndPerTensorWeights() {
        QuantizedModel m = new PostTrainingQuantizer(QuantizationOptions.pulsedl2())
                .quantize(ModelSpec.paper(32, 1, 2).build("p", 1), ramp(20, 32));
        QDense last = (QDense) m.lastLayer();
        assertNull(last.requant());
        QConv1D first = (QConv1D) m.layers().get(0);
        for (double s : first.weightScales()) {
            assertEquals(first.weightScales()[0], s);
        }
        for (int m0 : first.requant().m0()) {
            assertEquals(true, m0 >= 1 << 14 && m0 < 1 << 15, "15-bit multiplier " + m0);
        }
    }

    @Test
    void rawNeedsAComputeLayerLast() {
        ModelException e = assertThrows(ModelException.class, () -> new PostTrainingQuantizer(QuantizationOptions.pulsedl2())
                .quantize(ModelSpec.parse("8x1", "conv1d:2:3:1,flatten").build("p", 1), ramp(5, 8)));
        assertEquals("layer 1 'flatten' (Flatten): a raw last layer must be a Conv1D or Dense", e.getMessage());
    }
}
