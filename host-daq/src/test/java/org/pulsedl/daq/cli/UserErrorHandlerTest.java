package org.pulsedl.daq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every kind of failure a command can raise — user errors wrapped by threads and I/O, errors without a message,
 * out of memory, stack overflow, a failed static initialiser, a plain bug — ends as one line on stderr through
 * the real command line, with the right exit code; a bug's stack trace goes to a file, not the terminal.
 */
class UserErrorHandlerTest {
    @TempDir
    Path reports;
    private String previousDir;

    @BeforeEach
    void reportsIntoTheTempDir() {
        previousDir = System.setProperty(InternalErrorLog.DIR_PROPERTY, reports.toString());
    }

    @AfterEach
    void restore() {
        if (previousDir == null) System.clearProperty(InternalErrorLog.DIR_PROPERTY);
        else System.setProperty(InternalErrorLog.DIR_PROPERTY, previousDir);
    }

    /** A subcommand that fails the way it is told to. */
    @CommandLine.Command(name = "fail")
    static final class Fail implements Callable<Integer> {
        @CommandLine.Parameters
        String how;

        @Override
        public Integer call() throws Exception {
            switch (how) {
                case "parallel" -> IntStream.range(0, 64).parallel().forEach(i -> {
                    if (i == 37) throw new IllegalArgumentException("window 37 is empty");
                });
                case "future" -> CompletableFuture.supplyAsync(() -> {
                    throw new IllegalArgumentException("no pulse in the window");
                }).join();
                case "unchecked" -> throw new UncheckedIOException(new MalformedInputException(1));
                case "wrapped" -> throw new IllegalStateException(new java.io.EOFException());
                case "quiet-io" -> throw new IOException();
                case "class-names" -> throw new IllegalArgumentException("java.lang.IllegalArgumentException: bad value");
                case "oom" -> throw new OutOfMemoryError("Java heap space");
                case "recursion" -> recurse(0);
                case "static-init" -> Broken.touch();
                case "bug" -> throw new NullPointerException();
                default -> throw new AssertionError(how);
            }
            return 0;
        }

        private static int recurse(int depth) {
            return recurse(depth + 1) + 1;
        }
    }

    /** A class whose static initialiser fails with a user-level message. */
    static final class Broken {
        static final int VALUE = compute();

        static int compute() {
            throw new IllegalArgumentException("the shipped table is missing");
        }

        static void touch() {
            if (VALUE == 42) throw new AssertionError();
        }
    }

    private static CliRun fail(String how) {
        java.io.StringWriter out = new java.io.StringWriter(), err = new java.io.StringWriter();
        CommandLine cl = PulsedlCommand.newCommandLine().addSubcommand(new Fail());
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.getSubcommands().get("fail").setErr(new java.io.PrintWriter(err, true));
        int code = PulsedlCommand.execute(cl, "fail", how);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Test
    void userErrorsFromWorkerThreadsAreUnwrappedToTheirMessage() {
        assertEquals("pulsedl fail: error: window 37 is empty", fail("parallel").assertUserError().err().strip());
        assertEquals("pulsedl fail: error: no pulse in the window", fail("future").assertUserError().err().strip());
    }

    @Test
    void messagesWithoutMeaningOrWithClassNamesAreRewritten() {
        fail("unchecked").assertUserError("not UTF-8 text");
        fail("wrapped").assertUserError("ends early (truncated file?)");
        fail("quiet-io").assertUserError("input/output error (no details given at");
        assertEquals("pulsedl fail: error: bad value", fail("class-names").assertUserError().err().strip());
    }

    @Test
    void outOfMemorySaysHowToGiveJavaMoreHeap() {
        CliRun r = fail("oom").assertUserError("out of memory", "use fewer events", UserErrorHandler.JAVA_OPTS_VARIABLE + "=-Xmx");
        assertTrue(r.err().matches("(?s).*\\((\\d+\\.\\d GB|\\d+ MB)\\).*"), r::toString);
    }

    @Test
    void stackOverflowIsOneLineWithTheTraceInAFile() throws IOException {
        CliRun r = fail("recursion").assertUserError("nested too deeply", "details in ");
        assertTrue(Files.readString(reportNamedIn(r)).contains("StackOverflowError"), r::toString);
    }

    @Test
    void aFailedStaticInitialiserGivesItsCause() {
        fail("static-init").assertUserError("the shipped table is missing");
    }

    @Test
    void aBugIsAnInternalErrorWithItsStackTraceInAFile() throws IOException {
        CliRun r = fail("bug");
        assertEquals(UserErrorHandler.INTERNAL_ERROR, r.exitCode(), r::toString);
        r.assertOneCleanLine();
        assertTrue(r.err().startsWith("pulsedl fail: internal error (please report): a value was missing at UserErrorHandlerTest.java:"), r::toString);
        String report = Files.readString(reportNamedIn(r));
        assertTrue(report.startsWith("pulsedl fail bug\n"), report);
        assertTrue(report.contains("java.lang.NullPointerException") && report.contains("\tat "), report);
    }

    @Test
    void parseErrorsAreOneLineInTheUsersTerms() {
        CliRun big = CliRun.of("bench", "--events", "1e12").assertUserError("'--events': '1e12' is not a whole number",
                "(see 'pulsedl bench --help')");
        assertTrue(!big.err().contains(" int"), big::toString);
        CliRun.of("bench", "--snr-sweeps", "1:2:1").assertUserError("Unknown option", "did you mean --snr-sweep");
        CliRun.of("simulate", "--snr", "loud", "--out", "x.csv").assertUserError("'loud' is not a number");
        CliRun.of("simulate", "--out", "a\0b.csv").assertUserError("cannot convert", "--out");
        assertEquals("pulsedl convert: error: --in=FILE, --ila=FILE are mutually exclusive (specify only one) "
                + "(see 'pulsedl convert --help')", CliRun.of("convert", "--in", "a.h5", "--ila", "b.csv", "--out", "c.csv")
                .assertUserError().err().strip());
    }

    /**
     * The real launcher path in a child JVM with a small heap: an out-of-memory run ends as the one-line advice,
     * exit code 2, nothing else on stderr.
     */
    @Test
    void outOfMemoryInAChildJvmIsOneLine() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The size check would refuse this run before it starts; skip it to reach a real out-of-memory.
                "-Xmx48m", "-D" + BenchCommand.NO_SIZE_CHECK + "=true", "-Djava.awt.headless=true", "-cp", classPath,
                PulsedlCommand.class.getName(),
                "bench", "--events", "20000000", "--methods", "dcfd"));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM did not end within 120 s");
        String err = new String(p.getErrorStream().readAllBytes()).replaceAll("(?m)^.*\\r", ""); // progress bar redraws
        CliRun r = new CliRun(p.exitValue(), "", err.strip() + "\n");
        r.assertUserError("pulsedl bench: error: out of memory", " MB); use fewer events");
    }

    private static Path reportNamedIn(CliRun r) {
        Matcher m = Pattern.compile("details in (\\S+)").matcher(r.err());
        assertTrue(m.find(), r::toString);
        Path file = Path.of(m.group(1));
        assertTrue(Files.isRegularFile(file) && file.startsWith(new File(System.getProperty(InternalErrorLog.DIR_PROPERTY)).toPath()),
                r::toString);
        return file;
    }
}
