package org.pulsedl.daq.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A GUI test's window side in a JVM of its own on the test's X display (AWT reads DISPLAY once, at start-up): runs
 * {@code main} with {@code args}, keeps its output in {@code log} and returns the {@code key=value} lines it printed.
 */
final class GuiChild {
    private GuiChild() {}

    static Map<String, String> run(String display, Class<?> main, Path log, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Djava.awt.headless=false", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("DISPLAY", display);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process child = pb.start();
        if (!child.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the GUI child did not finish within " + timeoutSeconds + " s; its output:\n"
                    + Files.readString(log));
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), "the GUI child failed:\n" + text);
        Map<String, String> r = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.contains(" ")) r.put(line.substring(0, eq), line.substring(eq + 1).trim());
        }
        return r;
    }
}
