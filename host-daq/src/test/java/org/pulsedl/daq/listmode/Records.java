package org.pulsedl.daq.listmode;

import java.util.Map;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.protocol.ResultBatch;

/** Deterministic records for list-mode tests: record j is a function of j alone, so any reader can check it. */
final class Records {
    private Records() {}

    static ListModeHeader header() throws Exception {
        return new ListModeHeader(NeuralModel.builtin().quantized(), 8.0, 2, Map.of("source", "test"));
    }

    /** Records {@code [from, from + n)}. */
    static ResultBatch batch(long from, int n) {
        long[] ts = new long[n];
        int[] ch = new int[n];
        int[] fl = new int[n];
        int[] out = new int[2 * n];
        for (int i = 0; i < n; i++) {
            long j = from + i;
            ts[i] = j * 7 + (j >> 20);
            ch[i] = (int) (j % 2);
            fl[i] = (int) (j % 3);
            out[2 * i] = (int) (j * 3 % 20_000 - 10_000);
            out[2 * i + 1] = (int) (-j % 30_000);
        }
        return new ResultBatch(2, ts, ch, fl, out);
    }

    /** Checks that {@code b} holds records {@code [from, from + b.size())}; returns the first mismatch or null. */
    static String mismatch(ResultBatch b, long from) {
        ResultBatch want = batch(from, b.size());
        for (int i = 0; i < b.size(); i++) {
            if (b.timestamps()[i] != want.timestamps()[i] || b.channels()[i] != want.channels()[i] || b.flags()[i] != want.flags()[i]
                    || b.output(i, 0) != want.output(i, 0) || b.output(i, 1) != want.output(i, 1)) {
                return "record " + (from + i);
            }
        }
        return null;
    }
}
