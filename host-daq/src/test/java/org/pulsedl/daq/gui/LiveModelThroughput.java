package org.pulsedl.daq.gui;

import java.util.Map;
import java.util.SplittableRandom;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.daq.listmode.ListModeHeader;
import org.pulsedl.protocol.ResultBatch;

/**
 * Benchmark (not a test): how many results per second the GUI's receiving-side work takes on one thread —
 * {@link LiveModel#onResults} (Δt pairing, both live histograms, scope markers) — and how long one refresh's
 * snapshot and fits take ({@link LiveSnapshot#of}). Run: java -cp … org.pulsedl.daq.gui.LiveModelThroughput.
 */
public final class LiveModelThroughput {
    private LiveModelThroughput() {}

    public static void main(String[] args) throws Exception {
        ListModeHeader header = new ListModeHeader(NeuralModel.builtin().quantized(), 8.0, 2, Map.of());
        SplittableRandom rnd = new SplittableRandom(1);
        int n = 80;   // records per RESULT frame, about what the board sends
        ResultBatch[] batches = new ResultBatch[256];
        for (int b = 0; b < batches.length; b++) {
            long[] ts = new long[n];
            int[] ch = new int[n], fl = new int[n], out = new int[2 * n];
            for (int i = 0; i < n; i++) {
                ts[i] = (b * n + i) / 2 * 100L;
                ch[i] = i % 2;
                out[2 * i] = 20_000 + rnd.nextInt(200);
                out[2 * i + 1] = 2_800_000 + rnd.nextInt(20_000);
            }
            batches[b] = new ResultBatch(2, ts, ch, fl, out);
        }
        LiveModel live = new LiveModel(header);
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            long records = 0;
            for (int k = 0; k < 40_000; k++) {
                ResultBatch b = batches[k % batches.length];
                live.onResults(b);
                records += b.size();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            long f0 = System.nanoTime();
            int fits = 20;
            for (int k = 0; k < fits; k++) LiveSnapshot.of(LinkStatus.idle("bench"), live);
            double snapMs = (System.nanoTime() - f0) / 1e6 / fits;
            System.out.printf("round %d: %.2f M results/s into the live model; one snapshot with both fits %.1f ms%n",
                    round, records / s / 1e6, snapMs);
        }
    }
}
