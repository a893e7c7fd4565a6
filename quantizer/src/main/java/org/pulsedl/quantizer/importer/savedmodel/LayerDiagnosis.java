package org.pulsedl.quantizer.importer.savedmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pulsedl.quantizer.importer.UnsupportedLayers;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Turns a refusal at an internal op into the refusal of the user's layer. A Keras export keeps no layer classes
 * (Keras 3 writes no {@code keras_metadata.pb}), but every op runs in its layer's name scope
 * ({@code model_1/gru_1/range}); the ops of that scope tell the layer's family: a {@code While} loop is a
 * recurrent layer, {@code Conv2DBackpropInput} a transposed convolution, {@code Elu}/{@code Tanh}/… an
 * activation DESIGN §2 does not have, {@code SpaceToBatchND} a dilated convolution. Any other refusal keeps its
 * reason and names the layer and the op.
 */
final class LayerDiagnosis {
    private static final Map<String, String> ACTIVATIONS = Map.of("Elu", "elu", "Selu", "selu", "Tanh", "tanh",
            "Sigmoid", "sigmoid", "Softplus", "softplus", "Softsign", "softsign", "LeakyRelu", "leaky_relu",
            "Softmax", "softmax", "Gelu", "gelu");

    private LayerDiagnosis() {}

    /** The refusal to report for {@code refusal}, given every op of the graph and its functions. */
    static String explain(GraphDef graph, OpRefusal refusal) {
        String scope = layerScope(refusal.opName());
        if (scope == null) {
            return refusal.getMessage();
        }
        List<NodeDef> ops = new ArrayList<>();
        graph.getNodeList().stream().filter(n -> scope.equals(layerScope(n.getName()))).forEach(ops::add);
        graph.getLibrary().getFunctionList().forEach(f -> f.getNodeDefList().stream()
                .filter(n -> scope.equals(layerScope(n.getName()))).forEach(ops::add));
        String layer = "layer '" + scope.replaceFirst("_\\d+$", "") + "' (";
        for (NodeDef n : ops) {
            switch (n.getOp()) {
                case "While", "StatelessWhile", "TensorListReserve" -> {
                    return layer + "a loop over time): " + UnsupportedLayers.RECURRENT;
                }
                case "Conv2DBackpropInput", "Conv3DBackpropInputV2" -> {
                    return layer + "op " + n.getOp() + "): " + UnsupportedLayers.TRANSPOSED;
                }
                case "SpaceToBatchND" -> {
                    return layer + "op " + n.getOp() + "): a dilated convolution is not supported (DESIGN §2: dilation 1)";
                }
                default -> { }
            }
        }
        for (NodeDef n : ops) {
            String act = ACTIVATIONS.get(n.getOp());
            if (act != null) {
                return layer + "op " + n.getOp() + "): activation '" + act
                        + "' is not supported (DESIGN §2 allows linear, relu and relu6)";
            }
        }
        return layer + "op '" + refusal.opName() + "', " + refusal.opType() + "): " + refusal.reason();
    }

    /** {@code model_1/conv1_1/convolution} → {@code conv1_1}; null for an op outside a layer scope. */
    private static String layerScope(String opName) {
        String[] parts = opName.split("/");
        return parts.length >= 3 ? parts[1] : null;
    }
}
