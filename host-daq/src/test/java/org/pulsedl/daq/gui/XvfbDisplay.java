package org.pulsedl.daq.gui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A private X server for a GUI test: {@code Xvfb} on the first free display number from 90 (no socket, no lock
 * file), killed on close. {@link #binary()} is null when Xvfb is not installed (scripts/setup.sh installs it).
 */
final class XvfbDisplay implements AutoCloseable {
    private final Process process;
    private final int number;

    private XvfbDisplay(Process process, int number) {
        this.process = process;
        this.number = number;
    }

    static Path binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, "Xvfb");
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    static XvfbDisplay start(Path xvfb) throws IOException, InterruptedException {
        for (int n = 90; n < 160; n++) {
            Path socket = Path.of("/tmp/.X11-unix/X" + n);
            if (Files.exists(socket) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) continue;
            Process p = new ProcessBuilder(xvfb.toString(), ":" + n, "-screen", "0", "1400x1000x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (p.isAlive() && !Files.exists(socket) && System.nanoTime() < end) Thread.sleep(50);
            if (p.isAlive() && Files.exists(socket)) return new XvfbDisplay(p, n);
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);   // lost a race for this number: try the next
        }
        throw new IOException("no free X display number in :90..:159 for Xvfb");
    }

    String display() { return ":" + number; }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
}
