package org.pulsedl.quantizer.importer.tflite;

import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * Writes small {@code .tflite} flatbuffers for tests, with flatbuffers-java's builder and the schema field ids
 * documented in {@link TfliteReader}: an int8 chain in TFLite's lowering (EXPAND_DIMS → CONV_2D → RESHAPE,
 * FULLY_CONNECTED, pools) whose every knob — dilation, activation, an extra op, a branch, a second subgraph — can
 * be changed to provoke one refusal at a time.
 */
final class SyntheticTflite {
    static final int FLOAT32 = 0;
    static final int INT32 = 2;
    static final int INT64 = 4;
    static final int INT16 = 7;
    static final int INT8 = 9;

    static final int SAME = 0;
    static final int VALID = 1;
    static final int NONE = 0;
    static final int RELU = 1;
    static final int RELU_N1_TO_1 = 2;
    static final int RELU6 = 3;

    record T(String name, int type, int[] shape, int buffer, float[] scale, long[] zp, int qdim) {}

    record Op(int opcode, int[] in, int[] out, int optType, ToIntFunction<FlatBufferBuilder> options) {}

    final List<byte[]> buffers = new ArrayList<>(List.of(new byte[0]));
    final List<T> tensors = new ArrayList<>();
    final List<Op> ops = new ArrayList<>();
    final List<int[]> codes = new ArrayList<>();
    int[] inputs = new int[0];
    int[] outputs = new int[0];
    int extraSubgraphs;
    private final Random rnd = new Random(42);
    /** Width of the activations the helpers create. */
    int actType = INT8;

