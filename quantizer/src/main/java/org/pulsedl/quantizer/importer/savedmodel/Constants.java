package org.pulsedl.quantizer.importer.savedmodel;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.pulsedl.quantizer.importer.savedmodel.GraphValue.Constant;
import org.pulsedl.quantizer.model.ModelException;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Constant folding for the small amount of arithmetic Keras puts on weights in a serving graph (e.g.
 * BatchNormalization's {@code gamma · rsqrt(var + eps)}), and decoding of {@code Const} tensors.
 */
final class Constants {
    private Constants() {}

    /** The value of a {@code TensorProto} (float, double, int32 or int64), from its content bytes or value lists. */
    static Constant decode(TensorProto t, NodeDef node) {
        int[] shape = t.getTensorShape().getDimList().stream().mapToInt(d -> (int) d.getSize()).toArray();
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        double[] v = new double[n];
        ByteString content = t.getTensorContent();
        switch (t.getDtype()) {
            case DT_FLOAT -> {
                if (!content.isEmpty()) {
                    ByteBuffer b = content.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                    for (int i = 0; i < n; i++) {
                        v[i] = b.getFloat();
                    }
                } else {
                    fill(v, t.getFloatValList());
                }
            }
            case DT_DOUBLE -> {
                if (!content.isEmpty()) {
                    ByteBuffer b = content.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                    for (int i = 0; i < n; i++) {
                        v[i] = b.getDouble();
                    }
                } else {
                    fill(v, t.getDoubleValList());
                }
            }
            case DT_INT32 -> {
                if (!content.isEmpty()) {
                    ByteBuffer b = content.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                    for (int i = 0; i < n; i++) {
                        v[i] = b.getInt();
                    }
                } else {
                    fill(v, t.getIntValList());
                }
            }
            case DT_INT64 -> {
                if (!content.isEmpty()) {
                    ByteBuffer b = content.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                    for (int i = 0; i < n; i++) {
                        v[i] = b.getLong();
                    }
                } else {
                    fill(v, t.getInt64ValList());
                }
            }
            default -> throw GraphOps.refuse(node, "a constant of type " + t.getDtype() + " is not supported");
        }
        return new Constant(v, shape);
    }

    /** TF's compact form: fewer listed values than elements means "repeat the last one". */
    private static void fill(double[] v, List<? extends Number> list) {
        for (int i = 0; i < v.length; i++) {
            v[i] = list.isEmpty() ? 0 : list.get(Math.min(i, list.size() - 1)).doubleValue();
        }
    }

    static int[] shapeOf(TensorShapeProto shape) {
        return shape.getDimList().stream().mapToInt(d -> (int) d.getSize()).toArray();
    }

    /** Element-wise {@code a op b} for equal shapes or with one side a single value (the broadcasts Keras emits). */
    static Constant binary(NodeDef node, Constant a, Constant b, DoubleBinaryOperator op) {
        Constant big = a.size() >= b.size() ? a : b;
        if (a.size() != b.size() && Math.min(a.size(), b.size()) != 1) {
            throw GraphOps.refuse(node, "cannot broadcast " + a + " with " + b);
        }
        double[] v = new double[big.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = op.applyAsDouble(a.values()[a.size() == 1 ? 0 : i], b.values()[b.size() == 1 ? 0 : i]);
        }
        return new Constant(v, big.shape());
    }

    static Constant unary(Constant a, java.util.function.DoubleUnaryOperator op) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = op.applyAsDouble(a.values()[i]);
        }
        return new Constant(v, a.shape());
    }

    /** The same values with another shape ({@code -1} allowed once), e.g. a bias reshaped to {@code [1, 1, C]}. */
    static Constant reshape(NodeDef node, Constant a, Constant target) {
        int[] shape = new int[target.size()];
        int unknown = -1;
        int known = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = (int) target.values()[i];
            if (shape[i] == -1) {
                unknown = i;
            } else {
                known *= shape[i];
            }
        }
        if (unknown >= 0) {
            shape[unknown] = known == 0 ? 0 : a.size() / known;
            known *= shape[unknown];
        }
        if (known != a.size()) {
            throw GraphOps.refuse(node, "cannot reshape " + a + " to " + java.util.Arrays.toString(shape));
        }
        return new Constant(a.values(), shape);
    }

    static Constant expandDims(NodeDef node, Constant a, int axis) {
        int rank = a.shape().length;
        int at = axis < 0 ? axis + rank + 1 : axis;
        if (at < 0 || at > rank) {
            throw GraphOps.refuse(node, "axis " + axis + " is out of range for " + a);
        }
        int[] shape = new int[rank + 1];
        for (int i = 0, j = 0; i <= rank; i++) {
            shape[i] = i == at ? 1 : a.shape()[j++];
        }
        return new Constant(a.values(), shape);
    }

    /** Drops the dimensions listed in {@code squeeze_dims} (all size-1 dimensions when none are listed). */
    static Constant squeeze(NodeDef node, Constant a) {
        List<Long> dims = node.containsAttr("squeeze_dims") ? node.getAttrOrThrow("squeeze_dims").getList().getIList() : List.of();
        int rank = a.shape().length;
        java.util.List<Integer> keep = new java.util.ArrayList<>();
        for (int i = 0; i < rank; i++) {
            final int d = i;
            boolean listed = dims.stream().anyMatch(x -> (x < 0 ? x + rank : x) == d);
            if (dims.isEmpty() ? a.shape()[i] != 1 : !listed) {
                keep.add(a.shape()[i]);
            } else if (a.shape()[i] != 1) {
                throw GraphOps.refuse(node, "cannot squeeze dimension " + i + " of " + a);
            }
        }
        return new Constant(a.values(), keep.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * {@code StridedSlice} of a 1-D constant with stride 1 (Keras 3 takes the batch size out of a run-time
     * {@code Shape} this way); {@code shrink_axis_mask} 1 gives a scalar.
     */
    static Constant stridedSlice(NodeDef node, Constant a, Constant begin, Constant end, Constant strides) {
        long shrink = mask(node, "shrink_axis_mask");
        if (a.shape().length != 1 || begin.size() != 1 || strides.values()[0] != 1 || mask(node, "ellipsis_mask") != 0
                || mask(node, "new_axis_mask") != 0) {
            throw GraphOps.refuse(node, "only a stride-1 slice of a 1-D constant is supported");
        }
        int n = a.size();
        int from = (mask(node, "begin_mask") & 1) != 0 ? 0 : index((int) begin.values()[0], n);
        int to = (shrink & 1) != 0 ? from + 1 : (mask(node, "end_mask") & 1) != 0 ? n : index((int) end.values()[0], n);
        if (from < 0 || to > n || from >= to) {
            throw GraphOps.refuse(node, "slice [" + from + ", " + to + ") is outside a constant of " + n + " values");
        }
        double[] v = java.util.Arrays.copyOfRange(a.values(), from, to);
        return new Constant(v, (shrink & 1) != 0 ? new int[0] : new int[] {v.length});
    }

    /** {@code Pack} of scalar constants into a vector (axis 0). */
    static Constant pack(NodeDef node, List<Constant> parts) {
        double[] v = new double[parts.size()];
        for (int i = 0; i < v.length; i++) {
            if (parts.get(i).size() != 1) {
                throw GraphOps.refuse(node, "only packing scalars into a vector is supported");
            }
            v[i] = parts.get(i).values()[0];
        }
        return new Constant(v, new int[] {v.length});
    }

    private static int index(int i, int n) {
        return i < 0 ? i + n : i;
    }

    private static long mask(NodeDef node, String attr) {
        var v = node.getAttrMap().get(attr);
        return v == null ? 0 : v.getI();
    }
}
