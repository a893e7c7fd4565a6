package org.pulsedl.daq.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Turns the exceptions a user can cause (bad files, bad parameters) into one line on stderr and exit
 * code 2 instead of a stack trace. Anything else is a bug and keeps its trace (exit code 1).
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
    static final int USER_ERROR = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        if (t instanceof NoSuchFileException || t instanceof FileNotFoundException) {
            cl.getErr().println("pulsedl " + cl.getCommandName() + ": error: no such file: " + t.getMessage());
            return USER_ERROR;
        }
        if (t instanceof IllegalArgumentException || t instanceof IOException || t instanceof IllegalStateException) {
            cl.getErr().println("pulsedl " + cl.getCommandName() + ": error: " + t.getMessage());
            return USER_ERROR;
        }
        cl.getErr().println("pulsedl " + cl.getCommandName() + ": internal error (please report): " + t);
        t.printStackTrace(cl.getErr());
        return 1;
    }
}
