package org.pulsedl.quantizer.importer.savedmodel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pulsedl.quantizer.importer.InputNormalisation;
import org.pulsedl.quantizer.importer.UnsupportedLayers;
import org.pulsedl.quantizer.importer.keras.ActivationFusion;
import org.pulsedl.quantizer.importer.savedmodel.GraphValue.Activation;
import org.pulsedl.quantizer.importer.savedmodel.GraphValue.Constant;
import org.pulsedl.quantizer.model.AveragePooling1D;
import org.pulsedl.quantizer.model.BatchNormalization;
import org.pulsedl.quantizer.model.Conv1D;
import org.pulsedl.quantizer.model.Dense;
import org.pulsedl.quantizer.model.Flatten;
import org.pulsedl.quantizer.model.Layer;
import org.pulsedl.quantizer.model.MaxPooling1D;
import org.pulsedl.quantizer.model.ModelException;
import org.pulsedl.quantizer.model.Padding;
import org.pulsedl.quantizer.model.Reshape;
import org.pulsedl.quantizer.model.Shape;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.NodeDef;

/**
 * Turns the ops that act on the activation, in execution order, into IR layers. The patterns are the ones
 * TensorFlow/Keras emit for the DESIGN §2 subset:
 * <ul>
 *   <li>Conv1D: {@code ExpandDims → Conv2D (kernel [1,K,Cin,F], NHWC, strides [1,1,S,1]) → Squeeze}, then the
 *       bias as {@code BiasAdd}/{@code AddV2} of a per-channel constant;</li>
 *   <li>Dense: {@code MatMul} then the bias add; Flatten: {@code Reshape} to {@code [-1, n]};</li>
 *   <li>pooling: {@code ExpandDims → MaxPool/AvgPool (ksize [1,1,P,1]) → Squeeze};</li>
 *   <li>BatchNormalization (inference): {@code Mul} by a per-channel constant, then {@code AddV2} of one —
 *       imported as a BatchNormalization with {@code gamma} = the product, {@code beta} = the shift, mean 0,
 *       variance 1, epsilon 0 (the same function; the original four vectors are not recoverable from the graph);</li>
 *   <li>{@code Relu}/{@code Relu6}: fused like Keras' standalone activations ({@link ActivationFusion});</li>
 *   <li>before the first layer, {@code Sub} then {@code Mul} by per-channel constants: the input normalisation
 *       {@code (adc − baseline) · code_scale} of pulsedl's own SavedModel export ({@link InputNormalisation}).</li>
 * </ul>
 * Any other op on the activation, a second activation tensor (a merge) or a re-read of an older one (a fork)
 * is refused naming the op and its type.
 */
final class ChainBuilder {
    private final List<Layer> layers = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final boolean stripScopeSuffix;
    private Shape shape;
    private int current = -1;
    private int nextId;
    /** Index of a BatchNormalization made from a Mul, which a following Add may still shift; -1 if none. */
    private int openAffine = -1;

    private String modelScope;
    /** The input normalisation {@code (x − baseline) · scale} in front of every layer, when the graph has one. */
    private double[] inputBaseline;
    private double[] inputScale;

    /**
     * @param inputName        the input's name (reserved, so no layer takes it)
     * @param stripScopeSuffix drop the {@code _1} TF appends to re-entered name scopes (Keras 3's export traces
     *                         the model a second time, so {@code conv1} runs in scope {@code conv1_1})
     */
    ChainBuilder(Shape input, String inputName, boolean stripScopeSuffix) {
        this.shape = input;
        this.stripScopeSuffix = stripScopeSuffix;
        names.add(inputName);
    }

    /** The outermost name scope of the layer ops (Keras: the model name), or null. */
    String modelScope() { return modelScope; }

    List<Layer> layers() { return layers; }

