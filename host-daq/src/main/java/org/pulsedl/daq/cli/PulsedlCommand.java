package org.pulsedl.daq.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import org.pulsedl.quantizer.cli.ConvertCommand;
import org.pulsedl.quantizer.cli.ImportCommand;
import org.pulsedl.quantizer.cli.InspectCommand;
import org.pulsedl.quantizer.cli.QuantizeCommand;
import org.pulsedl.quantizer.cli.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pulsedl} command: aggregates the subcommands of every module (DESIGN §1). */
@Command(name = "pulsedl",
        mixinStandardHelpOptions = true,
        versionProvider = PulsedlCommand.Version.class,
        description = "Neural-network pulse timing and energy on a RISC-V SoC for FPGAs: simulate pulses, benchmark "
                + "estimators against the Cramér–Rao bound, train, import and quantise networks bit-exactly.",
        subcommands = {
                SimulateCommand.class,
                ConvertCommand.class,
                TrainCommand.class,
                QuantizeCommand.class,
                ImportCommand.class,
                InspectCommand.class,
                org.pulsedl.quantizer.cli.PredictCommand.class,
                org.pulsedl.hls.cli.GenerateCommand.class,
                TraceCommand.class,
                BenchCommand.class,
                DemoCommand.class,
                EmulateCommand.class,
                DaqCommand.class,
                ReplayCommand.class,
                ExportCommand.class,
                SimCommand.class,
                GuiCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class PulsedlCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Acted on by the launcher before Java starts (the native library reads its log level when it loads). */
    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Show TensorFlow's own log lines (the ./pulsedl launcher hides them otherwise).")
    boolean verbose;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) ->
                UserErrorHandler.report(failure, "pulsedl", args, new PrintWriter(System.err, true)));
        System.exit(execute(newCommandLine(), args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new PulsedlCommand());
        cl.setParameterExceptionHandler(new ParseErrorHandler());
        cl.setExecutionExceptionHandler(new UserErrorHandler());
        // picocli hands only Exceptions to the handler: pass Errors (out of memory, stack overflow, a failed static
        // initialiser) to it too, wrapped the way picocli wraps the others.
        cl.setExecutionStrategy(parsed -> {
            try {
                return new CommandLine.RunLast().execute(parsed);
            } catch (Error e) {
                throw new CommandLine.ExecutionException(parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1),
                        "", e);
            }
        });
        return cl;
    }

    /**
     * Runs {@code args} on {@code cl} and returns the exit code; whatever escapes picocli's own handlers (a failure
     * while parsing, or inside a handler) still ends as one line on {@code cl}'s stderr.
     */
    public static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (Throwable t) {
            return UserErrorHandler.report(t, "pulsedl", args, cl.getErr());
        }
    }

    /** Reads the version Maven wrote into the jar's resources. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = PulsedlCommand.class.getResourceAsStream("/pulsedl-version.properties")) {
                if (in != null) p.load(in);
            }
            return new String[] {"pulsedl " + p.getProperty("version", "unknown"),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
