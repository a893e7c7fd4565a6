package org.pulsedl.quantizer.importer.savedmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.pulsedl.quantizer.importer.savedmodel.GraphValue.Activation;
import org.pulsedl.quantizer.importer.savedmodel.GraphValue.Constant;
import org.pulsedl.quantizer.importer.savedmodel.GraphValue.Variable;
import org.pulsedl.quantizer.model.ModelException;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Evaluates the serving signature's output tensor symbolically, from the graph into the (nested) functions
 * that {@code StatefulPartitionedCall} ops call: placeholders become the {@link Activation}, variable handles
 * {@link Variable}s, {@code Const}/{@code ReadVariableOp} and arithmetic on them {@link Constant}s, and every
 * op that touches the activation is handed to the {@link ChainBuilder}, which turns it into IR layers.
 * Only ops the output depends on are visited (depth first, each once), so the layers come out in execution order.
 */
final class GraphOps {
    private final Map<String, NodeDef> graphNodes = new HashMap<>();
    private final Map<String, FunctionDef> functions = new HashMap<>();
    private final String inputNode;
    private final int inputRank;
    private final Function<Variable, Constant> variables;
    private final ChainBuilder chain;

    GraphOps(GraphDef graph, String inputTensor, int inputRank, Function<Variable, Constant> variables, ChainBuilder chain) {
        graph.getNodeList().forEach(n -> graphNodes.put(n.getName(), n));
        graph.getLibrary().getFunctionList().forEach(f -> functions.put(f.getSignature().getName(), f));
        this.inputNode = nodeName(inputTensor);
        this.inputRank = inputRank;
        this.variables = variables;
        this.chain = chain;
    }

    static ModelException refuse(NodeDef node, String reason) {
        return new OpRefusal(node.getName(), node.getOp(), reason);
    }

    /** The value of a graph-level tensor such as {@code StatefulPartitionedCall_1:0}. */
    GraphValue evaluate(String tensor) {
        return new GraphScope().ref(tensor);
    }

    private static String nodeName(String tensor) {
        int colon = tensor.indexOf(':');
        return colon < 0 ? tensor : tensor.substring(0, colon);
    }

    /** Name resolution and memo for one graph or one function body. */
    private abstract class Scope {
        private final Map<String, List<GraphValue>> memo = new HashMap<>();

        abstract GraphValue ref(String ref);

        abstract NodeDef node(String name);

        List<GraphValue> outputs(String name) {
            List<GraphValue> done = memo.get(name);
            if (done == null) {
                NodeDef n = node(name);
                done = eval(this, n);
                memo.put(name, done);
            }
            return done;
        }

        GraphValue output(String name, int index, String ref) {
            List<GraphValue> outs = outputs(name);
            if (index >= outs.size()) {
                throw refuse(node(name), "output " + index + " (read as '" + ref + "') is not supported");
            }
            return outs.get(index);
        }
    }

    /** Graph level: references are {@code node} or {@code node:index}. */
    private final class GraphScope extends Scope {
        @Override
        GraphValue ref(String ref) {
            int colon = ref.indexOf(':');
            return colon < 0 ? output(ref, 0, ref) : output(ref.substring(0, colon), Integer.parseInt(ref.substring(colon + 1)), ref);
        }

        @Override
        NodeDef node(String name) {
            NodeDef n = graphNodes.get(name);
            if (n == null) {
                throw new ModelException("the serving graph refers to a missing node '" + name + "'");
            }
            return n;
        }
    }

    /** Function body: references are an argument name or {@code node:output_arg:index}. */
    private final class FunctionScope extends Scope {
        private final FunctionDef function;
        private final Map<String, NodeDef> nodes = new HashMap<>();
        private final Map<String, GraphValue> args;

        FunctionScope(FunctionDef function, Map<String, GraphValue> args) {
            this.function = function;
            this.args = args;
            function.getNodeDefList().forEach(n -> nodes.put(n.getName(), n));
        }

        @Override
        GraphValue ref(String ref) {
            String[] parts = ref.split(":");
            if (parts.length == 1) {
                GraphValue v = args.get(ref);
                if (v == null) {
                    throw new ModelException("function '" + function.getSignature().getName() + "' refers to a missing argument '" + ref + "'");
                }
                return v;
            }
            return output(parts[0], parts.length == 3 ? Integer.parseInt(parts[2]) : 0, ref);
        }

        @Override
        NodeDef node(String name) {
            NodeDef n = nodes.get(name);
            if (n == null) {
                throw new ModelException("function '" + function.getSignature().getName() + "' refers to a missing node '" + name + "'");
            }
            return n;
        }
    }