    /** The normalisation before the first layer ({@code Sub} then {@code Mul} by per-channel constants), or null. */
    InputNormalisation inputNormalisation() {
        if (inputBaseline == null) {
            return null;
        }
        double[] scale = inputScale;
        if (scale == null) {
            scale = new double[inputBaseline.length];
            Arrays.fill(scale, 1.0);
        }
        return new InputNormalisation(inputBaseline, scale);
    }

    Shape shape() { return shape; }

    boolean isCurrent(GraphValue v) { return v instanceof Activation a && a.id() == current; }

    Activation start(int rank) {
        if (current >= 0) {
            throw new ModelException("the input placeholder is read twice");
        }
        return next(rank);
    }

    private Activation next(int rank) {
        current = nextId++;
        return new Activation(current, rank);
    }

    GraphValue apply(NodeDef n, List<GraphValue> in) {
        Activation x = null;
        Constant c = null;
        int actPosition = -1;
        for (int i = 0; i < in.size(); i++) {
            if (in.get(i) instanceof Activation a) {
                if (x != null) {
                    throw GraphOps.refuse(n, "combines two activation tensors: residual/branching graphs are not"
                            + " supported (pulsedl imports plain chains only)");
                }
                x = a;
                actPosition = i;
            } else if (in.get(i) instanceof Constant k) {
                c = k;
            }
        }
        if (x.id() != current) {
            throw GraphOps.refuse(n, "reads an activation that another op already consumed: branching graphs are"
                    + " not supported (pulsedl imports plain chains only)");
        }
        return switch (n.getOp()) {
            case "Identity", "Snapshot", "StopGradient" -> next(x.rank());
            case "Cast" -> {
                if (!n.getAttrOrThrow("DstT").getType().equals(org.tensorflow.proto.DataType.DT_FLOAT)) {
                    throw GraphOps.refuse(n, "casts the activation to " + n.getAttrOrThrow("DstT").getType());
                }
                yield next(x.rank());
            }
            case "ExpandDims" -> {
                int axis = (int) constant(n, c).values()[0];
                if (x.rank() != 3 || (axis != 1 && axis != -3)) {
                    throw GraphOps.refuse(n, "only [N,L,C] → [N,1,L,C] (axis 1) is supported, got axis " + axis
                            + " on a rank-" + x.rank() + " tensor");
                }
                yield next(4);
            }
            case "Squeeze" -> {
                List<Long> dims = n.getAttrOrThrow("squeeze_dims").getList().getIList();
                if (x.rank() != 4 || dims.size() != 1 || (dims.get(0) != 1 && dims.get(0) != -3)) {
                    throw GraphOps.refuse(n, "only [N,1,L,C] → [N,L,C] is supported, got squeeze_dims " + dims);
                }
                yield next(3);
            }
            case "Shape" -> runTimeShape(x); // read only: the activation stays current for the op that uses the shape
            case "Conv2D" -> conv2d(n, x, constant(n, c), actPosition);
            case "MaxPool", "AvgPool" -> pool(n, x);
            case "BiasAdd", "AddV2", "Add" -> shift(n, x, constant(n, c), 1);
            case "Sub" -> {
                if (actPosition == 0 && layers.isEmpty() && inputBaseline == null) {
                    inputBaseline = perChannel(n, constant(n, c)); // (adc − baseline): pulsedl's own input stage
                    yield next(x.rank());
                }
                if (actPosition != 0) {
                    throw GraphOps.refuse(n, "subtracts the activation from a constant (only activation − constant is supported)");
                }
                yield shift(n, x, constant(n, c), -1);
            }
            case "Mul" -> {
                if (layers.isEmpty() && inputBaseline != null && inputScale == null) {
                    inputScale = perChannel(n, constant(n, c)); // … · code_scale completes the input stage
                    yield next(x.rank());
                }
                yield scale(n, x, constant(n, c));
            }
            case "Relu" -> activation(n, x, org.pulsedl.quantizer.model.Activation.RELU);
            case "Relu6" -> activation(n, x, org.pulsedl.quantizer.model.Activation.RELU6);
            case "Reshape" -> reshape(n, x, constant(n, c));
            case "MatMul" -> matmul(n, x, constant(n, c), actPosition);
            case "SpaceToBatchND", "BatchToSpaceND" -> throw GraphOps.refuse(n, "is not supported on the activation"
                    + " (TensorFlow's form of a dilated convolution; DESIGN §2: dilation 1)");
            default -> throw GraphOps.refuse(n, "is not supported on the activation (the SavedModel importer maps"
                    + " Conv2D, MatMul, BiasAdd/Add/Sub/Mul by per-channel constants, Relu, Relu6, MaxPool, AvgPool,"
                    + " ExpandDims, Squeeze, Reshape and Identity: the DESIGN §2 layer subset)");
        };
    }

