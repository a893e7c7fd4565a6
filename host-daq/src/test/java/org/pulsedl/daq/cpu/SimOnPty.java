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

/**
 * The simulated SoC as a user starts it: {@code pulsedl sim --elf FIRMWARE --pty --windows DATASET
 * --windows-events N} in a JVM of its own (the command line, not a shortcut into it), with the pty path taken from
 * its stderr ("pulsedl sim: uart on /dev/pts/N"; everything it prints is echoed to the test's stderr). Closing it
 * ends the command, whose shutdown hook ends the simulator.
 */
public final class SimOnPty implements AutoCloseable {
    static final Pattern PTY = Pattern.compile("uart on (\\S+)");

    private final Process process;
    private final String pty;

    private SimOnPty(Process process, String pty) {
        this.process = process;
        this.pty = pty;
    }

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
