package org.pulsedl.quantizer.importer.keras;

import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.util.List;
import org.pulsedl.quantizer.model.ModelException;

/** Where a Keras file keeps each layer's weights; two layouts, Keras 3 and legacy {@code .h5}. */
interface WeightStore {
    /** Largest weight array read (values); a pulsedl model layer holds far fewer, a damaged file may declare more. */
    long MAX_VALUES = 1L << 24;

    /** The layer's weight arrays in Keras' order (kernel before bias; gamma, beta, mean, variance), maybe empty. */
    List<Weight> weightsOf(KerasLayer layer);

    /** Reads a float32/float64 dataset as a {@link Weight}. */
    static Weight read(String name, Node node, KerasLayer layer) {
        if (!(node instanceof Dataset ds)) {
            throw layer.refuse("weight '" + name + "' is not an HDF5 dataset");
        }
        long declared = 1;
        for (int d : ds.getDimensions()) {
            if (d < 0 || declared * Math.max(d, 1) > MAX_VALUES) {
                throw layer.refuse("weight '" + name + "' declares shape " + java.util.Arrays.toString(ds.getDimensions())
                        + ", more than " + MAX_VALUES + " values (a damaged file?)");
            }
            declared *= d;
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
        if (values.length != declared) {
            throw layer.refuse("weight '" + name + "' holds " + values.length + " values but its shape "
                    + java.util.Arrays.toString(ds.getDimensions()) + " declares " + declared + " (a damaged file?)");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw layer.refuse("weight '" + name + "' holds a non-finite value (" + values[i] + ") at index " + i);
            }
        }
        return new Weight(name, ds.getDimensions(), values);
    }

    /** The error for a file whose weight layout does not match its config. */
    static ModelException missing(KerasLayer layer, String where) {
        return layer.refuse("no weights found in the file (looked for " + where + ")");
    }
}