    private static Constant constant(NodeDef n, Constant c) {
        if (c == null) {
            throw GraphOps.refuse(n, "needs a constant operand (a weight), but it is computed at run time");
        }
        return c;
    }

    /** Layer name from the op's name scope: {@code model_1/conv1_1/convolution} → {@code conv1}. */
    private String layerName(NodeDef n) {
        String[] parts = n.getName().split("/");
        String name = parts.length >= 3 ? parts[1] : parts[0];
        if (stripScopeSuffix) {
            name = name.replaceFirst("_\\d+$", "");
        }
        if (modelScope == null && parts.length >= 3) {
            modelScope = stripScopeSuffix ? parts[0].replaceFirst("_\\d+$", "") : parts[0];
        }
        String unique = name;
        for (int i = 1; names.contains(unique); i++) {
            unique = name + "_" + i;
        }
        return unique;
    }

    private Activation append(NodeDef n, Layer layer, int rank) {
        try {
            shape = layer.outputShape(shape);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw GraphOps.refuse(n, e.getMessage());
        }
        names.add(layer.name());
        layers.add(layer);
        openAffine = -1;
        return next(rank);
    }

    private static long[] ints(NodeDef n, String attr, long... fallback) {
        AttrValue v = n.getAttrMap().get(attr);
        return v == null ? fallback : v.getList().getIList().stream().mapToLong(Long::longValue).toArray();
    }

    private static String text(NodeDef n, String attr, String fallback) {
        AttrValue v = n.getAttrMap().get(attr);
        return v == null ? fallback : v.getS().toStringUtf8();
    }

    private static Padding padding(NodeDef n) {
        String p = text(n, "padding", "VALID");
        return switch (p) {
            case "VALID" -> Padding.VALID;
            case "SAME" -> Padding.SAME;
            default -> throw GraphOps.refuse(n, "padding " + p + " is not supported (VALID or SAME)");
        };
    }

    /** A 2-D window op on [N,1,L,C] in NHWC with a [1,1,S,1]-style attribute; returns S (resp. the window). */
    private static int widthOf(NodeDef n, String attr) {
        long[] v = ints(n, attr, 1, 1, 1, 1);
        if (v.length != 4 || v[0] != 1 || v[1] != 1 || v[3] != 1) {
            throw GraphOps.refuse(n, attr + " " + Arrays.toString(v) + " is not a 1-D window along the length ([1, 1, w, 1])");
        }
        return (int) v[2];
    }

    private static void requireNhwc(NodeDef n) {
        String format = text(n, "data_format", "NHWC");
        if (!format.equals("NHWC")) {
            throw GraphOps.refuse(n, "data_format " + format + " is not supported (channels_last, NHWC)");
        }
    }

