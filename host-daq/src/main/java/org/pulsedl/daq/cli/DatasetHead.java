package org.pulsedl.daq.cli;

import java.util.Arrays;
import org.pulsedl.quantizer.data.Dataset;

/** The first events of a dataset, for {@code --events N} on a file (the file's order, so runs are reproducible). */
final class DatasetHead {
    private DatasetHead() {}

    /** The first {@code n} events of {@code d} with their labels and d's attributes; {@code d} itself if it has no more. */
    static Dataset first(Dataset d, int n) {
        if (n < 0) throw new IllegalArgumentException("--events must be >= 0, got " + n);
        if (n >= d.events()) return d;
        return new Dataset(Arrays.copyOf(d.waveforms(), n), d.labelNames(), Arrays.copyOf(d.labels(), n), d.attributes());
    }
}
