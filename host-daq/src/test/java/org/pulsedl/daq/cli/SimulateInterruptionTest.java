package org.pulsedl.daq.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.quantizer.data.DatasetIo;
import org.pulsedl.quantizer.io.AtomicOutput;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 8 §2: an interrupted {@code simulate --out existing.csv} destroyed the existing file. A real
 * {@code pulsedl} child process is killed while it writes (once its hidden partial file exists); the previous
 * file must be byte-identical afterwards, no partial may remain after SIGINT, and the partial a SIGKILL leaves
 * behind is swept by the next write of the same file.
 */
class SimulateInterruptionTest {
    /** Far more events than can be written before the kill; the CSV is streamed, so memory stays small. */
    private static final String CSV_EVENTS = "5000000";
    /** Enough events that jhdf's write of the file (the partial's lifetime) lasts long enough to be seen. */
    private static final String HDF5_EVENTS = "150000";
    private static final long PARTIAL_WAIT_MS = 120_000;

    @TempDir
    Path dir;

    @Test
    void sigintDuringCsvWriteKeepsThePreviousFileAndLeavesNoPartial() throws Exception {
        interrupt("existing.csv", CSV_EVENTS, false);
    }

    @Test
    void sigkillDuringCsvWriteKeepsThePreviousFileAndTheNextWriteSweepsThePartial() throws Exception {
        interrupt("existing.csv", CSV_EVENTS, true);
    }

    @Test
    void sigintDuringHdf5WriteKeepsThePreviousFileAndLeavesNoPartial() throws Exception {
        interrupt("existing.h5", HDF5_EVENTS, false);
    }

    @Test
    void sigkillDuringHdf5WriteKeepsThePreviousFileAndTheNextWriteSweepsThePartial() throws Exception {
        interrupt("existing.h5", HDF5_EVENTS, true);
    }

    private void interrupt(String name, String events, boolean sigkill) throws Exception {
        Path target = dir.resolve(name);
        assertEquals(0, CliRun.of("simulate", "--out", target.toString(), "--events", "50", "--seed", "7").exitCode());
        byte[] previous = Files.readAllBytes(target);

        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(javaCommand("simulate", "--out", target.toString(), "--events", events))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            // A CSV is streamed: let it grow to a few megabytes first, so the kill lands in the middle of a large write.
            Path partial = awaitPartial(child, log, name.endsWith(".csv") ? 4 << 20 : 0);
            if (sigkill) {
                child.destroyForcibly();
            } else {
                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).inheritIO().start();
                assertEquals(0, kill.waitFor(), "kill -INT");
            }
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not end after the signal");
            assertArrayEquals(previous, Files.readAllBytes(target), name + ": the previous file changed");
            if (sigkill) {
                assertTrue(Files.exists(partial), "a SIGKILL cannot clean up, so its partial is expected to remain: " + partial);
                assertEquals(0, CliRun.of("simulate", "--out", target.toString(), "--events", "20").exitCode());
                assertEquals(20, DatasetIo.read(target).events());
            }
            assertEquals(List.of(), partials(), "partials left in " + dir);
        } finally {
            child.destroyForcibly();
        }
    }

    /** Waits (bounded) until the child's hidden partial of the target exists and holds {@code minBytes}. */
    private Path awaitPartial(Process child, Path log, long minBytes) throws Exception {
        long deadline = System.currentTimeMillis() + PARTIAL_WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            List<Path> found = partials();
            if (!found.isEmpty() && size(found.get(0)) >= minBytes) return found.get(0);
            if (!child.isAlive()) fail("the child ended (exit " + child.exitValue() + ") before its write was seen:\n" + Files.readString(log));
            Thread.sleep(1);
        }
        fail("no partial file appeared within " + PARTIAL_WAIT_MS + " ms:\n" + Files.readString(log));
        return null;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1; // renamed or deleted meanwhile
        }
    }

    private List<Path> partials() throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.filter(p -> AtomicOutput.isPartialName(p.getFileName().toString())).toList();
        }
    }

    /**
     * The {@code pulsedl} command line as a child JVM on this test's class path. The child starts with SIGINT at
     * its default, as under a user's terminal: a test run started as a background job without job control (a
     * CI script's {@code cmd &}) ignores SIGINT, the child would inherit that, and the JVM then installs no
     * handler — the signal would do nothing and the child would finish its write (seen on a fresh-clone run).
     * GNU env (coreutils ≥ 8.31, Debian 12 has 9.1) resets it before exec.
     */
    private static List<String> javaCommand(String... args) {
        Optional<String> java = ProcessHandle.current().info().command();
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT"));
        command.add(java.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add("-Xmx768m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(PulsedlCommand.class.getName());
        command.addAll(List.of(args));
        return command;
    }
}