    private Activation conv2d(NodeDef n, Activation x, Constant k, int actPosition) {
        requireNhwc(n);
        long[] dilations = ints(n, "dilations", 1, 1, 1, 1);
        if (Arrays.stream(dilations).anyMatch(d -> d != 1)) {
            throw GraphOps.refuse(n, "dilations " + Arrays.toString(dilations) + " are not supported (DESIGN §2: dilation 1)");
        }
        int[] ks = k.shape();
        if (x.rank() != 4 || actPosition != 0 || ks.length != 4 || ks[0] != 1) {
            throw GraphOps.refuse(n, "only a 1-D convolution on [N,1,L,C] with a [1,K,Cin,F] kernel is supported, got kernel "
                    + Arrays.toString(ks));
        }
        if (ks[2] != shape.channels()) {
            throw GraphOps.refuse(n, "kernel " + Arrays.toString(ks) + " has " + ks[2] + " input channels, the input "
                    + shape + " has " + shape.channels() + " (grouped convolution is not supported)");
        }
        int size = ks[1];
        int cin = ks[2];
        int filters = ks[3];
        double[][][] kernel = new double[size][cin][filters];
        for (int t = 0; t < size; t++) {
            for (int ch = 0; ch < cin; ch++) {
                System.arraycopy(k.values(), (t * cin + ch) * filters, kernel[t][ch], 0, filters);
            }
        }
        Conv1D conv = new Conv1D(layerName(n), filters, size, widthOf(n, "strides"), padding(n),
                org.pulsedl.quantizer.model.Activation.NONE, kernel, new double[filters]);
        return append(n, conv, 4);
    }

    private Activation pool(NodeDef n, Activation x) {
        requireNhwc(n);
        if (x.rank() != 4) {
            throw GraphOps.refuse(n, "only 1-D pooling on [N,1,L,C] is supported");
        }
        int size = widthOf(n, "ksize");
        int stride = widthOf(n, "strides");
        Layer p = n.getOp().equals("MaxPool") ? new MaxPooling1D(layerName(n), size, stride, padding(n))
                : new AveragePooling1D(layerName(n), size, stride, padding(n));
        return append(n, p, 4);
    }

    /** A per-channel vector from a constant of shape [C], [1,C] or [1,1,C] (or a single value, broadcast). */
    private double[] perChannel(NodeDef n, Constant c) {
        int channels = shape.dims()[shape.rank() - 1];
        int[] s = c.shape();
        boolean leadingOnes = s.length == 0 || Arrays.stream(s, 0, s.length - 1).allMatch(d -> d == 1);
        if (c.size() == 1) {
            double[] v = new double[channels];
            Arrays.fill(v, c.values()[0]);
            return v;
        }
        if (!leadingOnes || c.size() != channels) {
            throw GraphOps.refuse(n, "operand " + c + " is not one value per channel of the activation " + shape);
        }
        return c.values();
    }

    /** {@code x + sign·c}: a bias of a linear Conv1D/Dense, or the shift of a BatchNormalization made from a Mul. */
    private Activation shift(NodeDef n, Activation x, Constant c, int sign) {
        double[] v = perChannel(n, c);
        int last = layers.size() - 1;
        Layer prev = last >= 0 ? layers.get(last) : null;
        if (prev instanceof Conv1D conv && conv.activation() == org.pulsedl.quantizer.model.Activation.NONE && x.rank() >= 3) {
            layers.set(last, new Conv1D(conv.name(), conv.filters(), conv.kernelSize(), conv.stride(), conv.padding(),
                    conv.activation(), conv.kernel(), plus(conv.bias(), v, sign)));
        } else if (prev instanceof Dense d && d.activation() == org.pulsedl.quantizer.model.Activation.NONE) {
            layers.set(last, new Dense(d.name(), d.units(), d.activation(), d.weights(), plus(d.bias(), v, sign)));
        } else if (last == openAffine && prev instanceof BatchNormalization bn) {
            layers.set(last, new BatchNormalization(bn.name(), bn.gamma(), plus(bn.beta(), v, sign), bn.movingMean(),
                    bn.movingVariance(), bn.epsilon()));
        } else {
            throw GraphOps.refuse(n, "adds a constant after " + (prev == null ? "the input" : "'" + prev.name() + "' ("
                    + prev.type() + ")") + "; only a bias after Conv2D/MatMul or a batch-norm shift after Mul can be imported");
        }
        return next(x.rank());
    }

