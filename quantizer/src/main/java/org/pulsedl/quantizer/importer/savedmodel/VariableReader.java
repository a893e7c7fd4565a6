package org.pulsedl.quantizer.importer.savedmodel;

import java.util.HashMap;
import java.util.Map;
import org.pulsedl.quantizer.importer.savedmodel.GraphValue.Constant;
import org.pulsedl.quantizer.importer.savedmodel.GraphValue.Variable;
import org.pulsedl.quantizer.model.ModelException;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.types.TFloat32;

/**
 * Reads a resource variable's value through the loaded session: the SavedModel graph holds a
 * {@code <handle>/Read/ReadVariableOp} node for every variable (TF's saver adds them), which is fetched; a
 * reference variable ({@code VariableV2}) is fetched itself.
 */
final class VariableReader {
    private final SavedModelBundle bundle;
    private final Map<String, String> readerOf = new HashMap<>();
    private final Map<String, Constant> cache = new HashMap<>();

    VariableReader(SavedModelBundle bundle, GraphDef graph) {
        this.bundle = bundle;
        for (NodeDef n : graph.getNodeList()) {
            if (n.getOp().equals("ReadVariableOp") && n.getInputCount() == 1) {
                readerOf.putIfAbsent(n.getInput(0), n.getName());
            } else if (n.getOp().equals("VariableV2")) {
                readerOf.put(n.getName(), n.getName()); // a reference variable is fetched as itself
            }
        }
    }

    Constant read(Variable v) {
        return cache.computeIfAbsent(v.handleNode(), this::fetch);
    }

    private Constant fetch(String handle) {
        String reader = readerOf.get(handle);
        if (reader == null) {
            throw new ModelException("variable '" + handle + "' has no ReadVariableOp in the graph, so its value cannot be read");
        }
        try (Result r = bundle.session().runner().fetch(reader).run()) {
            Tensor t = r.get(0);
            if (!(t instanceof TFloat32 f)) {
                throw new ModelException("variable '" + handle + "' is " + t.dataType() + ", not float32");
            }
            float[] values = new float[(int) f.shape().size()];
            f.copyTo(DataBuffers.of(values, false, false));
            double[] d = new double[values.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = values[i];
            }
            long[] dims = f.shape().asArray();
            int[] shape = new int[dims.length];
            for (int i = 0; i < dims.length; i++) {
                shape[i] = (int) dims[i];
            }
            return new Constant(d, shape);
        }
    }
}
