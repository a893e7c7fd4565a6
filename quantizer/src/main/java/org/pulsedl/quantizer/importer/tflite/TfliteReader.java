package org.pulsedl.quantizer.importer.tflite;

import com.google.flatbuffers.Table;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Buffer;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Operator;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.OperatorCode;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Options;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Quantization;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Subgraph;
import org.pulsedl.quantizer.importer.tflite.TfliteModel.Tensor;
import org.pulsedl.quantizer.importer.tflite.TfliteOps.Activation;
import org.pulsedl.quantizer.importer.tflite.TfliteOps.TensorType;
import org.pulsedl.quantizer.model.Padding;

/**
 * A small typed reader of the TFLite flatbuffer schema ({@code schema.fbs}, file identifier {@code TFL3}) —
 * only the tables and fields the importer needs, read through flatbuffers-java's {@link Table} accessors with
 * every offset, length and index checked, so a damaged file gives one {@link TfliteException} that says where
 * reading failed instead of an {@code IndexOutOfBoundsException} or a huge allocation.
 *
 * <p>Field ids (vtable slot {@code 4 + 2·id}) used here, from the schema: Model {version 0, operator_codes 1,
 * subgraphs 2, description 3, buffers 4}; OperatorCode {deprecated_builtin_code 0 (byte), custom_code 1,
 * version 2 (default 1), builtin_code 3 (int)}; SubGraph {tensors 0, inputs 1, outputs 2, operators 3, name 4};
 * Tensor {shape 0, type 1 (byte), buffer 2 (uint), name 3, quantization 4, is_variable 5, sparsity 6,
 * shape_signature 7}; QuantizationParameters {min 0, max 1, scale 2 ([float]), zero_point 3 ([long]),
 * details_type 4, details 5, quantized_dimension 6}; Operator {opcode_index 0 (uint), inputs 1, outputs 2,
 * builtin_options_type 3 (ubyte), builtin_options 4}; Buffer {data 0 ([ubyte]), offset 1 (ulong), size 2
 * (ulong)}; Conv2DOptions {padding 0, stride_w 1, stride_h 2, fused_activation_function 3, dilation_w_factor 4,
 * dilation_h_factor 5 (defaults 1), quantized_bias_type 6}; Pool2DOptions {padding 0, stride_w 1, stride_h 2,
 * filter_width 3, filter_height 4, fused_activation_function 5}; FullyConnectedOptions
 * {fused_activation_function 0, weights_format 1, keep_num_dims 2, asymmetric_quantize_inputs 3,
 * quantized_bias_type 4}; ReshapeOptions {new_shape 0}; AddOptions {fused_activation_function 0, pot_scale_int16 1
 * (bool, default true)}.
 */
public final class TfliteReader {
    /** The file identifier at bytes 4..7 of every {@code .tflite} file. */
    public static final String IDENTIFIER = "TFL3";

    private TfliteReader() {}

