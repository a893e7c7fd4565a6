package org.pulsedl.daq.emulator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.quantizer.golden.fast.FastGoldenModel;

/**
 * Benchmark (not a test): two or more builds of the engine's parts compared in one JVM, so they share the machine's
 * load. Each build's class path gets its own class loader; short slices of CPU time alternate between the builds and
 * each slice's per-window CPU time is paired with its neighbours', which on the shared 2-core machine (load 20–30)
 * gives ratios within ±3 %, where separate runs differ by ±15 %. A build without this class gets it from this build's
 * location (it only uses {@link FastGoldenModel#runFromAdcFlat} and {@link EmulatorWindows#fill}).
 *
 * <p>Run: {@code java -cp host-daq/target/test-classes org.pulsedl.daq.emulator.EngineAb PART ROUNDS SLICE_S
 * NAME CLASSPATH[@TILE] NAME CLASSPATH[@TILE] …}, {@code PART} = {@code model} or {@code simulate}; the class paths
 * are what {@code scripts/bench-link} builds (test-classes, classes and host-daq/BUILD/bench-link.classpath). See
 * docs/performance.d/engine.md.
 */
public final class EngineAb {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final int BLOCKS = 8;

    private static FastGoldenModel model;
    private static EmulatorWindows simulator;
    private static short[][] codes;
    private static long[] out;
    private static int events;
    private static int windows;
    private static long nextBlock = 1000;

    /** Compiles pdl2 (with {@code tile} windows per tile, or the automatic tile for 0) and simulates the blocks. */
    public static void init(int tile) throws Exception {
        EmulatorSettings s = EmulatorSettings.defaults().withThreads(1);
        var q = NeuralModel.builtin().quantized();
        model = tile > 0 ? FastGoldenModel.compile(q, tile) : FastGoldenModel.compile(q);
        simulator = new EmulatorWindows(s.sim());
        events = s.blockEvents();
        windows = events * s.sim().channels();
        codes = new short[BLOCKS][windows * s.sim().samples()];
        for (int b = 0; b < BLOCKS; b++) simulator.fill(b, events, codes[b]);
        out = new long[windows * model.outputSize()];
    }

    /** The golden model on the simulated blocks for about {@code cpuNanos}: CPU nanoseconds per window. */
    public static double model(long cpuNanos) {
        long n = 0;
        long c0 = MX.getCurrentThreadCpuTime();
        long c;
        while ((c = MX.getCurrentThreadCpuTime()) - c0 < cpuNanos) {
            model.runFromAdcFlat(codes[(int) (n / windows % BLOCKS)], 0, windows, out);
            n += windows;
        }
        return (double) (c - c0) / n;
    }

    /** Simulating fresh blocks for about {@code cpuNanos}: CPU nanoseconds per window. */
    public static double simulate(long cpuNanos) {
        long n = 0;
        short[] buffer = new short[codes[0].length];
        long c0 = MX.getCurrentThreadCpuTime();
        long c;
        while ((c = MX.getCurrentThreadCpuTime()) - c0 < cpuNanos) {
            simulator.fill(nextBlock++, events, buffer);
            n += windows;
        }
        return (double) (c - c0) / n;
    }

    public static void main(String[] args) throws Exception {
        String part = args[0];
        int rounds = Integer.parseInt(args[1]);
        long slice = (long) (Double.parseDouble(args[2]) * 1e9);
        int builds = (args.length - 3) / 2;
        URL self = EngineAb.class.getProtectionDomain().getCodeSource().getLocation();
        String[] names = new String[builds];
        Method[] run = new Method[builds];
        for (int i = 0; i < builds; i++) {
            names[i] = args[3 + 2 * i];
            String[] spec = args[4 + 2 * i].split("@");
            List<URL> urls = new ArrayList<>();
            for (String p : spec[0].split(":")) if (!p.isEmpty()) urls.add(Path.of(p).toAbsolutePath().toUri().toURL());
            urls.add(self);
            ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Class<?> c = loader.loadClass(EngineAb.class.getName());
            c.getMethod("init", int.class).invoke(null, spec.length > 1 ? Integer.parseInt(spec[1]) : 0);
            run[i] = c.getMethod(part, long.class);
            for (int w = 0; w < 3; w++) run[i].invoke(null, 1_000_000_000L);   // JIT warm-up, one CPU second each
        }
        double[][] ns = new double[builds][rounds];
        for (int k = 0; k < rounds; k++) {
            for (int i = 0; i < builds; i++) ns[i][k] = (double) run[i].invoke(null, slice);
        }
        for (int i = 0; i < builds; i++) {
            double[] s = ns[i].clone();
            Arrays.sort(s);
            System.out.printf("%-10s %s: median %.0f CPU ns per window (%.0f–%.0f) over %d slices%n",
                    names[i], part, s[rounds / 2], s[0], s[rounds - 1], rounds);
        }
        for (int i = 1; i < builds; i++) {
            double[] r = new double[rounds];
            for (int k = 0; k < rounds; k++) r[k] = ns[0][k] / ns[i][k];
            Arrays.sort(r);
            System.out.printf("%s against %s: %.3f× the speed (median of paired slices, %.3f–%.3f)%n",
                    names[i], names[0], r[rounds / 2], r[0], r[rounds - 1]);
        }
    }
}
