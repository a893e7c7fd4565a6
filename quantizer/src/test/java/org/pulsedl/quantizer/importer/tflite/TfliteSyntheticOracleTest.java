package org.pulsedl.quantizer.importer.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.golden.fast.FastGoldenModel;
import org.pulsedl.quantizer.oracle.Oracle;
import org.pulsedl.quantizer.qmodel.QBiasAdd;
import org.pulsedl.quantizer.qmodel.QLayer;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.quant.Width;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * Operator forms the converter writes only for some models, built as synthetic {@code .tflite} files
 * ({@link SyntheticTflite}) and run through LiteRT's reference kernels: the golden model (and
 * {@code FastGoldenModel}) must equal them bit for bit on uniformly random inputs over the whole input range.
 * <ul>
 *   <li>a quantised bias {@code ADD} after a Conv1D that is an exact identity (zero bias, the tensor's
 *       quantisation unchanged): folded into the Conv1D; with a real bias: a {@code bias_add} step, int8 and int16
 *       (issue 10);</li>
 *   <li>{@code FULLY_CONNECTED} with and without {@code keep_num_dims}, on {@code [1, N]} and {@code [1, 1, N]}
 *       inputs.</li>
 * </ul>
 */
class TfliteSyntheticOracleTest {
    private static final int WINDOWS = 400;

    @TempDir
    Path dir;

    @Test
    void identityBiasAddFoldsIntoTheConv() throws IOException {
        SyntheticTflite m = new SyntheticTflite();
        int x = m.input(32, 2);
        x = m.conv1d(x, 4, 3, 1, SyntheticTflite.SAME, SyntheticTflite.NONE, 1, false);   // out scale 0.02, zp -128
        x = m.biasAdd(x, new int[] {0, 0, 0, 0}, 0.01f, 0, 0.02f, -128, SyntheticTflite.RELU);
        x = m.reshape(x, new int[] {1, 128});
        m.outputs = new int[] {m.dense(x, 3, SyntheticTflite.NONE)};
        QuantizedModel q = compare("identity_add", m);
        assertEquals(List.of("conv1d", "flatten", "dense"), types(q), "the identity ADD folded into the conv");
    }

    @Test
    void biasAddIsAStepInt8() throws IOException {
        SyntheticTflite m = new SyntheticTflite();
        int x = m.input(32, 2);
        x = m.conv1d(x, 4, 3, 2, SyntheticTflite.SAME, SyntheticTflite.NONE, 1, false);
        x = m.biasAdd(x, new int[] {-128, -40, 57, 127}, 0.0011f, 61, 0.0213f, -100, SyntheticTflite.RELU6);
        x = m.reshape(x, new int[] {1, 64});
        m.outputs = new int[] {m.dense(x, 2, SyntheticTflite.NONE)};
        QuantizedModel q = compare("bias_add_int8", m);
        assertEquals(List.of("conv1d", "bias_add", "flatten", "dense"), types(q));
    }

    @Test
    void biasAddIsAStepInt16() throws IOException {
        SyntheticTflite m = new SyntheticTflite();
        m.actType = SyntheticTflite.INT16;
        int x = m.input(24, 3);
        x = m.conv1d(x, 5, 4, 1, SyntheticTflite.VALID, SyntheticTflite.NONE, 1, false);
        x = m.biasAdd(x, new int[] {-32768, -3000, 0, 4100, 32767}, 0.00003f, 0, 0.017f, 0, SyntheticTflite.RELU);
        x = m.reshape(x, new int[] {1, 21 * 5});
        m.outputs = new int[] {m.dense(x, 2, SyntheticTflite.NONE)};
        QuantizedModel q = compare("bias_add_int16", m);
        assertEquals(List.of("conv1d", "bias_add", "flatten", "dense"), types(q));
        assertEquals(15, ((QBiasAdd) q.layers().get(1)).rescale().leftShift());
    }

    @Test
    void fullyConnectedWithAndWithoutKeepNumDimsOnAFlatInput() throws IOException {
        SyntheticTflite m = new SyntheticTflite();
        int x = m.activation("input", new int[] {1, 16}, 0.01f, -7);
        m.inputs = new int[] {x};
        x = m.dense(x, 8, SyntheticTflite.RELU, true);
        x = m.dense(x, 4, SyntheticTflite.NONE, false);
        m.outputs = new int[] {m.dense(x, 2, SyntheticTflite.NONE, true)};
        assertEquals(List.of("dense", "dense", "dense"), types(compare("fc_keep_flat", m)));
    }