    /** Reads and parses a {@code .tflite} file. */
    public static TfliteModel read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return parse(ByteBuffer.wrap(bytes));
        } catch (TfliteException e) {
            throw new TfliteException("'" + file + "': ", e);
        }
    }

    /**
     * Parses a flatbuffer (position 0 = start of the file).
     *
     * @throws TfliteException naming what is wrong and where
     */
    public static TfliteModel parse(ByteBuffer buffer) {
        ByteBuffer bb = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        bb.position(0);
        if (bb.limit() < 8) {
            throw new TfliteException("not a TFLite flatbuffer: " + bb.limit() + " bytes is too short");
        }
        byte[] id = new byte[4];
        bb.get(4, id);
        String ident = new String(id, StandardCharsets.ISO_8859_1);
        if (!ident.equals(IDENTIFIER)) {
            throw new TfliteException("not a TFLite flatbuffer: file identifier is '" + printable(ident)
                    + "', expected '" + IDENTIFIER + "'");
        }
        try {
            Node root = Node.root(bb);
            return readModel(root);
        } catch (IndexOutOfBoundsException | BufferUnderflowException | IllegalArgumentException e) {
            if (e instanceof TfliteException te) {
                throw te;
            }
            throw new TfliteException("malformed TFLite flatbuffer: an offset or length points outside the "
                    + bb.limit() + "-byte file (" + e.getMessage() + ")", e);
        }
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return sb.toString();
    }

    private static TfliteModel readModel(Node m) {
        long version = m.u32(0, 0);
        List<OperatorCode> codes = new ArrayList<>();
        int nCodes = m.vectorLength(1, 4);
        for (int i = 0; i < nCodes; i++) {
            Node c = m.tableAt(1, i, "operator_codes[" + i + "]");
            codes.add(new OperatorCode(c.i8(0, 0), c.i32(3, 0), c.string(1), c.i32(2, 1)));
        }
        List<Buffer> buffers = new ArrayList<>();
        int nBuffers = m.vectorLength(4, 4);
        for (int i = 0; i < nBuffers; i++) {
            buffers.add(readBuffer(m.tableAt(4, i, "buffers[" + i + "]")));
        }
        List<Subgraph> subgraphs = new ArrayList<>();
        int nSub = m.vectorLength(2, 4);
        for (int i = 0; i < nSub; i++) {
            subgraphs.add(readSubgraph(m.tableAt(2, i, "subgraphs[" + i + "]"), codes.size(), buffers.size()));
        }
        String description = m.string(3);
        return new TfliteModel(version, codes, subgraphs, description == null ? "" : description, buffers);
    }

    private static Buffer readBuffer(Node b) {
        byte[] data = b.byteVector(0);
        long offset = b.u64(1);
        long size = b.u64(2);
        if (offset > 1) {
            // Large models keep constant data after the flatbuffer; offset counts from the start of the file.
            data = b.external(offset, size);
        }
        return new Buffer(data);
    }

    private static Subgraph readSubgraph(Node g, int nCodes, int nBuffers) {
        List<Tensor> tensors = new ArrayList<>();
        int nTensors = g.vectorLength(0, 4);
        for (int i = 0; i < nTensors; i++) {
            tensors.add(readTensor(g.tableAt(0, i, "tensors[" + i + "]"), i, nBuffers));
        }
        int[] inputs = g.intVector(1);
        int[] outputs = g.intVector(2);
        checkTensorIndices(g.path + ".inputs", inputs, nTensors, false);
        checkTensorIndices(g.path + ".outputs", outputs, nTensors, false);
        List<Operator> ops = new ArrayList<>();
        int nOps = g.vectorLength(3, 4);
        for (int i = 0; i < nOps; i++) {
            ops.add(readOperator(g.tableAt(3, i, "operators[" + i + "]"), i, nCodes, nTensors));
        }
        String name = g.string(4);
        return new Subgraph(name == null ? "" : name, tensors, inputs, outputs, ops);
    }

    private static void checkTensorIndices(String where, int[] indices, int nTensors, boolean optional) {
        for (int i = 0; i < indices.length; i++) {
            int t = indices[i];
            if (t >= nTensors || t < (optional ? -1 : 0)) {
                throw new TfliteException(where + "[" + i + "]: tensor index " + t + " out of range (the subgraph has "
                        + nTensors + " tensors)");
            }
        }
    }

    private static Tensor readTensor(Node t, int index, int nBuffers) {
        int[] shape = t.intVector(0);
        int typeCode = t.i8(1, 0);
        TensorType type;
        try {
            type = TensorType.of(typeCode);
        } catch (TfliteException e) {
            throw new TfliteException(t.path + ": " + e.getMessage());
        }
        long buffer = t.u32(2, 0);
        if (buffer >= nBuffers) {
            throw new TfliteException(t.path + ": buffer index " + buffer + " out of range (the model has " + nBuffers
                    + " buffers)");
        }
        for (int d : shape) {
            if (d < 0) {
                throw new TfliteException(t.path + ": negative dimension in shape " + java.util.Arrays.toString(shape));
            }
        }
        String name = t.string(3);
        Node q = t.table(4, "quantization");
        Quantization quant = q == null ? Quantization.NONE : readQuantization(q);
        boolean isVariable = t.bool(5);
        boolean sparse = t.has(6);
        int[] signature = t.has(7) ? t.intVector(7) : null;
        return new Tensor(index, name == null ? "" : name, shape, signature, type, buffer, quant, isVariable, sparse);
    }

    private static Quantization readQuantization(Node q) {
        float[] scale = q.floatVector(2);
        long[] zp = q.longVector(3);
        if (zp.length != 0 && zp.length != scale.length) {
            throw new TfliteException(q.path + ": " + scale.length + " scales but " + zp.length + " zero points");
        }
        return new Quantization(scale, zp, q.i32(6, 0), q.floatVector(0), q.floatVector(1), q.u8(4, 0) != 0);
    }

    private static Operator readOperator(Node o, int index, int nCodes, int nTensors) {
        long opcode = o.u32(0, 0);
        if (opcode >= nCodes) {
            throw new TfliteException(o.path + ": opcode_index " + opcode + " out of range (the model has " + nCodes
                    + " operator codes)");
        }
        int[] inputs = o.intVector(1);
        int[] outputs = o.intVector(2);
        checkTensorIndices(o.path + ".inputs", inputs, nTensors, true);
        checkTensorIndices(o.path + ".outputs", outputs, nTensors, false);
        int type = o.u8(3, 0);
        Node opt = type == TfliteOps.OPTIONS_NONE ? null : o.table(4, "builtin_options");
        Options options;
        if (opt == null) {
            options = new Options.Other(type);
        } else {
            options = switch (type) {
                case TfliteOps.OPTIONS_CONV2D -> new Options.Conv2D(padding(opt, 0), opt.i32(1, 0), opt.i32(2, 0),
                        activation(opt, 3), opt.i32(4, 1), opt.i32(5, 1), tensorType(opt, 6));
                case TfliteOps.OPTIONS_POOL2D -> new Options.Pool2D(padding(opt, 0), opt.i32(1, 0), opt.i32(2, 0),
                        opt.i32(3, 0), opt.i32(4, 0), activation(opt, 5));
                case TfliteOps.OPTIONS_FULLY_CONNECTED -> new Options.FullyConnected(activation(opt, 0), opt.i8(1, 0),
                        opt.bool(2), opt.bool(3), tensorType(opt, 4));
                case TfliteOps.OPTIONS_RESHAPE -> new Options.Reshape(opt.has(0) ? opt.intVector(0) : null);
                case TfliteOps.OPTIONS_ADD -> new Options.Add(activation(opt, 0), opt.u8(1, 1) != 0);
                case TfliteOps.OPTIONS_MUL -> new Options.Mul(activation(opt, 0));
                default -> new Options.Other(type);
            };
        }
        return new Operator(index, (int) opcode, inputs, outputs, type, options);
    }

    private static Padding padding(Node n, int id) {
        int p = n.i8(id, 0);
        return switch (p) {
            case 0 -> Padding.SAME;
            case 1 -> Padding.VALID;
            default -> throw new TfliteException(n.path + ": unknown padding " + p);
        };
    }

    private static Activation activation(Node n, int id) {
        try {
            return Activation.of(n.i8(id, 0));
        } catch (TfliteException e) {
            throw new TfliteException(n.path + ": " + e.getMessage());
        }
    }

    private static TensorType tensorType(Node n, int id) {
        try {
            return TensorType.of(n.i8(id, 0));
        } catch (TfliteException e) {
            throw new TfliteException(n.path + ": " + e.getMessage());
        }
    }

    /** One flatbuffer table with bounds-checked accessors; {@code path} names it in errors. */
    private static final class Node extends Table {
        final String path;

        private Node(ByteBuffer bb, int pos, String path) {
            this.path = path;
            if (pos < 0 || pos + 4 > bb.limit()) {
                throw new TfliteException("malformed TFLite flatbuffer: " + path + " at offset " + pos
                        + " lies outside the " + bb.limit() + "-byte file");
            }
            __reset(pos, bb);
            int vtable = pos - bb.getInt(pos);
            if (vtable < 0 || vtable + 4 > bb.limit()) {
                throw new TfliteException("malformed TFLite flatbuffer: the vtable of " + path
                        + " lies outside the file");
            }
            int vtableSize = bb.getShort(vtable) & 0xffff;
            if (vtableSize < 4 || vtable + vtableSize > bb.limit()) {
                throw new TfliteException("malformed TFLite flatbuffer: the vtable of " + path + " is damaged");
            }
        }

        static Node root(ByteBuffer bb) {
            return new Node(bb, bb.getInt(0), "model");
        }

        /** Absolute position of field {@code id}, or 0 when absent. */
        private int field(int id) {
            int o = __offset(4 + 2 * id) & 0xffff;
            if (o == 0) {
                return 0;
            }
            int pos = bb_pos + o;
            if (pos + 1 > bb.limit()) {
                throw new TfliteException("malformed TFLite flatbuffer: field " + id + " of " + path
                        + " lies outside the file");
            }
            return pos;
        }

        boolean has(int id) { return field(id) != 0; }

        /** {@code size} bytes at file offset {@code offset} (a Buffer's data stored after the flatbuffer). */
        byte[] external(long offset, long size) {
            if (size < 0 || offset < 0 || offset + size > bb.limit()) {
                throw new TfliteException(path + ": data at offset " + offset + " with size " + size
                        + " lies outside the " + bb.limit() + "-byte file");
            }
            byte[] data = new byte[(int) size];
            bb.get((int) offset, data);
            return data;
        }

        private int fixed(int id, int bytes) {
            int p = field(id);
            if (p != 0 && p + bytes > bb.limit()) {
                throw new TfliteException("malformed TFLite flatbuffer: field " + id + " of " + path
                        + " lies outside the file");
            }
            return p;
        }

        int i8(int id, int def) {
            int p = fixed(id, 1);
            return p == 0 ? def : bb.get(p);
        }

        int u8(int id, int def) {
            int p = fixed(id, 1);
            return p == 0 ? def : bb.get(p) & 0xff;
        }

        boolean bool(int id) { return u8(id, 0) != 0; }

        int i32(int id, int def) {
            int p = fixed(id, 4);
            return p == 0 ? def : bb.getInt(p);
        }

        long u32(int id, long def) {
            int p = fixed(id, 4);
            return p == 0 ? def : bb.getInt(p) & 0xffffffffL;
        }

        long u64(int id) {
            int p = fixed(id, 8);
            return p == 0 ? 0 : bb.getLong(p);
        }

        /** Position of the referenced object (table, vector or string) of field {@code id}, checked. */
        private int target(int id) {
            int p = fixed(id, 4);
            if (p == 0) {
                return 0;
            }
            long t = p + (bb.getInt(p) & 0xffffffffL);
            if (t + 4 > bb.limit()) {
                throw new TfliteException("malformed TFLite flatbuffer: field " + id + " of " + path
                        + " points outside the file");
            }
            return (int) t;
        }

        Node table(int id, String name) {
            int t = target(id);
            return t == 0 ? null : new Node(bb, t, path + "." + name);
        }

        /** Number of elements of vector field {@code id} ({@code elementBytes} each), 0 when absent. */
        int vectorLength(int id, int elementBytes) {
            int t = target(id);
            if (t == 0) {
                return 0;
            }
            long len = bb.getInt(t) & 0xffffffffL;
            if (t + 4 + len * elementBytes > bb.limit()) {
                throw new TfliteException("malformed TFLite flatbuffer: vector field " + id + " of " + path + " claims "
                        + len + " elements, more than the file holds");
            }
            return (int) len;
        }

        private int vectorStart(int id) { return target(id) + 4; }

        Node tableAt(int id, int i, String name) {
            int elem = vectorStart(id) + 4 * i;
            long t = elem + (bb.getInt(elem) & 0xffffffffL);
            if (t > Integer.MAX_VALUE) {
                throw new TfliteException("malformed TFLite flatbuffer: " + path + "." + name + " lies outside the file");
            }
            return new Node(bb, (int) t, path + "." + name);
        }

        String string(int id) {
            int t = target(id);
            if (t == 0) {
                return null;
            }
            int len = vectorLength(id, 1);
            byte[] b = new byte[len];
            bb.get(t + 4, b);
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b)).toString();
            } catch (CharacterCodingException e) {
                throw new TfliteException("malformed TFLite flatbuffer: string field " + id + " of " + path
                        + " is not UTF-8");
            }
        }

        int[] intVector(int id) {
            int n = vectorLength(id, 4);
            int s = n == 0 ? 0 : vectorStart(id);
            int[] v = new int[n];
            for (int i = 0; i < n; i++) {
                v[i] = bb.getInt(s + 4 * i);
            }
            return v;
        }

        long[] longVector(int id) {
            int n = vectorLength(id, 8);
            int s = n == 0 ? 0 : vectorStart(id);
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = bb.getLong(s + 8 * i);
            }
            return v;
        }

        float[] floatVector(int id) {
            int n = vectorLength(id, 4);
            int s = n == 0 ? 0 : vectorStart(id);
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = bb.getFloat(s + 4 * i);
            }
            return v;
        }

        byte[] byteVector(int id) {
            int n = vectorLength(id, 1);
            if (n == 0) {
                return null;
            }
            byte[] v = new byte[n];
            bb.get(vectorStart(id), v);
            return v;
        }
    }
}
