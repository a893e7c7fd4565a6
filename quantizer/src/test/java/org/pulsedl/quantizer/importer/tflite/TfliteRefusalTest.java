package org.pulsedl.quantizer.importer.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/**
 * Every refusal of the TFLite reader and importer, with its message, on synthetic flatbuffers written by
 * {@link SyntheticTflite} (one knob changed per test). Refusals of operators name the operator index, its
 * builtin name and the reason; file-level errors name the file.
 */
class TfliteRefusalTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name + ".tflite");
        Files.write(f, bytes);
        return f;
    }

    private String refusal(String name, SyntheticTflite m) throws IOException {
        Path f = write(name, m.build());
        TfliteException e = assertThrows(TfliteException.class, () -> TfliteImporter.read(f));
        assertTrue(e.getMessage().startsWith("'" + f + "': "), e.getMessage());
        return e.getMessage().substring(f.toString().length() + 4);
    }

    // ------------------------------------------------------------------------------------ positive control

    @Test
    void standardSyntheticModelImportsAndRuns() throws IOException {
        Path f = write("standard", SyntheticTflite.standard().build());
        TfliteImport imp = TfliteImporter.read(f);
        assertEquals(TfliteImport.Kind.INT8, imp.kind());
        QuantizedModel q = imp.quantized();
        assertEquals("standard", q.name());
        assertEquals(List.of("conv1d", "flatten", "dense", "dense_1"), q.layers().stream().map(l -> l.name()).toList());
        assertEquals("tflite", q.metadata().get("source"));
        assertEquals("pulsedl synthetic test model", q.metadata().get("tflite_description"));
        long[] y = new GoldenModel(q).run(new int[64]);
        assertEquals(2, y.length);
    }

    @Test
    void poolsAndLoneFlattenImport() throws IOException {
        SyntheticTflite m = new SyntheticTflite();
        int x = m.input(32, 2);
        x = m.conv1d(x, 4, 3, 1, SyntheticTflite.VALID, SyntheticTflite.RELU6, 1, false);
        x = m.pool(x, true, 2, 2, SyntheticTflite.VALID, false);
        x = m.pool(x, false, 3, 2, SyntheticTflite.SAME, false);
        x = m.reshape(x, new int[] {1, 8 * 4});
        x = m.dense(x, 2, SyntheticTflite.NONE);
        m.outputs = new int[] {x};
        QuantizedModel q = TfliteImporter.readQuantized(write("pools", m.build()));
        assertEquals(List.of("conv1d", "max_pooling1d", "average_pooling1d", "flatten", "dense"),
                q.layers().stream().map(l -> l.name()).toList());
    }

    // ----------------------------------------------------------------------------------- operator refusals

    @Test
    void dilation() throws IOException {
        SyntheticTflite m = new SyntheticTflite();
        int x = m.input(32, 2);
        x = m.conv1d(x, 4, 3, 1, SyntheticTflite.VALID, SyntheticTflite.RELU, 2, true);
        m.outputs = new int[] {m.dense(x, 2, SyntheticTflite.NONE)};
        assertEquals("operator 1 CONV_2D: dilation 2 is not supported (dilation 1 only)", refusal("dilation", m));
    }

    @Test
    void unsupportedOperator() throws IOException {
        SyntheticTflite m = SyntheticTflite.standard();
        int y = m.activation("softmax", new int[] {1, 2}, 1f / 256, -128);
        m.op(25, new int[] {m.outputs[0]}, new int[] {y}, 0, null);
        m.outputs = new int[] {y};
        assertEquals("operator 5 SOFTMAX: is not supported (the importer maps CONV_2D, FULLY_CONNECTED, "
                + "MAX_POOL_2D, AVERAGE_POOL_2D, a bias ADD, RELU/RELU6, RESHAPE/EXPAND_DIMS/SQUEEZE, and "
                + "QUANTIZE/DEQUANTIZE at the ends)",
                refusal("softmax", m));
    }

    @Test
    void unsupportedFusedActivation() throws IOException {
        SyntheticTflite m = new SyntheticTflite();
        int x = m.input(32, 2);
        x = m.conv1d(x, 4, 3, 2, SyntheticTflite.SAME, SyntheticTflite.RELU, 1, true);
        m.outputs = new int[] {m.dense(x, 2, SyntheticTflite.RELU_N1_TO_1)};
        assertEquals("operator 3 FULLY_CONNECTED: fused activation RELU_N1_TO_1 is not supported (none, ReLU or ReLU6)",
                refusal("relu_n1", m));
    }

    @Test
    void severalSubgraphs() throws IOException {
        SyntheticTflite m = SyntheticTflite.standard();
        m.extraSubgraphs = 1;
        assertEquals("the model has 2 subgraphs; only single-subgraph models are supported (no control flow or several "
                + "signatures)", refusal("two_subgraphs", m));
    }

    @Test
    void branching() throws IOException {
        SyntheticTflite m = new SyntheticTflite();
        int x = m.input(32, 2);
        x = m.conv1d(x, 4, 3, 2, SyntheticTflite.SAME, SyntheticTflite.RELU, 1, true);
        int a = m.dense(x, 2, SyntheticTflite.NONE);
        m.dense(x, 3, SyntheticTflite.NONE);
        m.outputs = new int[] {a};
        String msg = refusal("branch", m);
        assertTrue(msg.matches("operator 4 FULLY_CONNECTED: reads tensor \\d+ 'reshape\\d+' INT8 \\[1, 64\\], which "
                + "operator 3 FULLY_CONNECTED also reads: branching graphs are not supported"), msg);
    }

    @Test
    void residualAdd() throws IOException {
        SyntheticTflite m = new SyntheticTflite();
        int x = m.input(32, 2);
        int c = m.conv1d(x, 2, 3, 1, SyntheticTflite.SAME, SyntheticTflite.NONE, 1, false);
        int y = m.activation("sum", new int[] {1, 32, 2}, 0.02f, -128);
        m.op(TfliteOps.ADD, new int[] {c, x}, new int[] {y}, 11, SyntheticTflite.fcOptions(0));
        m.outputs = new int[] {y};
        String msg = refusal("residual", m);
        assertTrue(msg.matches("operator 3 ADD: input 1 \\(tensor 0 'input' INT8 \\[1, 32, 2\\]\\) is not a constant: a "
                + "second activation input means a residual connection or branch, which is not supported \\(element-wise "
                + "ADD of two layers\\)"), msg);
    }

    @Test
    void secondQuantisedAddAfterTheBiasAdd() throws IOException {
        SyntheticTflite m = new SyntheticTflite();
        int x = m.input(32, 2);
        x = m.conv1d(x, 4, 3, 1, SyntheticTflite.SAME, SyntheticTflite.NONE, 1, false);
        x = m.biasAdd(x, new int[] {1, 2, 3, 4}, 0.01f, 0, 0.02f, -128, SyntheticTflite.NONE);
        x = m.biasAdd(x, new int[] {5, 6, 7, 8}, 0.01f, 0, 0.02f, -128, SyntheticTflite.NONE);
        m.outputs = new int[] {x};
        assertEquals("operator 4 ADD: a second quantised ADD after the Conv1D's bias ADD (operator 3) is not supported "
                + "(a BatchNormalization the converter left unfolded: import the float .tflite or the Keras model, where "
                + "it folds into the Conv1D)", refusal("second_add", m));
    }

    /** TFLite's other int16 ADD kernel (power-of-two scales, {@code pot_scale_int16} at its default true). */
    @Test
    void int16BiasAddWithPowerOfTwoScales() throws IOException {
        SyntheticTflite m = new SyntheticTflite();
        m.actType = SyntheticTflite.INT16;
        int x = m.input(32, 2);
        x = m.conv1d(x, 4, 3, 1, SyntheticTflite.SAME, SyntheticTflite.NONE, 1, false);
        int conv = m.ops.get(m.ops.size() - 1).in()[0];
        for (int t : new int[] {conv, x}) {        // the conv's output (4-D and 3-D) at scale 2^-6
            SyntheticTflite.T old = m.tensors.get(t);
            m.tensors.set(t, new SyntheticTflite.T(old.name(), old.type(), old.shape(), old.buffer(),
                    new float[] {0.015625f}, old.zp(), 0));
        }
        x = m.biasAdd(x, new int[] {1, 2, 3, 4}, 0.0078125f, 0, 0.03125f, 0, SyntheticTflite.NONE);
        m.outputs = new int[] {x};
        assertEquals("operator 3 ADD: an int16 ADD with power-of-two scales and pot_scale_int16 runs TFLite's "
                + "power-of-two int16 kernel, which is not supported (only the general-scale int16 ADD)",
                refusal("pot_add", m));
    }

    @Test
    void biasAddWhoseConstantHasAnotherType() throws IOException {
        SyntheticTflite m = new SyntheticTflite();
        int x = m.input(32, 2);
        int c = m.conv1d(x, 4, 3, 1, SyntheticTflite.SAME, SyntheticTflite.NONE, 1, false);
        int b = m.tensor("conv_bias", SyntheticTflite.INT16, new int[] {1, 1, 4}, new byte[8], new float[] {0.01f},
                new long[] {0}, 0);
        int y = m.activation("biased", new int[] {1, 32, 4}, 0.02f, -128);
        m.op(TfliteOps.ADD, new int[] {c, b}, new int[] {y}, 11, SyntheticTflite.fcOptions(SyntheticTflite.RELU));
        m.outputs = new int[] {y};
        assertEquals("operator 3 ADD: constant tensor 8 'conv_bias' INT16 [1, 1, 4] is INT16 but the added tensor is "
                + "INT8", refusal("bias_type", m));
    }

    @Test
    void expandDimsOnTheWrongAxis() throws IOException {
        SyntheticTflite m = new SyntheticTflite();
        int x = m.input(32, 2);
        int a = m.int32Const("axis", 2);
        int y = m.activation("wrong", new int[] {1, 32, 1, 2}, 0.01f, -128);
        m.op(TfliteOps.EXPAND_DIMS, new int[] {x, a}, new int[] {y}, 52, SyntheticTflite.empty());
        m.outputs = new int[] {y};
        assertEquals("operator 0 EXPAND_DIMS: must insert the height axis of a 1-D layer ([1, L, C] → [1, 1, L, C]), "
                + "got [1, 32, 2] → [1, 32, 1, 2]", refusal("axis", m));
    }

    @Test
    void bareConv2d() throws IOException {
        SyntheticTflite m = SyntheticTflite.standard();
        m.ops.remove(0);                                  // CONV_2D now reads the 3-D input directly
        m.ops.set(0, new SyntheticTflite.Op(m.ops.get(0).opcode(), new int[] {0, 3, 4}, m.ops.get(0).out(), 1,
                m.ops.get(0).options()));
        assertEquals("operator 0 CONV_2D: input tensor 0 'input' INT8 [1, 32, 2] is not a 1-D activation [1, 1, L, C] "
                + "(height 1): 2-D convolutions are not supported, only Conv1D and 1-D pooling", refusal("bare_conv", m));
    }

    @Test
    void convAndPoolIn4dWithoutReshapesImportAsTheWrappedForm() throws IOException {
        SyntheticTflite wrapped = convPool();
        SyntheticTflite m = convPool();                   // ops: EXPAND, CONV, RESHAPE | EXPAND, POOL, RESHAPE
        SyntheticTflite.Op pool = m.ops.get(4);
        m.ops.set(4, new SyntheticTflite.Op(pool.opcode(), new int[] {m.ops.get(1).out()[0]}, pool.out(),
                pool.optType(), pool.options()));
        m.ops.remove(3);
        m.ops.remove(2);                                  // the pool now reads the 4-D conv output directly
        QuantizedModel a = TfliteImporter.readQuantized(write("wrapped", wrapped.build()));
        QuantizedModel b = TfliteImporter.readQuantized(write("in_4d", m.build()));
        assertEquals(List.of("conv1d", "max_pooling1d"), b.layers().stream().map(l -> l.name()).toList());
        int[] x = new int[64];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i * 37) % 256 - 128;
        }
        assertArrayEquals(new GoldenModel(a).run(x), new GoldenModel(b).run(x));
    }

    @Test
    void separateReluWithTheSameQuantisationFusesIntoTheConv() throws IOException {
        SyntheticTflite m = new SyntheticTflite();
        int x = m.conv1d(m.input(32, 2), 4, 3, 1, SyntheticTflite.SAME, SyntheticTflite.NONE, 1, false);
        int y = m.activation("model/conv1d/Relu", new int[] {1, 32, 4}, 0.02f, -128);
        m.op(TfliteOps.RELU, new int[] {x}, new int[] {y}, 0, SyntheticTflite.empty());
        m.outputs = new int[] {y};
        QuantizedModel q = TfliteImporter.readQuantized(write("separate_relu", m.build()));
        assertEquals(List.of("conv1d"), q.layers().stream().map(l -> l.name()).toList());
        assertEquals(org.pulsedl.quantizer.model.Activation.RELU,
                ((org.pulsedl.quantizer.qmodel.QConv1D) q.layers().get(0)).activation());
    }

    @Test
    void separateReluThatRequantisesNamesTheLayer() throws IOException {
        SyntheticTflite m = new SyntheticTflite();
        int x = m.conv1d(m.input(32, 2), 4, 3, 1, SyntheticTflite.SAME, SyntheticTflite.NONE, 1, false);
        int y = m.activation("sequential_1/conv1d_3/Relu", new int[] {1, 32, 4}, 0.05f, -128);
        m.op(TfliteOps.RELU, new int[] {x}, new int[] {y}, 0, SyntheticTflite.empty());
        m.outputs = new int[] {y};
        assertEquals("operator 3 RELU (layer 'conv1d'): a separate RELU that changes the quantisation is not "
                + "supported (it fuses into the Conv1D only as a clamp)", refusal("relu_requant", m));
    }

    @Test
    void tanhIsRefusedAsAnActivationNamingTheLayer() throws IOException {
        SyntheticTflite m = new SyntheticTflite();
        int x = m.conv1d(m.input(32, 2), 4, 3, 1, SyntheticTflite.SAME, SyntheticTflite.NONE, 1, false);
        int y = m.activation("model/conv_t/Tanh", new int[] {1, 32, 4}, 1f / 128, 0);
        m.op(TfliteOps.TANH, new int[] {x}, new int[] {y}, 0, SyntheticTflite.empty());
        m.outputs = new int[] {y};
        assertEquals("operator 3 TANH (layer 'conv_t'): activation tanh is not supported (only ReLU and ReLU6 fuse "
                + "into the integer kernels)", refusal("tanh", m));
    }

    private static SyntheticTflite convPool() {
        SyntheticTflite m = new SyntheticTflite();
        int x = m.input(32, 2);
        x = m.conv1d(x, 4, 3, 1, SyntheticTflite.SAME, SyntheticTflite.RELU, 1, false);
        m.outputs = new int[] {m.pool(x, true, 2, 2, SyntheticTflite.VALID, false)};
        return m;
    }

    @Test
    void denseAppliedPerPosition() throws IOException {
        SyntheticTflite m = new SyntheticTflite();
        int x = m.input(32, 2);
        x = m.conv1d(x, 4, 3, 2, SyntheticTflite.SAME, SyntheticTflite.RELU, 1, false);
        byte[] w = new byte[3 * 4];
        int wt = m.tensor("w", SyntheticTflite.INT8, new int[] {3, 4}, w, new float[] {0.01f, 0.01f, 0.01f},
                new long[3], 0);
        int y = m.activation("per_position", new int[] {1, 16, 3}, 0.05f, 0);
        m.op(TfliteOps.FULLY_CONNECTED, new int[] {x, wt}, new int[] {y}, 8, SyntheticTflite.fcOptions(0));
        m.outputs = new int[] {y};
        String msg = refusal("per_position", m);
        assertTrue(msg.matches("operator 3 FULLY_CONNECTED: input tensor \\d+ 'reshape\\d+' INT8 \\[1, 16, 4\\] is not a "
                + "flat \\[1, 4\\] vector \\(a Dense applied per position is not supported; add a Flatten\\)"), msg);
    }

    @Test
    void reshapeInTheMiddle() throws IOException {
        SyntheticTflite m = new SyntheticTflite();
        int x = m.input(32, 2);
        x = m.conv1d(x, 4, 3, 2, SyntheticTflite.SAME, SyntheticTflite.RELU, 1, true);
        x = m.dense(x, 8, SyntheticTflite.RELU);
        x = m.reshape(x, new int[] {1, 4, 2});
        m.outputs = new int[] {x};
        assertEquals("operator 4 RESHAPE: reshapes [1, 8] to [1, 4, 2]; only a Flatten ([1, L, C] → [1, L·C]), a first "
                + "Reshape ([1, N] → [1, L, C]) or the end of a 1-D layer is supported", refusal("reshape", m));
    }

    @Test
    void requantizeBetweenLayers() throws IOException {
        SyntheticTflite m = SyntheticTflite.standard();
        int y = m.activation("requantized", new int[] {1, 2}, 0.1f, 0);
        m.op(TfliteOps.QUANTIZE, new int[] {m.outputs[0]}, new int[] {y}, 0, null);
        m.outputs = new int[] {y};
        assertEquals("operator 5 QUANTIZE: QUANTIZE is only supported as the first operator of a model with a float "
                + "input (requantisation between layers is not supported)", refusal("quantize", m));
    }

    @Test
    void int16WithInt32Bias() throws IOException {
        SyntheticTflite m = new SyntheticTflite();
        m.actType = SyntheticTflite.INT16;
        int x = m.input(32, 2);
        x = m.conv1d(x, 4, 3, 2, SyntheticTflite.SAME, SyntheticTflite.RELU, 1, true);
        m.outputs = new int[] {x};
        int bi = m.ops.get(1).in()[2];
        SyntheticTflite.T bias = m.tensors.get(bi);
        assertEquals(SyntheticTflite.INT64, bias.type());
        byte[] narrow = new byte[16];
        m.buffers.set(bias.buffer(), narrow);
        m.tensors.set(bi, new SyntheticTflite.T(bias.name(), SyntheticTflite.INT32, bias.shape(), bias.buffer(),
                bias.scale(), bias.zp(), 0));
        String msg = refusal("int16_int32_bias", m);
        assertTrue(msg.matches("operator 1 CONV_2D: bias tensor \\d+ 'b\\d+' INT32 \\[4\\] is INT32; an int16 input needs "
                + "an INT64 bias \\(16x8 with an int32 bias uses an int32 accumulator, which the golden model does not "
                + "implement\\)"), msg);
    }

    @Test
    void asymmetricWeights() throws IOException {
        SyntheticTflite m = SyntheticTflite.standard();
        int wIndex = m.ops.get(1).in()[1];
        SyntheticTflite.T w = m.tensors.get(wIndex);
        long[] zp = new long[w.zp().length];
        zp[1] = 3;
        m.tensors.set(wIndex, new SyntheticTflite.T(w.name(), w.type(), w.shape(), w.buffer(), w.scale(), zp, 0));
        String msg = refusal("asymmetric", m);
        assertTrue(msg.matches("operator 1 CONV_2D: weights tensor \\d+ 'w\\d+' INT8 \\[4, 1, 3, 2\\] have zero point 3; "
                + "symmetric weights \\(0\\) are needed"), msg);
    }

    @Test
    void floatModelWithInt8Weights() throws IOException {
        SyntheticTflite m = new SyntheticTflite();
        m.actType = SyntheticTflite.FLOAT32;
        int x = m.tensor("input", SyntheticTflite.FLOAT32, new int[] {1, 8}, null, new float[0], new long[0], 0);
        m.inputs = new int[] {x};
        byte[] w = new byte[16];
        int wt = m.tensor("w", SyntheticTflite.INT8, new int[] {2, 8}, w, new float[] {0.1f}, new long[] {0}, 0);
        int y = m.tensor("y", SyntheticTflite.FLOAT32, new int[] {1, 2}, null, new float[0], new long[0], 0);
        m.op(TfliteOps.FULLY_CONNECTED, new int[] {x, wt}, new int[] {y}, 8, SyntheticTflite.fcOptions(0));
        m.outputs = new int[] {y};
        assertEquals("operator 0 FULLY_CONNECTED: tensor 1 'w' INT8 [2, 8] is not float32 in a float model (dynamic-range "
                + "quantised weights with float activations are not supported: convert float32 or full-integer)",
                refusal("hybrid", m));
    }

    @Test
    void quantizedReadFloatAndViceVersa() throws IOException {
        Path f = write("std", SyntheticTflite.standard().build());
        TfliteException e = assertThrows(TfliteException.class, () -> TfliteImporter.readFloat(f));
        assertEquals("'" + f + "' is a quantised (INT8) model; a float .tflite is needed (or use read/readQuantized)",
                e.getMessage());
    }

    // ------------------------------------------------------------------------------------ malformed files

    @Test
    void tooShort() throws IOException {
        Path f = write("short", new byte[] {1, 2, 3});
        TfliteException e = assertThrows(TfliteException.class, () -> TfliteImporter.read(f));
        assertEquals("'" + f + "': not a TFLite flatbuffer: 3 bytes is too short", e.getMessage());
    }

    @Test
    void notAFlatbuffer() throws IOException {
        Path f = write("text", "this is a text file, not a model".getBytes(StandardCharsets.US_ASCII));
        TfliteException e = assertThrows(TfliteException.class, () -> TfliteImporter.read(f));
        assertEquals("'" + f + "': not a TFLite flatbuffer: file identifier is ' is ', expected 'TFL3'", e.getMessage());
    }

    @Test
    void badIdentifier() throws IOException {
        byte[] b = SyntheticTflite.standard().build();
        b[4] = 'X';
        b[7] = 0;
        Path f = write("ident", b);
        TfliteException e = assertThrows(TfliteException.class, () -> TfliteImporter.read(f));
        assertEquals("'" + f + "': not a TFLite flatbuffer: file identifier is 'XFL\\x00', expected 'TFL3'",
                e.getMessage());
    }

    @Test
    void truncatedFiles() throws IOException {
        byte[] b = SyntheticTflite.standard().build();
        for (int len : new int[] {8, 12, 40, b.length / 3, b.length / 2, b.length - 9}) {
            Path f = write("trunc" + len, Arrays.copyOf(b, len));
            TfliteException e = assertThrows(TfliteException.class, () -> TfliteImporter.read(f), "length " + len);
            assertTrue(e.getMessage().startsWith("'" + f + "': malformed TFLite flatbuffer: "), e.getMessage());
        }
    }

    @Test
    void randomCorruptionNeverEscapesAsAnotherException() throws IOException {
        byte[] good = SyntheticTflite.standard().build();
        java.util.Random rnd = new java.util.Random(org.pulsedl.quantizer.testing.TestSeed.of("TfliteRefusalTest", 5L));
        int refused = 0;
        for (int trial = 0; trial < 2000; trial++) {
            byte[] b = good.clone();
            for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
                b[8 + rnd.nextInt(b.length - 8)] = (byte) rnd.nextInt(256);
            }
            try {
                TfliteImporter.importModel(TfliteReader.parse(ByteBuffer.wrap(b)), "corrupt");
            } catch (TfliteException e) {
                assertNotNull(e.getMessage());
                refused++;
            }
        }
        assertTrue(refused > 0);
    }

    @Test
    void tensorIndexOutOfRange() throws IOException {
        SyntheticTflite m = SyntheticTflite.standard();
        SyntheticTflite.Op op = m.ops.get(1);
        m.ops.set(1, new SyntheticTflite.Op(op.opcode(), new int[] {op.in()[0], 99, op.in()[2]}, op.out(), op.optType(),
                op.options()));
        Path f = write("tensor_index", m.build());
        TfliteException e = assertThrows(TfliteException.class, () -> TfliteImporter.read(f));
        assertEquals("'" + f + "': model.subgraphs[0].operators[1].inputs[1]: tensor index 99 out of range (the subgraph "
                + "has " + m.tensors.size() + " tensors)", e.getMessage());
    }

    @Test
    void opcodeIndexOutOfRange() throws IOException {
        SyntheticTflite m = SyntheticTflite.standard();
        SyntheticTflite.Op op = m.ops.get(0);
        m.ops.set(0, new SyntheticTflite.Op(17, op.in(), op.out(), op.optType(), op.options()));
        Path f = write("opcode", m.build());
        TfliteException e = assertThrows(TfliteException.class, () -> TfliteImporter.read(f));
        assertEquals("'" + f + "': model.subgraphs[0].operators[0]: opcode_index 17 out of range (the model has "
                + m.codes.size() + " operator codes)", e.getMessage());
    }

    @Test
    void bufferIndexOutOfRange() throws IOException {
        SyntheticTflite m = SyntheticTflite.standard();
        SyntheticTflite.T t = m.tensors.get(0);
        m.tensors.set(0, new SyntheticTflite.T(t.name(), t.type(), t.shape(), 1000, t.scale(), t.zp(), 0));
        Path f = write("buffer", m.build());
        TfliteException e = assertThrows(TfliteException.class, () -> TfliteImporter.read(f));
        assertEquals("'" + f + "': model.subgraphs[0].tensors[0]: buffer index 1000 out of range (the model has "
                + m.buffers.size() + " buffers)", e.getMessage());
    }

    @Test
    void bufferOffsetForm() {
        // A Buffer whose data lies after the flatbuffer (offset/size, as for models over 2 GB).
        com.google.flatbuffers.FlatBufferBuilder b = new com.google.flatbuffers.FlatBufferBuilder(256);
        b.startTable(3);
        b.addLong(1, 0, 0);
        b.addLong(2, 0, 0);
        int empty = b.endTable();
        int placeholderOffset = 0;
        b.startTable(3);
        b.addLong(1, 4096, 0);              // patched below to the real offset
        b.addLong(2, 4, 0);
        int ext = b.endTable();
        int buffers = b.createVectorOfTables(new int[] {empty, ext});
        b.startTable(5);
        b.addInt(0, 3, 0);
        b.addOffset(4, buffers, 0);
        b.finish(b.endTable(), "TFL3");
        byte[] fb = b.sizedByteArray();
        byte[] file = Arrays.copyOf(fb, fb.length + 4);
        ByteBuffer.wrap(file, fb.length, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(0x01020304);
        ByteBuffer bb = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 8 <= fb.length; i += 4) {     // patch the 4096 placeholder to the real offset
            if (bb.getLong(i) == 4096) {
                bb.putLong(i, fb.length);
                placeholderOffset = i;
            }
        }
        assertTrue(placeholderOffset > 0);
        TfliteModel m = TfliteReader.parse(ByteBuffer.wrap(file));
        assertEquals(2, m.buffers().size());
        assertEquals(0x01020304, ByteBuffer.wrap(m.buffers().get(1).data()).order(ByteOrder.LITTLE_ENDIAN).getInt());
        assertEquals(0, m.subgraphs().size());
        assertEquals("the model has 0 subgraphs; only single-subgraph models are supported (no control flow or several "
                + "signatures)", assertThrows(TfliteException.class, () -> TfliteImporter.importModel(m, "x")).getMessage());
    }
}
