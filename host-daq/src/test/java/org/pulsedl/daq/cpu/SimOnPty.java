package org.pulsedl.daq.cpu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pulsedl.daq.cli.PulsedlCommand;
import org.pulsedl.daq.firmware.FirmwareBuild;
import org.pulsedl.daq.sim.PulseSimulator;
import org.pulsedl.daq.sim.SimulatorConfig;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.data.Hdf5DatasetFormat;

/**
 * The simulated SoC as a user starts it: {@code pulsedl sim --elf FIRMWARE --pty --windows DATASET
 * --windows-events N} in a JVM of its own (the command line, not a shortcut into it), with the pty path taken from
 * its stderr ("pulsedl sim: uart on /dev/pts/N"; everything it prints is echoed to the test's stderr). Closing it
 * ends the command, whose shutdown hook ends the simulator. {@link #pdl2} is the device the SoC tests share: the
 * protocol firmware for simulation fed with seeded pdl2 events.
 */
public final class SimOnPty implements AutoCloseable {
    static final Pattern PTY = Pattern.compile("uart on (\\S+)");

    private final Process process;
    private final String pty;
    private Dataset dataset;

    private SimOnPty(Process process, String pty) {
        this.process = process;
        this.pty = pty;
    }

    /**
     * The simulated SoC running the protocol firmware ({@link FirmwareBuild#socForSimulation}) on {@code events}
     * pdl2 events from {@link PulseSimulator} with {@code seed}, written to {@code dir/pdl2.h5}; its window port
     * takes them in order (event 0 channel 0, event 0 channel 1, ...) from START on.
     */
    public static SimOnPty pdl2(Path dir, long seed, int events) throws Exception {
        Dataset data = PulseSimulator.generate(SimulatorConfig.pdl2().withSeed(seed), events);
        Path file = dir.resolve("pdl2.h5");
        Hdf5DatasetFormat.write(data, file);
        SimOnPty sim = start(FirmwareBuild.socForSimulation(), file, events);
        sim.dataset = data;
        return sim;
    }

    /** The events {@link #pdl2} injects (null after {@link #start}). */
    public Dataset dataset() { return dataset; }

    /** Starts the command; returns once it printed its pty (the Verilator build is done first, in this JVM). */
    public static SimOnPty start(Path elf, Path dataset, int events) throws Exception {
        CpuSimulator.build(CpuSources.root(), CpuSimulator.Target.SOC, System.err);   // a fresh machine builds it once
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Djava.awt.headless=true", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), PulsedlCommand.class.getName(),
                "sim", "--elf", elf.toString(), "--pty", "--windows", dataset.toString(),
                "--windows-events", Integer.toString(events)));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> path = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    System.err.println("[sim] " + line);
                    Matcher m = PTY.matcher(line);
                    if (m.find()) path.complete(m.group(1));
                }
            } catch (IOException ignored) {
                // the command ended
            }
            path.complete(null);
        }, "sim-stderr");
        t.setDaemon(true);
        t.start();
        SimOnPty sim = new SimOnPty(p, null);
        String pty;
        try {
            pty = path.get(180, TimeUnit.SECONDS);
        } catch (Exception e) {
            sim.close();
            throw new IllegalStateException("pulsedl sim printed no pty within 180 s", e);
        }
        if (pty == null) {
            sim.close();
            throw new IllegalStateException("pulsedl sim ended without a pty (exit " + p.exitValue() + ")");
        }
        return new SimOnPty(p, pty);
    }

    /** The pty the command printed: the simulated board's serial port. */
    public String pty() { return pty; }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> simulators = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle h : simulators) {
            if (h.isAlive()) h.destroyForcibly();   // only if the command's own hook did not end it
        }
    }
}