    private List<GraphValue> eval(Scope scope, NodeDef n) {
        List<GraphValue> in = new ArrayList<>();
        for (String ref : n.getInputList()) {
            if (!ref.startsWith("^")) { // control dependencies carry no data
                in.add(scope.ref(ref));
            }
        }
        switch (n.getOp()) {
            case "Placeholder" -> {
                if (!(scope instanceof GraphScope) || !n.getName().equals(inputNode)) {
                    throw refuse(n, "a second input: pulsedl imports models with exactly one input");
                }
                return List.of(chain.start(inputRank));
            }
            case "VarHandleOp" -> {
                return List.of(new Variable(n.getName()));
            }
            case "VariableV2" -> { // a reference variable (TF1-style graphs, pulsedl's own export): its value is itself
                return List.of(variables.apply(new Variable(n.getName())));
            }
            case "Const" -> {
                return List.of(Constants.decode(n.getAttrOrThrow("value").getTensor(), n));
            }
            case "ReadVariableOp" -> {
                if (!(in.get(0) instanceof Variable v)) {
                    throw refuse(n, "reads something that is not a variable");
                }
                return List.of(variables.apply(v));
            }
            case "StatefulPartitionedCall", "PartitionedCall" -> {
                return call(n, in);
            }
            case "NoOp" -> {
                return List.of();
            }
            default -> {
                if (in.stream().anyMatch(v -> v instanceof Activation)) {
                    return List.of(chain.apply(n, in));
                }
                return List.of(fold(n, in));
            }
        }
    }

    private List<GraphValue> call(NodeDef n, List<GraphValue> in) {
        String name = n.getAttrOrThrow("f").getFunc().getName();
        FunctionDef f = functions.get(name);
        if (f == null) {
            throw refuse(n, "calls function '" + name + "', which the SavedModel does not define");
        }
        var argDefs = f.getSignature().getInputArgList();
        if (argDefs.size() != in.size()) {
            throw refuse(n, "passes " + in.size() + " arguments to '" + name + "', which takes " + argDefs.size());
        }
        Map<String, GraphValue> args = new HashMap<>();
        for (int i = 0; i < in.size(); i++) {
            args.put(argDefs.get(i).getName(), in.get(i));
        }
        FunctionScope body = new FunctionScope(f, args);
        List<GraphValue> out = new ArrayList<>();
        for (var arg : f.getSignature().getOutputArgList()) {
            out.add(body.ref(f.getRetOrThrow(arg.getName())));
        }
        return out;
    }

    /** Arithmetic on constants only (weights and their Keras-side preprocessing). */
    private static Constant fold(NodeDef n, List<GraphValue> in) {
        List<Constant> c = new ArrayList<>();
        for (GraphValue v : in) {
            if (!(v instanceof Constant k)) {
                throw refuse(n, "has an input that is neither the activation nor a constant");
            }
            c.add(k);
        }
        return switch (n.getOp()) {
            case "Identity", "Snapshot", "StopGradient" -> c.get(0);
            case "Cast" -> c.get(0); // float/int widening: values are doubles already
            case "AddV2", "Add" -> Constants.binary(n, c.get(0), c.get(1), Double::sum);
            case "Sub" -> Constants.binary(n, c.get(0), c.get(1), (a, b) -> a - b);
            case "Mul" -> Constants.binary(n, c.get(0), c.get(1), (a, b) -> a * b);
            case "RealDiv" -> Constants.binary(n, c.get(0), c.get(1), (a, b) -> a / b);
            case "Rsqrt" -> Constants.unary(c.get(0), a -> 1 / Math.sqrt(a));
            case "Sqrt" -> Constants.unary(c.get(0), Math::sqrt);
            case "Neg" -> Constants.unary(c.get(0), a -> -a);
            case "Reshape" -> Constants.reshape(n, c.get(0), c.get(1));
            case "ExpandDims" -> Constants.expandDims(n, c.get(0), (int) c.get(1).values()[0]);
            case "Squeeze" -> Constants.squeeze(n, c.get(0));
            case "StridedSlice" -> Constants.stridedSlice(n, c.get(0), c.get(1), c.get(2), c.get(3));
            case "Pack" -> Constants.pack(n, c);
            default -> throw refuse(n, "is not supported on constants (the SavedModel importer folds Identity, Cast,"
                    + " Add, Sub, Mul, RealDiv, Rsqrt, Sqrt, Neg, Reshape, ExpandDims, Squeeze, StridedSlice, Pack)");
        };
    }
}