    /** Per-tensor weights: LiteRT's per-channel kernel cannot take a rank-3 output (see the refusal below). */
    @Test
    void fullyConnectedWithAndWithoutKeepNumDimsOnA3dInput() throws IOException {
        SyntheticTflite m = new SyntheticTflite();
        int x = m.input(1, 16);                                                  // [1, 1, 16]
        x = m.dense(x, 8, SyntheticTflite.RELU6, true, true);                    // [1, 1, 8]
        m.outputs = new int[] {m.dense(x, 3, SyntheticTflite.NONE, false, true)};   // [1, 3]
        assertEquals(List.of("flatten", "dense", "flatten", "dense"), types(compare("fc_keep_3d", m)));
    }

    /**
     * A per-channel FULLY_CONNECTED with {@code keep_num_dims} and a {@code [1, 1, 8]} output — what the converter
     * writes for a Keras Dense on a {@code (1, N)} input — is refused: LiteRT 1.0.1's reference kernel (and its 16x8
     * kernel) fills only the first unit and leaves the rest as whatever the memory held (measured: two runs of one
     * input gave different outputs), so there is no reference to equal.
     */
    @Test
    void perChannelFullyConnectedWithARank3OutputIsRefused() throws IOException {
        SyntheticTflite m = new SyntheticTflite();
        int x = m.input(1, 16);
        x = m.dense(x, 8, SyntheticTflite.RELU6, true);
        m.outputs = new int[] {m.dense(x, 3, SyntheticTflite.NONE, false)};
        Path file = dir.resolve("fc_keep_3d_per_channel.tflite");
        Files.write(file, m.build());
        TfliteException e = assertThrows(TfliteException.class, () -> TfliteImporter.read(file));
        assertEquals("'" + file + "': operator 0 FULLY_CONNECTED: per-channel weights with a rank-3 output tensor 3 "
                + "'fc3' INT8 [1, 1, 8] (keep_num_dims): LiteRT's reference FULLY_CONNECTED computes only the first unit "
                + "of such an output and leaves the others unwritten, so the file has no defined result to be bit-exact "
                + "with; put a Flatten before the Dense", e.getMessage());
    }

    private static List<String> types(QuantizedModel q) {
        return q.layers().stream().map(QLayer::type).toList();
    }

    /** Imports {@code m}, runs it and LiteRT's reference kernels on random inputs, requires equal outputs. */
    private QuantizedModel compare(String name, SyntheticTflite m) throws IOException {
        Path file = dir.resolve(name + ".tflite");
        Files.write(file, m.build());
        QuantizedModel q = TfliteImporter.readQuantized(file);
        Width w = q.input().width();
        int size = q.inputShape().size();
        long seed = TestSeed.of("TfliteSyntheticOracleTest " + name, 77L);
        Random rnd = new Random(seed);
        int[][] inputs = new int[WINDOWS][size];
        ByteBuffer b = ByteBuffer.allocate(WINDOWS * size * (w == Width.INT8 ? 1 : 2)).order(ByteOrder.LITTLE_ENDIAN);
        for (int[] row : inputs) {
            for (int i = 0; i < size; i++) {
                row[i] = w.min() + rnd.nextInt(w.max() - w.min() + 1);
                if (w == Width.INT8) {
                    b.put((byte) row[i]);
                } else {
                    b.putShort((short) row[i]);
                }
            }
        }
        int[] fileShape = m.tensors.get(m.inputs[0]).shape();
        int[] shape = new int[fileShape.length];
        shape[0] = WINDOWS;
        System.arraycopy(fileShape, 1, shape, 1, fileShape.length - 1);
        Path in = dir.resolve(name + "_inputs.npy");
        TfliteOracleData.writeNpy(in, w == Width.INT8 ? "|i1" : "<i2", shape, b.array());
        Path out = dir.resolve(name + "_run");
        Oracle.run("tflite_run.py", "--model", file.toString(), "--inputs", in.toString(), "--out", out.toString(),
                "--kernels", "reference", "--input-kind", "quantized");
        int[][] expected = TfliteOracleData.intRows(out.resolve("outputs.npy"));
        long[][] golden = new GoldenModel(q).runBatch(inputs);
        long[][] fast = FastGoldenModel.compile(q).runBatch(inputs);
        int values = 0;
        for (int r = 0; r < WINDOWS; r++) {
            assertEquals(expected[r].length, golden[r].length, name + ": outputs per window");
            for (int j = 0; j < expected[r].length; j++) {
                assertEquals(expected[r][j], golden[r][j], name + " (seed " + seed + "): input " + r + " output " + j);
                assertEquals(expected[r][j], fast[r][j], name + " FastGoldenModel: input " + r + " output " + j);
                values++;
            }
        }
        assertTrue(values >= WINDOWS);
        System.out.println(name + " (seed " + seed + "): " + values + " values equal LiteRT's reference kernels; layers "
                + types(q));
        return q;
    }
}
