package org.pulsedl.daq.acq;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A uniform sample of at most {@code capacity} values from a stream of any length (reservoir sampling), so a run
 * of hours keeps bounded memory while its statistics stay unbiased. Fixed seed: the same stream gives the same
 * sample. Every value is kept while the stream is shorter than the capacity.
 */
final class Reservoir {
    private final double[] values;
    private final SplittableRandom rnd = new SplittableRandom(0x5EED);
    private long seen;

    Reservoir(int capacity) { values = new double[capacity]; }

    void add(double v) {
        if (seen < values.length) {
            values[(int) seen] = v;
        } else {
            long j = rnd.nextLong(seen + 1);
            if (j < values.length) values[(int) j] = v;
        }
        seen++;
    }

    long seen() { return seen; }

    double[] values() { return Arrays.copyOf(values, (int) Math.min(seen, values.length)); }
}
