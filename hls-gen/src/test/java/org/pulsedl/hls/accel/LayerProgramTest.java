package org.pulsedl.hls.accel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pulsedl.quantizer.model.Activation;
import org.pulsedl.quantizer.model.Padding;
import org.pulsedl.quantizer.model.Shape;
import org.pulsedl.quantizer.qmodel.QBiasAdd;
import org.pulsedl.quantizer.qmodel.QConv1D;
import org.pulsedl.quantizer.qmodel.QDense;
import org.pulsedl.quantizer.qmodel.QFlatten;
import org.pulsedl.quantizer.qmodel.QLayer;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.quant.Precision;
import org.pulsedl.quantizer.quant.QuantParams;
import org.pulsedl.quantizer.quant.RoundingMode;
import org.pulsedl.quantizer.quant.Width;
import org.pulsedl.quantizer.testing.RandomQModels;
import org.pulsedl.quantizer.testing.Values;

/** Compilation of the default model, word counts and formats, and every refusal with its message. */
class LayerProgramTest {

    @Test
    void defaultModelCompilesToFiveDescriptors() {
        QuantizedModel model = DefaultModels.paper(Precision.INPUT_INT16, true);
        AcceleratorConfig cfg = AcceleratorConfig.artix7Default();
        LayerProgram p = LayerProgram.compile(model, cfg);
        assertEquals(5, p.descriptors().size());
        assertEquals(List.of("conv1d", "conv1d_1", "dense", "dense_1", "dense_2"), p.layerNames());
        assertEquals(9792, p.macsPerWindow());
        Descriptor c1 = p.descriptors().get(0);
        assertEquals(Descriptor.OP_CONV1D, c1.opcode());
        assertEquals(Descriptor.BUF_STAGING, c1.src());
        assertEquals(Descriptor.BUF_REGION0, c1.dst());
        assertTrue(c1.in16());
        assertEquals(Descriptor.RQ_INT64, c1.rqMode());
        assertEquals(List.of(32, 1, 16, 8, 4, 2, 1), List.of(c1.inLen(), c1.inCh(), c1.outLen(), c1.outCh(),
                c1.kernel(), c1.stride(), c1.padLeft()));
        assertEquals(1, c1.groups());                      // int16 input on all 8 lanes (int16_full_rate)
        assertEquals(2, LayerProgram.compile(model, cfg.toBuilder().int16FullRate(false).build()).descriptors()
                .get(0).groups());                        // packing alone: 4 lanes per group
        Descriptor d3 = p.descriptors().get(4);
        assertEquals(Descriptor.OP_DENSE, d3.opcode());
        assertEquals(Descriptor.BUF_RESULT, d3.dst());
        assertEquals(Descriptor.RQ_RAW, d3.rqMode());
        assertTrue(d3.last());
        assertEquals(List.of(1, 128, 1, 32), List.of(p.descriptors().get(2).inLen(), p.descriptors().get(2).inCh(),
                p.descriptors().get(2).outLen(), p.descriptors().get(2).outCh()));
        // weights: conv 1 group × 4 taps + conv 2 × 32 + dense 4 × 128 + 4 × 32 + 1 × 32
        assertEquals(4 + 64 + 512 + 128 + 32, p.weightMemoryWords());
        assertEquals(2 * p.weightMemoryWords(), p.weightWords().length);
        assertEquals(1 + 8 + 16 + 32 + 32 + 2, p.paramTableEntries());
        assertEquals(8 * 6, p.descriptorWords().length);
        assertEquals(2, p.header().outputs());
        assertEquals(4, p.header().resultWordsPerWindow(), "header, timestamp and two outputs");
        assertTrue(p.header().inputStage());
        assertEquals(p.weightMemoryWords(), p.weightHex().lines().count());
        assertEquals(16, p.weightHex().lines().findFirst().orElseThrow().length());
        assertEquals(32, p.paramHex().lines().findFirst().orElseThrow().length());
        assertEquals(6, p.descriptorHex().lines().count());
        assertTrue(p.descriptorHex().lines().findFirst().orElseThrow().endsWith("50444c01"));
    }

    @Test
    void descriptorsRoundTripThroughWords() {
        LayerProgram p = LayerProgram.compile(DefaultModels.paper(Precision.INT8, false), AcceleratorConfig.small());
        int[] words = p.descriptorWords();
        assertEquals(p.header(), ProgramHeader.decode(words));
        for (int i = 0; i < p.descriptors().size(); i++) {
            assertEquals(p.descriptors().get(i), Descriptor.decode(words, 8 + 8 * i));
        }
    }

