package org.pulsedl.daq.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pulsedl.daq.emulator.EmulatorServer;
import org.pulsedl.daq.emulator.EmulatorSettings;
import org.pulsedl.daq.link.HostPort;
import org.pulsedl.daq.link.SerialTransport;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pulsedl emulate}: a software board speaking the host link (issue 13), the default device. */
@Command(name = "emulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a software board that speaks the host link exactly (docs/protocol.md): simulated pulses, results "
                + "from the integer golden model (bit-exact with the hardware), CONFIG, MODEL_LOAD, START/STOP and STATS.",
                "It serves until Ctrl-C; connect with pulsedl daq (or the GUI) to the address it prints."})
public final class EmulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final class Where {
        @Option(names = "--tcp", paramLabel = "HOST:PORT", description = "Listen for one host at a time on TCP, e.g. 127.0.0.1:5000.")
        String tcp;

        @Option(names = "--udp", paramLabel = "HOST:PORT", description = "Listen on UDP; answers the host that wrote last.")
        String udp;

        @Option(names = "--pty", description = "Create a pty pair with socat and print the serial port a host opens.")
        boolean pty;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Where where;

    @Option(names = "--baud", paramLabel = "BAUD", defaultValue = "" + SerialTransport.MAX_BAUD,
            description = "Baud rate of the pty (--pty). Default: ${DEFAULT-VALUE}.")
    int baud;

    @Option(names = "--model", paramLabel = "PATH|builtin", defaultValue = "builtin",
            description = "The model the board starts with (.qmodel or training folder). Default: the shipped pdl2 model.")
    String model;

    @Mixin
    EmulatorOptions emulator;

    @Mixin
    SimulatorOptions simulator;

    @Override
    public Integer call() throws Exception {
        EmulatorSettings s = emulator.settings(simulator.toConfig());
        QuantizedModel q = ModelInput.resolve(model).quantized();
        EmulatorServer server;
        if (where.tcp != null) {
            server = EmulatorServer.tcp(HostPort.parse(where.tcp), s, q, !emulator.unpaced);
        } else if (where.udp != null) {
            server = EmulatorServer.udp(HostPort.parse(where.udp), s, q, !emulator.unpaced);
        } else {
            server = EmulatorServer.pty(Files.createTempDirectory("pulsedl-pty"), baud, s, q, !emulator.unpaced);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }));
        PrintWriter out = spec.commandLine().getOut();
        String kind = where.tcp != null ? "tcp" : where.udp != null ? "udp" : "serial (pty)";
        out.printf(Locale.ROOT, "emulated board on %s %s: model %s, %d channels, %,.0f events/s %s%s; Ctrl-C stops%n", kind,
                server.address(), q.name(), s.sim().channels(), s.rateHz(), s.arrival().name().toLowerCase(Locale.ROOT),
                emulator.unpaced ? " (unpaced)" : "");
        if (where.pty) out.printf("open the serial port %s (e.g. pulsedl daq --serial %s --out run.pdl)%n", server.address(), server.address());
        out.flush();
        server.serve();
        return 0;
    }
}