    private static double[] plus(double[] a, double[] b, int sign) {
        double[] r = a.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] += sign * b[i];
        }
        return r;
    }

    /** {@code x · c} per channel: inference-mode batch normalisation's multiplier. */
    private Activation scale(NodeDef n, Activation x, Constant c) {
        double[] gamma = perChannel(n, c);
        int ch = gamma.length;
        double[] ones = new double[ch];
        Arrays.fill(ones, 1.0);
        Activation out = append(n, new BatchNormalization(layerName(n), gamma, new double[ch], new double[ch], ones, 0.0), x.rank());
        openAffine = layers.size() - 1;
        return out;
    }

    private Activation activation(NodeDef n, Activation x, org.pulsedl.quantizer.model.Activation act) {
        ActivationFusion.fuse(layers, act, reason -> GraphOps.refuse(n, reason));
        openAffine = -1;
        return next(x.rank());
    }

    /** The activation's shape as TensorFlow's {@code Shape} gives it, with -1 for the batch (Keras 3's dynamic Reshape). */
    private Constant runTimeShape(Activation x) {
        int[] dims = shape.dims();
        double[] v = new double[x.rank()];
        v[0] = -1;
        for (int i = 1; i < v.length; i++) {
            int fromEnd = v.length - i; // [N,1,L,C] (rank 4) has the IR's [L,C] at its end, its extra axis is 1
            v[i] = fromEnd <= dims.length ? dims[dims.length - fromEnd] : 1;
        }
        return new Constant(v, new int[] {v.length});
    }

    private Activation reshape(NodeDef n, Activation x, Constant target) {
        int[] t = Arrays.stream(target.values()).mapToInt(v -> (int) v).toArray();
        // [batch, 1, L, C]: the NHWC form pulsedl's own export gives a window (instead of ExpandDims/Squeeze)
        boolean nhwc = t.length == 4 && t[1] == 1;
        if (t.length >= 4 && !nhwc) {
            throw GraphOps.refuse(n, "reshape to " + Arrays.toString(t) + " makes an image: " + UnsupportedLayers.NOT_1D);
        }
        if (t.length < 2 || (t.length > 3 && !nhwc) || (t[0] != -1 && t[0] < 1)) {
            throw GraphOps.refuse(n, "reshape to " + Arrays.toString(t) + " is not supported ([batch, n], [batch, L, C]"
                    + " or [batch, 1, L, C])");
        }
        int[] dims = Arrays.copyOfRange(t, nhwc ? 2 : 1, t.length);
        int rank = nhwc ? 4 : dims.length + 1;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] == -1) {
                dims[i] = shape.size() / Math.max(1, Arrays.stream(dims).filter(d -> d > 0).reduce(1, (a, b) -> a * b));
            }
        }
        Shape to = new Shape(dims);
        if (to.equals(shape)) {
            return next(rank);
        }
        if (x.rank() >= 3 && to.isFlat()) {
            return append(n, new Flatten(layerName(n)), 2);
        }
        if (!layers.isEmpty()) {
            throw GraphOps.refuse(n, "reshape to " + to + " is only supported at the input (DESIGN §2)");
        }
        return append(n, new Reshape(layerName(n), to), rank);
    }

    private Activation matmul(NodeDef n, Activation x, Constant w, int actPosition) {
        AttrValue ta = n.getAttrMap().get("transpose_a");
        AttrValue tb = n.getAttrMap().get("transpose_b");
        int[] s = w.shape();
        if (x.rank() != 2 || actPosition != 0 || (ta != null && ta.getB()) || s.length != 2) {
            throw GraphOps.refuse(n, "only activation [N, n] × weights [n, units] is supported");
        }
        boolean transposed = tb != null && tb.getB();
        int in = transposed ? s[1] : s[0];
        int units = transposed ? s[0] : s[1];
        double[][] weights = new double[in][units];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < units; j++) {
                weights[i][j] = transposed ? w.values()[j * in + i] : w.values()[i * units + j];
            }
        }
        return append(n, new Dense(layerName(n), units, org.pulsedl.quantizer.model.Activation.NONE, weights, new double[units]), 2);
    }
}
