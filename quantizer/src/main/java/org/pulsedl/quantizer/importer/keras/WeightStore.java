package org.pulsedl.quantizer.importer.keras;

import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.util.List;
import org.pulsedl.quantizer.model.ModelException;

/** Where a Keras file keeps each layer's weights; two layouts, Keras 3 and legacy {@code .h5}. */
interface WeightStore {

    /** The layer's weight arrays in Keras' order (kernel before bias; gamma, beta, mean, variance), maybe empty. */
    List<Weight> weightsOf(KerasLayer layer);

    /** Reads a float32/float64 dataset as a {@link Weight}. */
    static Weight read(String name, Node node, KerasLayer layer) {
        if (!(node instanceof Dataset ds)) {
            throw layer.refuse("weight '" + name + "' is not an HDF5 dataset");
        }
        Object flat = ds.getDataFlat();
        double[] values;
        if (flat instanceof float[] f) {
            values = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                values[i] = f[i];
            }
        } else if (flat instanceof double[] d) {
            values = d;
        } else {
            throw layer.refuse("weight '" + name + "' has element type " + ds.getJavaType().getSimpleName()
                    + " (expected float32 or float64)");
        }
        return new Weight(name, ds.getDimensions(), values);
    }

    /** The error for a file whose weight layout does not match its config. */
    static ModelException missing(KerasLayer layer, String where) {
        return layer.refuse("no weights found in the file (looked for " + where + ")");
    }
}