    private static QuantizedModel convModel(int len, int channels, int filters, int kernel, Width inWidth) {
        SplittableRandom rnd = new SplittableRandom(1);
        QuantParams in = new QuantParams(0.01, 0, inWidth);
        QuantParams out = new QuantParams(0.02, -128, Width.INT8);
        QLayer conv = new QConv1D("conv", Shape.of(len, channels), filters, kernel, 1, Padding.SAME, Activation.RELU,
                in, Values.HARDWARE.weights(rnd, filters, kernel * channels), RandomQModels.scales(filters),
                new long[filters], Values.HARDWARE.requant(rnd, in, Width.INT8, filters, 31));
        return new QuantizedModel("m", Shape.of(len, channels), in, null, List.of(conv), RoundingMode.DOUBLE, 31,
                List.of(), Map.of());
    }

    private static String refusal(QuantizedModel model, AcceleratorConfig cfg) {
        return assertThrows(ProgramException.class, () -> LayerProgram.compile(model, cfg)).getMessage();
    }

    /** A bias_add step (an imported TFLite file's separate Conv1D bias) is refused in one line naming it. */
    @Test
    void biasAddStepIsRefused() {
        QuantizedModel m = convModel(16, 2, 4, 3, Width.INT8);
        QuantParams convOut = m.lastLayer().output();
        QuantParams biasQ = new QuantParams(0.001, 3, Width.INT8);
        QuantParams out = new QuantParams(0.021, -120, Width.INT8);
        QBiasAdd add = new QBiasAdd("bias_add", Shape.of(16, 4), convOut, biasQ, new int[] {-5, 0, 17, 100},
                QBiasAdd.Rescale.of(convOut, biasQ, out), out, Activation.NONE, -128, 127);
        QuantizedModel withAdd = new QuantizedModel("m", m.inputShape(), m.input(), null,
                List.of(m.layers().get(0), add), RoundingMode.DOUBLE, 31, List.of(), Map.of());
        assertEquals("model 'm': layer 'bias_add' (bias_add, a Conv1D bias the TFLite converter left as a separate "
                + "quantised ADD) is not supported by the accelerator, which runs Conv1D, Dense and pooling only; run "
                + "the model with pulsedl predict, or import the float model and quantise it with pulsedl quantize (the "
                + "bias then lives in the Conv1D)", refusal(withAdd, AcceleratorConfig.small()));
    }

    @Test
    void tooManyChannelsForTheActivationBuffer() {
        QuantizedModel m = convModel(16, 1, 40, 3, Width.INT8);
        QuantizedModel two = new QuantizedModel("m", m.inputShape(), m.input(), null,
                List.of(m.layers().get(0), new QFlatten("flatten", Shape.of(16, 40), m.lastLayer().output()),
                        new QDense("dense", 640, 1, Activation.NONE, m.lastLayer().output(),
                                Values.HARDWARE.weights(new SplittableRandom(2), 1, 640), RandomQModels.scales(1),
                                new long[1], null)),
                RoundingMode.DOUBLE, 31, List.of(), Map.of());
        AcceleratorConfig cfg = AcceleratorConfig.small();
        assertEquals("layer 0 'conv' (conv1d): output 16x40 = 640 exceeds act_depth = 256", refusal(two, cfg));
    }

    @Test
    void kernelTooLarge() {
        assertEquals("layer 0 'conv' (conv1d): kernel_size 20 exceeds max_kernel = 16",
                refusal(convModel(32, 1, 4, 20, Width.INT8), AcceleratorConfig.small()));
    }

    /**
     * m_bits limits only the layers that multiply by the full m (int8 input: DOUBLE/SINGLE); int16-input layers
     * (INT64, m reduced to 15 bits) and the input stage (its own 31-bit requantiser) run on any build, bit-exact.
     */
    @Test
    void mBitsLimitOnlyInt8InputLayers() {
        AcceleratorConfig narrow = AcceleratorConfig.small().toBuilder().mBits(16).build();
        QuantizedModel int16 = DefaultModels.paper(Precision.INT16, false);
        assertEquals(31, int16.mBits());
        LayerProgram p = LayerProgram.compile(int16, narrow);
        assertEquals(int16.inputStage().m0()[0], p.paramWords()[2], "input stage keeps the 31-bit m0");
        List<short[]> adc = DefaultModels.adcWindows(new SplittableRandom(5), 9);
        List<int[]> codes = new java.util.ArrayList<>();
        for (short[] w : adc) {
            int[] c = new int[w.length];
            for (int l = 0; l < w.length; l++) {
                c[l] = w[l];
            }
            codes.add(c);
        }
        ArraySimulator.Result r = new ArraySimulator(p).run(codes, new int[codes.size()]);
        org.pulsedl.quantizer.golden.GoldenModel golden = new org.pulsedl.quantizer.golden.GoldenModel(int16);
        for (int i = 0; i < adc.size(); i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(golden.runFromAdc(new short[][] {adc.get(i)}),
                    r.outputs()[i], "window " + i);
        }
        assertEquals("layer 0 'conv1d' (conv1d): m_bits = 31 (int8 input, DOUBLE rounding) exceeds m_bits = 16",
                refusal(DefaultModels.paper(Precision.INT8, false), narrow));
        assertEquals("layer 1 'conv1d_1' (conv1d): m_bits = 31 (int8 input, DOUBLE rounding) exceeds m_bits = 16",
                refusal(DefaultModels.paper(Precision.INPUT_INT16, false), narrow));
    }

