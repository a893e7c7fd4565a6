package org.pulsedl.daq.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Every failure of a command ends as one line on stderr (docs/errors.md), never as a stack trace:
 * <ul>
 *   <li>a user error (bad file, bad option value, data that does not fit the model): {@code pulsedl CMD: error:
 *       MESSAGE}, exit code {@value #USER_ERROR};</li>
 *   <li>out of memory: what was too large and how to give Java more heap, exit code {@value #USER_ERROR};</li>
 *   <li>anything else is a bug: {@code pulsedl CMD: internal error (please report): SHORT; details in FILE}, the
 *       stack trace in FILE, exit code {@value #INTERNAL_ERROR}.</li>
 * </ul>
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
    static final int USER_ERROR = 2;
    static final int INTERNAL_ERROR = 1;
    /** Environment variable the launcher passes to {@code java} (for example {@code -Xmx8g}). */
    static final String JAVA_OPTS_VARIABLE = org.pulsedl.quantizer.data.DatasetSize.JAVA_OPTS_VARIABLE;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        String[] args = parsed == null ? new String[0] : parsed.originalArgs().toArray(new String[0]);
        return report(ex, "pulsedl " + cl.getCommandName(), args, cl.getErr());
    }

    /**
     * Prints the one line for {@code failure} after {@code prefix} (e.g. "pulsedl bench") and returns the exit code.
     * Safe to call with any throwable, including errors thrown outside picocli's execution.
     */
    static int report(Throwable failure, String prefix, String[] args, PrintWriter err) {
        Throwable t = ErrorText.rootOf(failure);
        String line;
        int code = USER_ERROR;
        if (t instanceof OutOfMemoryError) {
            line = prefix + ": error: " + outOfMemory(Runtime.getRuntime().maxMemory());
        } else if (t instanceof StackOverflowError) {
            line = prefix + ": error: the input is nested too deeply to process (the Java stack overflowed)"
                    + details(InternalErrorLog.write(failure, args));
        } else if (isUserError(t)) {
            line = prefix + ": error: " + ErrorText.userMessage(t);
        } else {
            code = INTERNAL_ERROR;
            String message = ErrorText.clean(t.getMessage());
            line = prefix + ": internal error (please report): " + ErrorText.oneLine(ErrorText.describe(t)
                    + (message.isEmpty() ? "" : ": " + message) + ErrorText.where(t))
                    + details(InternalErrorLog.write(failure, args));
        }
        err.println(line);
        err.flush();
        return code;
    }

    /** A failure the user caused and can fix from its message. */
    static boolean isUserError(Throwable t) {
        return t instanceof IllegalArgumentException || t instanceof IOException
                || t instanceof CommandLine.ParameterException
                || t instanceof IllegalStateException && t.getMessage() != null && !t.getMessage().isBlank()
                || t instanceof io.jhdf.exceptions.HdfException;
    }

    /** The out-of-memory advice for a heap of {@code maxHeapBytes}: use less, or give Java twice as much. */
    static String outOfMemory(long maxHeapBytes) {
        double gb = maxHeapBytes / (1024.0 * 1024 * 1024);
        String heap = gb < 1 ? String.format(Locale.ROOT, "%d MB", Math.round(gb * 1024)) : String.format(Locale.ROOT, "%.1f GB", gb);
        long suggest = Math.max(2, (long) Math.ceil(2 * gb));
        return "out of memory: the input or the requested size does not fit in the Java heap (" + heap + "); use fewer "
                + "events or a smaller file, or give Java more memory, e.g. " + JAVA_OPTS_VARIABLE + "=-Xmx" + suggest + "g ./pulsedl …";
    }

    private static String details(Path file) {
        return file == null ? " (the details could not be written to a file)" : "; details in " + file;
    }
}
