package org.pulsedl.daq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Pattern;

/** Runs the real {@code pulsedl} command line in-process and captures what it prints. */
record CliRun(int exitCode, String out, String err) {
    /** What must never reach a user: a Java class or package name, or a stack frame (docs/errors.md). */
    private static final Pattern JAVA_INTERNALS = Pattern.compile("Exception|java\\.|\\tat |\\n\\s+at [\\w$.]+\\(");

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = PulsedlCommand.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = PulsedlCommand.execute(cl, args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Exit code 0 and no Java internals on either stream. */
    CliRun assertSuccess() {
        assertEquals(0, exitCode, this::toString);
        return assertNoJavaInternals();
    }

    /** Neither stream shows a Java class name or a stack trace. */
    CliRun assertNoJavaInternals() {
        assertFalse(JAVA_INTERNALS.matcher(err).find(), () -> "Java internals on stderr\n" + this);
        assertFalse(JAVA_INTERNALS.matcher(out).find(), () -> "Java internals on stdout\n" + this);
        return this;
    }

    /** A user error: exit code 2, one clean line on stderr starting "pulsedl ", holding every fragment. */
    CliRun assertUserError(String... fragments) {
        assertEquals(UserErrorHandler.USER_ERROR, exitCode, this::toString);
        assertOneCleanLine();
        for (String f : fragments) assertTrue(err.contains(f), () -> "stderr lacks '" + f + "'\n" + this);
        return this;
    }

    /** Stderr is exactly one line starting "pulsedl " and shows no Java internals. */
    CliRun assertOneCleanLine() {
        assertNoJavaInternals();
        assertTrue(err.startsWith("pulsedl "), () -> "stderr does not start with 'pulsedl '\n" + this);
        assertEquals(1, err.strip().lines().count(), () -> "stderr is not one line\n" + this);
        return this;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}