    /**
     * Without the array's input stage the program expects quantised windows: fed the golden model's quantised input,
     * the simulator gives the golden outputs of the ADC codes.
     */
    @Test
    void withoutInputStageWindowsArriveQuantised() {
        QuantizedModel model = DefaultModels.paper(Precision.INT16, false);
        AcceleratorConfig cfg = AcceleratorConfig.small().toBuilder().inputStage(false).build();
        LayerProgram p = LayerProgram.compile(model, cfg);
        assertTrue(!p.header().inputStage());
        assertEquals(LayerProgram.compile(model, AcceleratorConfig.small()).paramTableEntries() - 1,
                p.paramTableEntries(), "no input-stage parameter entry");
        org.pulsedl.quantizer.golden.GoldenModel golden = new org.pulsedl.quantizer.golden.GoldenModel(model);
        List<short[]> adc = DefaultModels.adcWindows(new SplittableRandom(6), 9);
        List<int[]> quantised = new java.util.ArrayList<>();
        for (short[] w : adc) {
            quantised.add(golden.inputFromAdc(new short[][] {w}));
        }
        ArraySimulator.Result r = new ArraySimulator(p).run(quantised, new int[quantised.size()]);
        for (int i = 0; i < adc.size(); i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(golden.runFromAdc(new short[][] {adc.get(i)}),
                    r.outputs()[i], "window " + i);
        }
    }

    /** A narrow input stage ({@code input_m_bits}) refuses a model whose input-stage multiplier is wider. */
    @Test
    void inputMBitsLimit() {
        AcceleratorConfig narrowInput = AcceleratorConfig.small().toBuilder().inputMBits(16).build();
        assertEquals("model 'pdl2-default': input stage: m_bits = 31 exceeds input_m_bits = 16",
                refusal(DefaultModels.paper(Precision.INT16, false), narrowInput));
    }

    @Test
    void int16OnAnInt8OnlyAccelerator() {
        AcceleratorConfig int8 = AcceleratorConfig.small().toBuilder().activationBits(8).accBits(32).build();
        assertEquals("model 'm': input is int16 but activation_bits = 8",
                refusal(convModel(8, 1, 4, 3, Width.INT16), int8));
    }

    @Test
    void weightMemoryOverflow() {
        AcceleratorConfig cfg = AcceleratorConfig.small().toBuilder().weightWords(64).build();
        assertEquals("model 'pdl2-default': weights need 1448 words of 4 bytes, exceeding weight_words = 64"
                        + " (layer 'conv1d_1' ends at word 136)", refusal(DefaultModels.paper(Precision.INT8, true), cfg));
    }

    @Test
    void otherLimits() {
        QuantizedModel paper = DefaultModels.paper(Precision.INT8, true);
        AcceleratorConfig small = AcceleratorConfig.small();
        assertEquals("model 'pdl2-default': input [32, 1] = 32 values exceeds staging_depth = 16",
                refusal(paper, small.toBuilder().stagingDepth(16).build()));
        assertEquals("layer 3 'dense' (dense): fan-in 128 exceeds max_fan_in = 100",
                refusal(paper, small.toBuilder().maxFanIn(100).build()));
        assertEquals("layer 0 'conv1d' (conv1d): m_bits = 15 (int8 input, SINGLE rounding) exceeds m_bits = 12",
                refusal(paper, small.toBuilder().mBits(12).build()));
        assertEquals("model 'pdl2-default': rounding SINGLE is not supported (rounding_modes = [DOUBLE])",
                refusal(paper, small.toBuilder().roundingModes(java.util.EnumSet.of(RoundingMode.DOUBLE)).build()));
        assertEquals("model 'pdl2-default': 5 executed layers exceed max_layers = 4",
                refusal(paper, small.toBuilder().maxLayers(4).build()));
        assertEquals("model 'pdl2-default': parameter table needs 91 entries (one per output channel and input"
                + " channel), exceeding param_entries = 64", refusal(paper, small.toBuilder().paramEntries(64).build()));
        assertEquals("layer 0 'conv1d' (conv1d): output channels 8 exceeds max_channels = 4",
                refusal(paper, small.toBuilder().maxChannels(4).build()));
        assertEquals("layer 5 'dense_2' (dense): output size 2 exceeds max_outputs = 1",
                refusal(paper, small.toBuilder().maxOutputs(1).build()));
    }
}
