package org.pulsedl.quantizer.importer.savedmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.pulsedl.quantizer.importer.UnsupportedLayers;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Turns a refusal at an internal op into the refusal of the user's layer, named as Keras names it:
 * {@code layer 'conv_tanh' (Conv1D): activation 'tanh' is not supported …}, the same words as a {@code .keras}
 * import. A Keras 3 export keeps no layer classes (no {@code keras_metadata.pb}), but every op runs in its layer's
 * name scope ({@code model_1/gru_1/range}), and the ops of that scope tell the class ({@link #kerasClass}): a
 * {@code While} loop with an {@code lstm_cell} scope is an LSTM, {@code Conv2D} behind {@code ExpandDims} a Conv1D,
 * {@code MatMul} a Dense, a lone {@code LeakyRelu} a LeakyReLU layer. The reason is the layer family's (recurrent,
 * transposed, 2-D, dilated, an activation DESIGN §2 does not have), else the refused op's own reason.
 */
final class LayerDiagnosis {
    private static final Map<String, String> ACTIVATIONS = Map.of("Elu", "elu", "Selu", "selu", "Tanh", "tanh",
            "Sigmoid", "sigmoid", "Softplus", "softplus", "Softsign", "softsign", "LeakyRelu", "leaky_relu",
            "Softmax", "softmax", "Gelu", "gelu");
    /** Activation layers of their own (Keras class → the op that gives them away). */
    private static final Map<String, String> ACTIVATION_LAYERS = Map.of("LeakyRelu", "LeakyReLU", "Elu", "ELU",
            "Softmax", "Softmax");

    private LayerDiagnosis() {}

    /** The refusal to report for {@code refusal}, given every op of the graph and its functions. */
    static String explain(GraphDef graph, OpRefusal refusal) {
        String scope = layerScope(refusal.opName());
        if (scope == null) {
            return refusal.getMessage();
        }
        Set<String> ops = new TreeSet<>();
        Set<String> inner = new TreeSet<>();
        List<NodeDef> nodes = new ArrayList<>(graph.getNodeList());
        graph.getLibrary().getFunctionList().forEach(f -> nodes.addAll(f.getNodeDefList()));
        for (NodeDef n : nodes) {
            if (scope.equals(layerScope(n.getName()))) {
                ops.add(n.getOp());
                String[] parts = n.getName().split("/");
                if (parts.length > 3) {
                    inner.add(parts[2]);
                }
            }
        }
        String cls = kerasClass(ops, inner);
        String layer = "layer '" + scope.replaceFirst("_\\d+$", "") + "' (" + cls + "): ";
        String family = UnsupportedLayers.reason(cls);
        if (family != null) {
            return layer + family;
        }
        if (ops.contains("SpaceToBatchND")) {
            return layer + "a dilation_rate other than 1 is not supported (DESIGN §2: dilation 1)";
        }
        for (String op : ops) {
            String act = ACTIVATIONS.get(op);
            if (act == null) {
                continue;
            }
            return layer + (cls.equals(ACTIVATION_LAYERS.get(op))
                    ? "activation layer type " + cls + " is not supported (DESIGN §2 allows linear, relu and relu6)"
                    : "activation '" + act + "' is not supported (DESIGN §2 allows linear, relu and relu6)");
        }
        return layer + refusal.reason();
    }

    /**
     * The Keras class a layer scope's op types (and its inner scopes, e.g. {@code lstm_cell_1}) show, as Keras 3's
     * TensorFlow backend writes them; {@code ExpandDims} marks the 1-D form of a 2-D op.
     */
    static String kerasClass(Set<String> ops, Set<String> inner) {
        boolean oneD = ops.contains("ExpandDims");
        if (ops.contains("While") || ops.contains("StatelessWhile") || ops.contains("TensorListReserve")) {
            for (String[] cell : new String[][] {{"lstm_cell", "LSTM"}, {"gru_cell", "GRU"},
                    {"simple_rnn_cell", "SimpleRNN"}}) {
                if (inner.stream().anyMatch(s -> s.startsWith(cell[0]))) {
                    return cell[1];
                }
            }
            return "RNN";
        }
        if (ops.contains("Conv2DBackpropInput")) {
            return oneD ? "Conv1DTranspose" : "Conv2DTranspose";
        }
        if (ops.contains("Conv3DBackpropInputV2")) {
            return "Conv3DTranspose";
        }
        if (ops.contains("DepthwiseConv2dNative")) {
            return (ops.contains("Conv2D") ? "SeparableConv" : "DepthwiseConv") + (oneD ? "1D" : "2D");
        }
        if (ops.contains("Conv2D")) {
            return oneD ? "Conv1D" : "Conv2D";
        }
        if (ops.contains("Conv3D")) {
            return "Conv3D";
        }
        if (ops.contains("MaxPool")) {
            return oneD ? "MaxPooling1D" : "MaxPooling2D";
        }
        if (ops.contains("AvgPool")) {
            return oneD ? "AveragePooling1D" : "AveragePooling2D";
        }
        if (ops.contains("MatMul") || ops.contains("BatchMatMulV2")) {
            return "Dense";
        }
        if (ops.contains("FusedBatchNormV3") || ops.contains("Rsqrt")) {
            return "BatchNormalization";
        }
        for (Map.Entry<String, String> e : ACTIVATION_LAYERS.entrySet()) {
            if (ops.contains(e.getKey())) {
                return e.getValue();
            }
        }
        if (ops.stream().anyMatch(ACTIVATIONS::containsKey)) {
            return "Activation";
        }
        if (ops.contains("Relu") || ops.contains("Relu6")) {
            return "ReLU";
        }
        if (ops.contains("ConcatV2")) {
            return "Concatenate";
        }
        if (ops.contains("AddV2") || ops.contains("Add")) {
            return "Add";
        }
        if (ops.contains("Mul")) {
            return "Multiply";
        }
        if (ops.contains("Sub")) {
            return "Subtract";
        }
        if (ops.contains("Reshape")) {              // Keras 3's Reshape computes its target shape at run time
            return ops.contains("Pack") ? "Reshape" : "Flatten";
        }
        return "a layer type pulsedl does not know";
    }

    /** {@code model_1/conv1_1/convolution} → {@code conv1_1}; null for an op outside a layer scope. */
    private static String layerScope(String opName) {
        String[] parts = opName.split("/");
        return parts.length >= 3 ? parts[1] : null;
    }
}
