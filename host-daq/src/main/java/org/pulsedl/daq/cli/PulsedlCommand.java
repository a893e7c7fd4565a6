package org.pulsedl.daq.cli;

import java.io.IOException;
import java.io.InputStream;
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
                org.pulsedl.hls.cli.GenerateCommand.class,
                TraceCommand.class,
                BenchCommand.class,
                DemoCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class PulsedlCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new PulsedlCommand());
        cl.setExecutionExceptionHandler(new UserErrorHandler());
        return cl;
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