    int code(int builtin) {
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i)[0] == builtin) {
                return i;
            }
        }
        codes.add(new int[] {builtin, 1});
        return codes.size() - 1;
    }

    int tensor(String name, int type, int[] shape, byte[] data, float[] scale, long[] zp, int qdim) {
        int buffer = 0;
        if (data != null) {
            buffers.add(data);
            buffer = buffers.size() - 1;
        } else {
            buffers.add(new byte[0]);
            buffer = buffers.size() - 1;
        }
        tensors.add(new T(name, type, shape, buffer, scale, zp, qdim));
        return tensors.size() - 1;
    }

    /** An activation tensor of {@link #actType} with one scale and zero point (zero point 0 for int16). */
    int activation(String name, int[] shape, float scale, int zp) {
        return tensor(name, actType, shape, null, new float[] {scale}, new long[] {actType == INT16 ? 0 : zp}, 0);
    }

    int int32Const(String name, int... values) {
        ByteBuffer b = le(4 * values.length);
        for (int v : values) {
            b.putInt(v);
        }
        return tensor(name, INT32, values.length == 1 && name.contains("axis") ? new int[0] : new int[] {values.length},
                b.array(), new float[0], new long[0], 0);
    }

    void op(int builtin, int[] in, int[] out, int optType, ToIntFunction<FlatBufferBuilder> options) {
        ops.add(new Op(code(builtin), in, out, optType, options));
    }

    static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    // ----------------------------------------------------------------------------------------- layer helpers

    /** A model input {@code [1, L, C]}. */
    int input(int length, int channels) {
        int t = activation("input", new int[] {1, length, channels}, 0.01f, -128);
        inputs = new int[] {t};
        return t;
    }

    /** Options of a CONV_2D; {@code dilation} applies to the width. */
    static ToIntFunction<FlatBufferBuilder> conv2dOptions(int padding, int stride, int act, int dilation) {
        return b -> {
            b.startTable(7);
            b.addByte(0, (byte) padding, 0);
            b.addInt(1, stride, 0);
            b.addInt(2, 1, 0);
            b.addByte(3, (byte) act, 0);
            b.addInt(4, dilation, 1);
            b.addInt(5, 1, 1);
            return b.endTable();
        };
    }

    static ToIntFunction<FlatBufferBuilder> pool2dOptions(int padding, int stride, int filter, int act) {
        return b -> {
            b.startTable(6);
            b.addByte(0, (byte) padding, 0);
            b.addInt(1, stride, 0);
            b.addInt(2, 1, 0);
            b.addInt(3, filter, 0);
            b.addInt(4, 1, 0);
            b.addByte(5, (byte) act, 0);
            return b.endTable();
        };
    }

    static ToIntFunction<FlatBufferBuilder> fcOptions(int act) {
        return fcOptions(act, false);
    }

    /** FullyConnectedOptions with {@code keep_num_dims} (field 2). */
    static ToIntFunction<FlatBufferBuilder> fcOptions(int act, boolean keepNumDims) {
        return b -> {
            b.startTable(5);
            b.addByte(0, (byte) act, 0);
            b.addBoolean(2, keepNumDims, false);
            return b.endTable();
        };
    }

    static ToIntFunction<FlatBufferBuilder> empty() {
        return b -> {
            b.startTable(0);
            return b.endTable();
        };
    }

    int expandDims(int x, int axis) {
        int[] s = tensors.get(x).shape();
        T tx = tensors.get(x);
        int a = int32Const("axis" + tensors.size(), axis);
        int y = tensor("expand" + tensors.size(), tx.type(), new int[] {1, 1, s[1], s[2]}, null, tx.scale(), tx.zp(), 0);
        op(TfliteOps.EXPAND_DIMS, new int[] {x, a}, new int[] {y}, 52, empty());
        return y;
    }

    int reshape(int x, int[] shape) {
        T tx = tensors.get(x);
        int[] target = shape.clone();
        target[0] = -1;
        int s = int32Const("shape" + tensors.size(), target);
        int y = tensor("reshape" + tensors.size(), tx.type(), shape, null, tx.scale(), tx.zp(), 0);
        op(TfliteOps.RESHAPE, new int[] {x, s}, new int[] {y}, 0, null);
        return y;
    }

    /** EXPAND_DIMS → CONV_2D → RESHAPE with random int8 per-channel weights. */
    int conv1d(int x, int filters, int k, int stride, int padding, int act, int dilation, boolean flatten) {
        int[] s = tensors.get(x).shape();
        int len = s[1];
        int cin = s[2];
        int x4 = expandDims(x, -3);
        byte[] w = new byte[filters * k * cin];
        for (int i = 0; i < w.length; i++) {
            w[i] = (byte) (rnd.nextInt(255) - 127);
        }
        float[] ws = new float[filters];
        for (int f = 0; f < filters; f++) {
            ws[f] = 0.002f + 0.001f * rnd.nextFloat();
        }
        int wt = tensor("w" + tensors.size(), INT8, new int[] {filters, 1, k, cin}, w, ws, new long[filters], 0);
        int bt = bias(filters, tensors.get(x).scale()[0], ws);
        int out = padding == SAME ? (len + stride - 1) / stride : (len - (k - 1) * dilation - 1) / stride + 1;
        int y4 = activation("conv" + tensors.size(), new int[] {1, 1, out, filters}, 0.02f, -128);
        op(TfliteOps.CONV_2D, new int[] {x4, wt, bt}, new int[] {y4}, 1, conv2dOptions(padding, stride, act, dilation));
        return reshape(y4, flatten ? new int[] {1, out * filters} : new int[] {1, out, filters});
    }

    private int bias(int n, float sIn, float[] ws) {
        boolean wide = actType == INT16;
        ByteBuffer b = le(n * (wide ? 8 : 4));
        float[] bs = new float[n];
        for (int i = 0; i < n; i++) {
            int v = rnd.nextInt(2001) - 1000;
            if (wide) {
                b.putLong(v);
            } else {
                b.putInt(v);
            }
            bs[i] = sIn * ws[i];
        }
        return tensor("b" + tensors.size(), wide ? INT64 : INT32, new int[] {n}, b.array(), bs, new long[n], 0);
    }

    int dense(int x, int units, int act) {
        return dense(x, units, act, false);
    }

    /**
     * FULLY_CONNECTED with random weights; with {@code keepNumDims} the output keeps the input's rank
     * ({@code [1, 1, N] → [1, 1, units]}), as TFLite's {@code keep_num_dims} does.
     */
    int dense(int x, int units, int act, boolean keepNumDims) {
        return dense(x, units, act, keepNumDims, false);
    }

    /** {@link #dense(int, int, int, boolean)} with one weight scale for all units when {@code perTensor}. */
    int dense(int x, int units, int act, boolean keepNumDims, boolean perTensor) {
        int inputs = (int) Arrays.stream(tensors.get(x).shape()).asLongStream().reduce(1, (a, c) -> a * c);
        byte[] w = new byte[units * inputs];
        for (int i = 0; i < w.length; i++) {
            w[i] = (byte) (rnd.nextInt(255) - 127);
        }
        float[] ws = new float[perTensor ? 1 : units];
        for (int f = 0; f < ws.length; f++) {
            ws[f] = 0.002f + 0.001f * rnd.nextFloat();
        }
        return fullyConnected(x, w, ws, 0.05f, act, keepNumDims);
    }

    /** FULLY_CONNECTED with the given int8 weights {@code [units·inputs]}, weight scales and output scale. */
    int fullyConnected(int x, byte[] w, float[] ws, float outScale, int act) {
        return fullyConnected(x, w, ws, outScale, act, false);
    }

    int fullyConnected(int x, byte[] w, float[] ws, float outScale, int act, boolean keepNumDims) {
        int inputs = (int) Arrays.stream(tensors.get(x).shape()).asLongStream().reduce(1, (a, c) -> a * c);
        int units = w.length / inputs;
        int wt = tensor("fcw" + tensors.size(), INT8, new int[] {units, w.length / units}, w, ws, new long[ws.length], 0);
        float[] biasScales = new float[units];
        for (int u = 0; u < units; u++) {
            biasScales[u] = ws[ws.length == 1 ? 0 : u];
        }
        int bt = bias(units, tensors.get(x).scale()[0], biasScales);
        int[] shape = new int[] {1, units};
        if (keepNumDims) {
            shape = tensors.get(x).shape().clone();
            shape[shape.length - 1] = units;
        }
        int y = activation("fc" + tensors.size(), shape, outScale, -3);
        op(TfliteOps.FULLY_CONNECTED, new int[] {x, wt, bt}, new int[] {y}, 8, fcOptions(act, keepNumDims));
        return y;
    }

    /**
     * A quantised ADD of a per-channel constant of {@link #actType} (codes {@code codes}, scale {@code scale}, zero
     * point {@code zp}) to {@code x} {@code [1, L, C]}, output with {@code outScale} / {@code outZp}: the default
     * converter's separate Conv1D bias.
     */
    int biasAdd(int x, int[] codes, float scale, int zp, float outScale, int outZp, int act) {
        boolean wide = actType == INT16;
        ByteBuffer d = le(codes.length * (wide ? 2 : 1));
        for (int v : codes) {
            if (wide) {
                d.putShort((short) v);
            } else {
                d.put((byte) v);
            }
        }
        int b = tensor("bias_const" + tensors.size(), actType, new int[] {1, 1, codes.length}, d.array(),
                new float[] {scale}, new long[] {zp}, 0);
        int y = activation("add" + tensors.size(), tensors.get(x).shape().clone(), outScale, outZp);
        op(TfliteOps.ADD, new int[] {x, b}, new int[] {y}, 11, fcOptions(act));
        return y;
    }

    int pool(int x, boolean max, int size, int stride, int padding, boolean flatten) {
        int[] s = tensors.get(x).shape();
        int x4 = expandDims(x, -3);
        int out = padding == SAME ? (s[1] + stride - 1) / stride : (s[1] - size) / stride + 1;
        T tx = tensors.get(x);
        int y4 = tensor("pool" + tensors.size(), tx.type(), new int[] {1, 1, out, s[2]}, null, tx.scale(), tx.zp(), 0);
        op(max ? TfliteOps.MAX_POOL_2D : TfliteOps.AVERAGE_POOL_2D, new int[] {x4}, new int[] {y4}, 5,
                pool2dOptions(padding, stride, size, NONE));
        return reshape(y4, flatten ? new int[] {1, out * s[2]} : new int[] {1, out, s[2]});
    }

    /** The standard small chain: input 32×2, Conv1D(4, k3, s2, same, relu), Flatten, Dense(8, relu), Dense(2). */
    static SyntheticTflite standard() {
        SyntheticTflite m = new SyntheticTflite();
        int x = m.input(32, 2);
        x = m.conv1d(x, 4, 3, 2, SAME, RELU, 1, true);
        x = m.dense(x, 8, RELU);
        x = m.dense(x, 2, NONE);
        m.outputs = new int[] {x};
        return m;
    }

    // ------------------------------------------------------------------------------------------------ writing

    byte[] build() {
        FlatBufferBuilder b = new FlatBufferBuilder(1024);
        int[] codeOffsets = new int[codes.size()];
        for (int i = 0; i < codes.size(); i++) {
            b.startTable(4);
            b.addByte(0, (byte) Math.min(codes.get(i)[0], 127), 0);
            b.addInt(2, codes.get(i)[1], 1);
            b.addInt(3, codes.get(i)[0], 0);
            codeOffsets[i] = b.endTable();
        }
        int codesVec = b.createVectorOfTables(codeOffsets);
        int[] bufferOffsets = new int[buffers.size()];
        for (int i = 0; i < buffers.size(); i++) {
            int data = buffers.get(i).length == 0 ? 0 : b.createByteVector(buffers.get(i));
            b.startTable(3);
            if (data != 0) {
                b.addOffset(0, data, 0);
            }
            bufferOffsets[i] = b.endTable();
        }
        int buffersVec = b.createVectorOfTables(bufferOffsets);
        int[] subgraphs = new int[1 + extraSubgraphs];
        for (int g = 0; g < subgraphs.length; g++) {
            subgraphs[g] = subgraph(b);
        }
        int subVec = b.createVectorOfTables(subgraphs);
        int desc = b.createString("pulsedl synthetic test model");
        b.startTable(5);
        b.addInt(0, 3, 0);
        b.addOffset(1, codesVec, 0);
        b.addOffset(2, subVec, 0);
        b.addOffset(3, desc, 0);
        b.addOffset(4, buffersVec, 0);
        b.finish(b.endTable(), "TFL3");
        return b.sizedByteArray();
    }

    private int subgraph(FlatBufferBuilder b) {
        int[] tensorOffsets = new int[tensors.size()];
        for (int i = 0; i < tensors.size(); i++) {
            T t = tensors.get(i);
            int shape = intVector(b, t.shape());
            int name = b.createString(t.name());
            int quant = 0;
            if (t.scale().length > 0) {
                b.startVector(4, t.scale().length, 4);
                for (int k = t.scale().length - 1; k >= 0; k--) {
                    b.addFloat(t.scale()[k]);
                }
                int scale = b.endVector();
                b.startVector(8, t.zp().length, 8);
                for (int k = t.zp().length - 1; k >= 0; k--) {
                    b.addLong(t.zp()[k]);
                }
                int zp = b.endVector();
                b.startTable(7);
                b.addOffset(2, scale, 0);
                b.addOffset(3, zp, 0);
                b.addInt(6, t.qdim(), 0);
                quant = b.endTable();
            }
            b.startTable(8);
            b.addOffset(0, shape, 0);
            b.addByte(1, (byte) t.type(), 0);
            b.addInt(2, t.buffer(), 0);
            b.addOffset(3, name, 0);
            if (quant != 0) {
                b.addOffset(4, quant, 0);
            }
            tensorOffsets[i] = b.endTable();
        }
        int tensorsVec = b.createVectorOfTables(tensorOffsets);
        int[] opOffsets = new int[ops.size()];
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            int in = intVector(b, op.in());
            int out = intVector(b, op.out());
            int opts = op.options() == null ? 0 : op.options().applyAsInt(b);
            b.startTable(5);
            b.addInt(0, op.opcode(), 0);
            b.addOffset(1, in, 0);
            b.addOffset(2, out, 0);
            if (opts != 0) {
                b.addByte(3, (byte) op.optType(), 0);
                b.addOffset(4, opts, 0);
            }
            opOffsets[i] = b.endTable();
        }
        int opsVec = b.createVectorOfTables(opOffsets);
        int in = intVector(b, inputs);
        int out = intVector(b, outputs);
        int name = b.createString("main");
        b.startTable(5);
        b.addOffset(0, tensorsVec, 0);
        b.addOffset(1, in, 0);
        b.addOffset(2, out, 0);
        b.addOffset(3, opsVec, 0);
        b.addOffset(4, name, 0);
        return b.endTable();
    }

    private static int intVector(FlatBufferBuilder b, int[] v) {
        b.startVector(4, v.length, 4);
        for (int k = v.length - 1; k >= 0; k--) {
            b.addInt(v[k]);
        }
        return b.endVector();
    }
}
