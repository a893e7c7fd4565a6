package org.pulsedl.daq.acq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.daq.cpu.CpuSimulator;
import org.pulsedl.daq.cpu.CpuSources;
import org.pulsedl.daq.cpu.WindowsFile;
import org.pulsedl.daq.firmware.FirmwareBuild;
import org.pulsedl.daq.link.SerialTransport;
import org.pulsedl.daq.sim.PulseSimulator;
import org.pulsedl.daq.sim.SimulatorConfig;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.protocol.Frame;
import org.pulsedl.protocol.FrameDecoder;
import org.pulsedl.protocol.FrameEncoder;
import org.pulsedl.protocol.FrameFlag;
import org.pulsedl.protocol.InfoMessage;
import org.pulsedl.protocol.MessageType;
import org.pulsedl.protocol.ResultBatch;
import org.pulsedl.protocol.StatsMessage;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.qmodel.QDense;
import org.pulsedl.quantizer.qmodel.QLayer;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * The whole system (issue 12 §5): the SoC firmware runs on {@code pdl_soc} in Verilator ({@code pulsedl sim --elf
 * … --pty --windows …}); Java talks to it through the simulator's pty as a serial port, loads the shipped model
 * with MODEL_LOAD, starts a run while pdl2 windows enter the SoC's window port, decodes the RESULT frames from the
 * UART (built by the SoC's result framer, the firmware's default; its own frames go between them) and checks every result bit-exact against the golden model on the same window's samples; then loads a
 * second model at run time (the shipped model with seeded random weights in its last layer) and checks again.
 * Windows are consumed in file order (the capture gate opens at START and closes at STOP), so result i of the run
 * that began after {@code w} windows belongs to window {@code w + i}. Each record's timestamp must be the capture
 * time the harness logged for that window ({@code --window-log}: cycles since the gate opened, at the first sample of
 * the window's event, so both channels of an event carry one time), stamped by the capture, carried through the
 * accelerator and extended to 64 bits by the firmware.
 */
class FullSystemTest {
    /** Results checked per model; {@code -Dpulsedl.fullsystem.windows=N} for a longer run (docs/soc.md). */
    static final int WINDOWS = Integer.getInteger("pulsedl.fullsystem.windows", 1000);
    /** A simulated board answers thousands of times slower than a real one (docs/performance.md, "Full system"). */
    static final long ANSWER_MS = 600_000;
    static final Pattern PTY = Pattern.compile("uart on (\\S+)");

    @TempDir
    Path dir;

    private final List<ResultBatch> results = new ArrayList<>();
    private final List<StatsMessage> stats = new ArrayList<>();
    private Path windowLog;

    @Test
    @Timeout(value = 3600, unit = TimeUnit.SECONDS)
    void twoModelsOverThePtyBitExact() throws Exception {
        long seed = TestSeed.of("FullSystemTest", 20261205L);
        QuantizedModel shipped = NeuralModel.builtin().quantized();
        QuantizedModel second = withRandomLastLayer(shipped, new SplittableRandom(seed));
        // both runs, and what the capture may pass beyond the first run's count before STOP closes it
        int events = WINDOWS + 600;
        Dataset data = PulseSimulator.generate(SimulatorConfig.pdl2(), events);
        Path windows = dir.resolve("pdl2.windows");
        windowLog = dir.resolve("windows.log");
        WindowsFile.write(data, events, windows);
        short[][] samples = new short[events * data.channels()][];
        for (int e = 0; e < events; e++) {
            for (int c = 0; c < data.channels(); c++) samples[e * data.channels() + c] = data.waveform(e, c);
        }

        Path elf = FirmwareBuild.socForSimulation();
        CpuSimulator sim = CpuSimulator.build(CpuSources.root(), CpuSimulator.Target.SOC, System.err);
        List<String> cmd = new ArrayList<>(sim.command(elf, 1_000_000_000_000L, null, true, windows));
        cmd.addAll(List.of("--window-log", windowLog.toString()));
        Process soc = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String pty = ptyOf(soc);
            try (SerialTransport link = SerialTransport.open(pty, SerialTransport.MAX_BAUD)) {
                BoardClient client = connect(link);
                long t0 = System.nanoTime();
                InfoMessage info = client.info();
                assertEquals(SocModelImage.SOC_BOARD_ID, info.boardId(), "the SoC firmware answers INFO");
                assertEquals(shipped.inputShape().size(), info.windowSamples());

                int first = run(client, shipped, null, 0, samples);
                int secondCount = run(client, second, shipped, first, samples);
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf("FullSystemTest: seed %d, %d + %d results bit-exact over the pty in %.1f s%n",
                        seed, first, secondCount, seconds);
            }
        } finally {
            soc.destroy();
            if (!soc.waitFor(10, TimeUnit.SECONDS)) soc.destroyForcibly();
        }
    }

    /**
     * Loads {@code model} with MODEL_LOAD, runs until {@link #WINDOWS} results arrived, stops, and checks every
     * result of the run against the golden model on windows {@code from, from + 1, …} (and, when {@code before}
     * is given, that most of them differ from what that model would give). Returns the run's count.
     */
    private int run(BoardClient client, QuantizedModel model, QuantizedModel before, int from, short[][] samples)
            throws Exception {
        long loading = System.nanoTime();
        byte[] image = SocModelImage.of(model, AcceleratorConfig.artix7Default());
        client.loadModel(image);
        CRC32 crc = new CRC32();
        crc.update(image);
        InfoMessage info = client.info();
        assertEquals(crc.getValue(), info.modelCrc(), "the board runs the model just loaded");
        synchronized (results) {
            results.clear();
        }
        long loaded = System.nanoTime();
        client.command(MessageType.START);
        long started = System.nanoTime();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3000);
        while (count() < WINDOWS && System.nanoTime() < end) Thread.sleep(20);
        client.command(MessageType.STOP);   // the run's last results precede its ACK
        long stopped = System.nanoTime();
        List<ResultBatch> got;
        synchronized (results) {
            got = new ArrayList<>(results);
        }
        GoldenModel golden = new GoldenModel(model);
        GoldenModel old = before == null ? null : new GoldenModel(before);
        Map<Integer, Long> stamps = injectedStamps();
        int differ = 0;   // results the model loaded before would have computed otherwise
        int index = 0;
        for (ResultBatch b : got) {
            for (int i = 0; i < b.size(); i++, index++) {
                int w = from + index;
                assertTrue(w < samples.length, "more results than windows injected");
                assertEquals(w % 2, b.channels()[i], "channel of result " + index);
                assertEquals((long) stamps.getOrDefault(w, -1L), b.timestamps()[i], "capture timestamp of result " + index + " (window " + w
                        + ")");
                long[] out = new long[b.outputCount()];
                for (int k = 0; k < out.length; k++) out[k] = b.output(i, k);
                assertArrayEquals(golden.runFromAdc(new short[][] {samples[w]}), out,
                        "model " + model.name() + ", result " + index + " (window " + w + ")");
                if (old != null && !Arrays.equals(old.runFromAdc(new short[][] {samples[w]}), out)) differ++;
            }
        }
        assertTrue(index >= WINDOWS, "results of the run: " + index);
        if (old != null) assertTrue(differ > index / 2, "the reloaded model computes: " + differ + " of " + index + " differ");
        // the records' timestamps are the capture clock (SoC cycles since START) at each event's first sample
        ResultBatch last = got.get(got.size() - 1);
        long cycles = last.timestamps()[last.size() - 1];
        double runSeconds = (stopped - started) / 1e9;
        System.out.printf("FullSystemTest: model %s: MODEL_LOAD + INFO %.1f s; run %d results in %.1f s wall, "
                        + "%d SoC cycles to the last window: %.0f cycles/s, %.1f results/s%n", model.name(),
                (loaded - loading) / 1e9, index, runSeconds, cycles, cycles / runSeconds, index / runSeconds);
        StatsMessage s = client.stats();
        assertEquals(0, s.droppedEvents(), "no window lost");
        assertEquals(index, s.results(), "the board counts what arrived");
        return index;
    }

    /** The harness's window log: window index to the capture timestamp it was injected with. */
    private Map<Integer, Long> injectedStamps() throws IOException {
        Map<Integer, Long> stamps = new HashMap<>();
        for (String line : Files.readAllLines(windowLog)) {
            String[] f = line.trim().split(" ");
            if (f.length == 2) stamps.put(Integer.parseInt(f[0]), Long.parseLong(f[1]));
        }
        return stamps;
    }

    private int count() {
        synchronized (results) {
            return results.stream().mapToInt(ResultBatch::size).sum();
        }
    }

    private BoardClient connect(SerialTransport link) {
        FrameEncoder encoder = new FrameEncoder();
        BoardClient[] client = new BoardClient[1];
        FrameDecoder decoder = new FrameDecoder(f -> onFrame(f, client[0]));
        client[0] = new BoardClient((type, flags, payload) -> {
            synchronized (encoder) {
                long seq = encoder.nextSequence();
                byte[] frame = encoder.encode(type, flags, payload);
                link.send(frame, 0, frame.length);
                return seq;
            }
        }, ANSWER_MS);
        Thread reader = new Thread(() -> {
            while (link.receive(decoder, 50) >= 0) {
                // frames go to onFrame; the thread ends with the test's JVM (daemon)
            }
        }, "soc-uart-reader");
        reader.setDaemon(true);
        reader.start();
        return client[0];
    }

    private void onFrame(Frame f, BoardClient client) {
        MessageType t = f.messageType();
        if (t == MessageType.RESULT) {
            synchronized (results) {
                results.add(ResultBatch.decode(f.payload()));
            }
        } else if (t == MessageType.ACK || t == MessageType.NACK || f.has(FrameFlag.REPLY)) {
            client.onReply(f);
        }
    }

    /** The simulator's pty, from its first stderr line ("pulsedl sim: uart on /dev/pts/N"); the rest is echoed. */
    private static String ptyOf(Process soc) throws Exception {
        BufferedReader err = new BufferedReader(new InputStreamReader(soc.getErrorStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> path = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                for (String line; (line = err.readLine()) != null; ) {
                    System.err.println(line);
                    Matcher m = PTY.matcher(line);
                    if (m.find()) path.complete(m.group(1));
                }
            } catch (IOException ignored) {
                // the simulator ended
            }
            path.complete(null);
        }, "soc-stderr");
        t.setDaemon(true);
        t.start();
        String p = path.get(120, TimeUnit.SECONDS);
        assertTrue(p != null, "the simulator printed its pty");
        return p;
    }

    /** {@code model} with seeded random weights in its last dense layer: another model the accelerator accepts. */
    static QuantizedModel withRandomLastLayer(QuantizedModel model, SplittableRandom random) {
        List<QLayer> layers = new ArrayList<>(model.layers());
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i) instanceof QDense d) {
                byte[][] w = new byte[d.units()][d.inputs()];
                for (byte[] row : w) {
                    for (int j = 0; j < row.length; j++) row[j] = (byte) random.nextInt(-127, 128);
                }
                layers.set(i, new QDense(d.name(), d.inputs(), d.units(), d.activation(), d.input(), w,
                        d.weightScales(), d.bias(), d.requant()));
                break;
            }
        }
        return new QuantizedModel(model.name() + "-random-last", model.inputShape(), model.input(),
                model.inputStage(), layers, model.rounding(), model.mBits(), model.outputs(), model.metadata());
    }
}
