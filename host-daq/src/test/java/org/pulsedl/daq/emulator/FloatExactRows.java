package org.pulsedl.daq.emulator;

import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.golden.GoldenTrace;
import org.pulsedl.quantizer.qmodel.QConv1D;
import org.pulsedl.quantizer.qmodel.QDense;
import org.pulsedl.quantizer.qmodel.QLayer;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/**
 * Analysis main (not a test): per block of 1,024 simulated pdl2 windows (one golden-model tile), how many rows of
 * each Conv1D/Dense layer have {@code |bias| + Σ|w|·max|x| < 2^24} over the block, i.e. could be summed exactly in
 * float arithmetic (docs/performance.d/engine.md, "What would reach 1 M results/s"). Inputs from the reference
 * golden model's trace. Run: {@code scripts/bench-link org.pulsedl.daq.emulator.FloatExactRows}.
 */
public final class FloatExactRows {
    public static void main(String[] a) throws Exception {
        QuantizedModel q = NeuralModel.builtin().quantized();
        GoldenModel g = new GoldenModel(q);
        EmulatorSettings s = EmulatorSettings.defaults();
        EmulatorWindows sim = new EmulatorWindows(s.sim());
        for (int b = 0; b < 3; b++) {
            short[][][] w = sim.block(b, 512);
            int L = q.layers().size();
            long[][] maxAbs = new long[L + 1][];   // per layer: max |input| over the block, per input feature
            for (short[][] win : w) {
                int[] in = g.inputFromAdc(win);
                GoldenTrace tr = g.trace(in, null, null);
                long[] prev = new long[in.length];
                for (int i = 0; i < in.length; i++) prev[i] = in[i];
                for (int l = 0; l < L; l++) {
                    long[] inp = l == 0 ? prev : tr.layers().get(l - 1).values();
                    if (maxAbs[l] == null) maxAbs[l] = new long[inp.length];
                    for (int i = 0; i < inp.length; i++) maxAbs[l][i] = Math.max(maxAbs[l][i], Math.abs(inp[i]));
                }
            }
            StringBuilder sb = new StringBuilder("block " + b + ":");
            for (int l = 0; l < L; l++) {
                QLayer layer = q.layers().get(l);
                int ok = 0, rows = 0;
                if (layer instanceof QConv1D c) {
                    for (int o = 0; o < c.outLength(); o++) for (int f = 0; f < c.filters(); f++) {
                        int start = o * c.stride() - c.padLeft();
                        long sum = Math.abs(c.bias()[f]);
                        for (int k = 0; k < c.kernelSize(); k++) {
                            int p = start + k;
                            if (p < 0 || p >= c.inLength()) continue;
                            for (int ci = 0; ci < c.inChannels(); ci++) {
                                sum += Math.abs((long) c.weights()[f][k * c.inChannels() + ci]) * maxAbs[l][p * c.inChannels() + ci];
                            }
                        }
                        rows++;
                        if (sum < (1 << 24)) ok++;
                    }
                } else if (layer instanceof QDense d) {
                    for (int f = 0; f < d.units(); f++) {
                        long sum = Math.abs(d.bias()[f]);
                        for (int i = 0; i < d.inputs(); i++) sum += Math.abs((long) d.weights()[f][i]) * maxAbs[l][i];
                        rows++;
                        if (sum < (1 << 24)) ok++;
                    }
                } else continue;
                sb.append(String.format(" %s %d/%d", layer.name(), ok, rows));
            }
            System.out.println(sb);
        }
    }
}
