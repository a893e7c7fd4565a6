package org.pulsedl.daq.emulator;

import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.quantizer.golden.fast.FastGoldenModel;

/**
 * Benchmark (not a test): results per second of {@link EmulatorEngine} with the shipped model, per thread count,
 * in wall time and per CPU second of the whole process (results per core-second: what one core gives, much less
 * distorted than the wall rate when other jobs share the machine).
 * Run: {@code scripts/bench-link org.pulsedl.daq.emulator.EngineThroughput [seconds] [threads…]} (see
 * docs/performance.md, "Board emulator and acquisition").
 */
public final class EngineThroughput {
    private static final long WARM_UP_CPU_NANOS = 4_000_000_000L;

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        FastGoldenModel model = FastGoldenModel.compile(NeuralModel.builtin().quantized());
        int[] threads = new int[Math.max(1, args.length - 1)];
        threads[0] = Runtime.getRuntime().availableProcessors();
        for (int i = 1; i < args.length; i++) threads[i - 1] = Integer.parseInt(args[i]);
        for (int n : threads) {
            EmulatorSettings s = EmulatorSettings.defaults().withThreads(n);
            try (EmulatorEngine engine = new EmulatorEngine(s, model)) {
                // Warm-up by CPU time, not wall time: on a loaded machine a second of wall time may be too little for
                // the JIT, whose threads would then be counted in the measurement's CPU time.
                long warm = processCpuNanos() + WARM_UP_CPU_NANOS;
                while (processCpuNanos() < warm) engine.next();
                long results = 0;
                long cpu0 = processCpuNanos();
                long t0 = System.nanoTime();
                long end = t0 + (long) (seconds * 1e9);
                while (System.nanoTime() < end) results += engine.next().results().size();
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpu = (processCpuNanos() - cpu0) / 1e9;
                System.out.printf("threads %d: %.3f M results/s (%d results in %.1f s); %.3f M results per CPU second (%.1f CPU s)%n",
                        n, results / wall / 1e6, results, wall, results / cpu / 1e6, cpu);
            }
        }
    }
}
