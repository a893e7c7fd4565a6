package org.pulsedl.daq.emulator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.quantizer.golden.fast.FastGoldenModel;

/**
 * Benchmark (not a test): the emulator engine's per-window work by part, on the calling thread, timed by that
 * thread's CPU time so that other jobs on the machine distort it little: simulating a block of pdl2 windows
 * ({@link EmulatorWindows#fill}) and the fast golden model on such a block ({@code runFromAdcFlat}). Prints
 * windows per CPU second of each part after a warm-up. Run:
 * {@code scripts/bench-link org.pulsedl.daq.emulator.EnginePartsThroughput [cpu seconds per part] [tile]}.
 */
public final class EnginePartsThroughput {
    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        EmulatorSettings s = EmulatorSettings.defaults().withThreads(1);
        FastGoldenModel model = args.length > 1
                ? FastGoldenModel.compile(NeuralModel.builtin().quantized(), Integer.parseInt(args[1]))
                : FastGoldenModel.compile(NeuralModel.builtin().quantized());
        EmulatorWindows sim = new EmulatorWindows(s.sim());
        int events = s.blockEvents();
        int windows = events * s.sim().channels();
        int blocks = 8;
        short[][] codes = new short[blocks][windows * s.sim().samples()];
        for (int b = 0; b < blocks; b++) sim.fill(b, events, codes[b]);
        long[] out = new long[windows * model.outputSize()];
        for (int round = 0; round < 3; round++) {
            long n = 0;
            long c0 = mx.getCurrentThreadCpuTime();
            long end = c0 + (long) (seconds * 1e9);
            long b = 100;
            while (mx.getCurrentThreadCpuTime() < end) {
                sim.fill(b++, events, codes[(int) (b % blocks)]);
                n += windows;
            }
            double simRate = n / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);
            n = 0;
            c0 = mx.getCurrentThreadCpuTime();
            end = c0 + (long) (seconds * 1e9);
            while (mx.getCurrentThreadCpuTime() < end) {
                model.runFromAdcFlat(codes[(int) (n / windows % blocks)], 0, windows, out);
                n += windows;
            }
            double modelRate = n / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);
            System.out.printf("round %d: simulate %.3f M windows per CPU s (%.0f ns each), golden model %.3f M (%.0f ns each)%n",
                    round, simRate / 1e6, 1e9 / simRate, modelRate / 1e6, 1e9 / modelRate);
        }
    }
}
