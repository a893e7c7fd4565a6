package org.pulsedl.quantizer.importer.keras;

import java.util.Arrays;

/**
 * One stored weight array of a layer, widened to double.
 *
 * @param name   its name in the file (a path in legacy {@code .h5}, an index in Keras 3's {@code model.weights.h5})
 * @param shape  dimensions
 * @param values row-major (C order) values
 */
record Weight(String name, int[] shape, double[] values) {

    boolean hasShape(int... expected) { return Arrays.equals(shape, expected); }

    /** The last path element of the name, e.g. {@code kernel} for {@code pdl2/conv1/kernel}. */
    String shortName() {
        String n = name.endsWith(":0") ? name.substring(0, name.length() - 2) : name;
        return n.substring(n.lastIndexOf('/') + 1);
    }
}
