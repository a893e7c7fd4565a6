package org.pulsedl.quantizer.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** Runs a quantizer command in-process as picocli would, but lets its exceptions reach the test. */
public final class CommandCall {
    private CommandCall() {}

    /** Parses {@code args} into {@code command}, calls it and returns what it printed. */
    public static String run(Object command, String... args) throws Exception {
        CommandLine cl = new CommandLine(command);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.parseArgs(args);
        ((Callable<?>) command).call();
        return out.toString();
    }
}
