package org.pulsedl.daq.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the stack trace of a failure away from the terminal: writes it, with the command line and the Java
 * and system versions a bug report needs, to a file in the temporary folder, and returns where.
 */
final class InternalErrorLog {
    /** System property naming the folder for the reports; default: {@code java.io.tmpdir}. */
    static final String DIR_PROPERTY = "pulsedl.errorDir";

    private InternalErrorLog() {}

    /** Writes the report; returns its path, or null when it cannot be written (then nothing more can be done). */
    static Path write(Throwable t, String[] args) {
        try {
            Path dir = Path.of(System.getProperty(DIR_PROPERTY, System.getProperty("java.io.tmpdir")));
            Files.createDirectories(dir);
            Path file = Files.createTempFile(dir, "pulsedl-error-", ".txt");
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            String report = "pulsedl " + String.join(" ", args == null ? new String[0] : args) + "\n"
                    + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                    + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB\n\n" + trace;
            Files.writeString(file, report, StandardCharsets.UTF_8);
            return file;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            return null;
        }
    }
}
