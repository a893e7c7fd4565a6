package org.pulsedl.quantizer.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.model.ModelSpec;
import org.pulsedl.quantizer.model.Shape;
import org.pulsedl.quantizer.qmodel.InputStage;
import org.pulsedl.quantizer.qmodel.OutputScaling;
import org.pulsedl.quantizer.qmodel.QFlatten;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.quant.AdcInput;
import org.pulsedl.quantizer.quant.PostTrainingQuantizer;
import org.pulsedl.quantizer.quant.QuantParams;
import org.pulsedl.quantizer.quant.QuantizationOptions;
import org.pulsedl.quantizer.quant.RoundingMode;
import org.pulsedl.quantizer.testing.TestSeed;
import org.pulsedl.quantizer.quant.Width;

class InputStageTest {

    @Test
    void affineMapByHand() {
        // q = clamp(−128 + MBQM(adc − 100, 0.5)), model = a single flatten so the output is the input
        QuantParams in = new QuantParams(1.0, -128, Width.INT8);
        InputStage stage = new InputStage(12, new int[] {100}, new double[] {0.5}, new int[] {1 << 30}, new int[] {0});
        QuantizedModel m = new QuantizedModel("s", Shape.of(5, 1), in, stage, List.of(new QFlatten("f", Shape.of(5, 1), in)),
                RoundingMode.DOUBLE, 31, List.of(), Map.of());
        short[][] adc = {{100, 101, 99, 600, 1000}};
        // 0 → −128; 0.5 → 1 (ties up); −0.5 → 0; 250 → 122; 450 → clamp 127
        assertArrayEquals(new long[] {-128, -127, -128, 122, 127}, new GoldenModel(m).runFromAdc(adc));
        assertEquals("ADC code 5000 (channel 0, sample 0) outside [0, 4095]", assertThrows(IllegalArgumentException.class,
                () -> new GoldenModel(m).runFromAdc(new short[][] {{5000, 0, 0, 0, 0}})).getMessage());
    }

    @Test
    void quantisedStageMatchesFloatMapWithinOneLsb() {
        long seed = TestSeed.of("quantisedStageMatchesFloatMapWithinOneLsb", 5L);
        SplittableRandom rnd = new SplittableRandom(seed);
        Model model = ModelSpec.paper(32, 2, 2).build("paper", seed);
        AdcInput adc = new AdcInput(12, new int[] {205, 198}, new double[] {1.0 / 3500, 1.0 / 3400});
        List<double[]> cal = PulseWindows.make(100, 32, 2, rnd);
        QuantizedModel q = new PostTrainingQuantizer(QuantizationOptions.tflite().withAdc(adc)
                .withOutputs(List.of(new OutputScaling("time", "ns", 8.0, -1.0), new OutputScaling("energy", "keV", 100.0, 0))))
                .quantize(model, cal);
        GoldenModel g = new GoldenModel(q);
        short[][] codes = new short[2][32];
        for (int code = 0; code < 4096; code += 32) {
            for (int c = 0; c < 2; c++) {
                for (int l = 0; l < 32; l++) {
                    codes[c][l] = (short) Math.min(4095, code + l);
                }
            }
            int[] got = g.inputFromAdc(codes);
            double[] real = adc.toModelInput(codes);
            for (int i = 0; i < got.length; i++) {
                int want = q.input().quantize(real[i]);
                assertTrue(Math.abs(got[i] - want) <= 1, "code " + code + ": stage " + got[i] + " float map " + want);
            }
        }
        long[] out = g.runFromAdc(codes);
        double[] phys = g.physical(out);
        double[] real = q.dequantizeOutput(out);
        assertEquals(8.0 * real[0] - 1.0, phys[0], 1e-12);
        assertEquals(100.0 * real[1], phys[1], 1e-12);
    }
}
