package org.pulsedl.daq.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pulsedl.daq.acq.BoardClient;
import org.pulsedl.daq.acq.DaqRun;
import org.pulsedl.daq.acq.DaqSession;
import org.pulsedl.daq.acq.DaqSummary;
import org.pulsedl.daq.acq.EventAnalysis;
import org.pulsedl.daq.acq.RunLimit;
import org.pulsedl.daq.emulator.EmulatorServer;
import org.pulsedl.daq.link.HostPort;
import org.pulsedl.daq.link.SerialTransport;
import org.pulsedl.daq.link.TcpTransport;
import org.pulsedl.daq.link.Transport;
import org.pulsedl.daq.link.UdpTransport;
import org.pulsedl.daq.listmode.ListModeHeader;
import org.pulsedl.daq.listmode.ListModeWriter;
import org.pulsedl.protocol.ConfigKey;
import org.pulsedl.protocol.ConfigMessage;
import org.pulsedl.protocol.ConfigOperation;
import org.pulsedl.protocol.InfoMessage;
import org.pulsedl.protocol.MessageType;
import org.pulsedl.quantizer.io.AtomicOutput;
import org.pulsedl.quantizer.io.OutputPaths;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pulsedl daq}: headless acquisition into a list-mode file (issue 13; docs/listmode.md). */
@Command(name = "daq", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Acquire results from a board (or the built-in emulator) into a list-mode file, with a live status line "
                + "(rates, losses) and the benchmark's statistics at the end: channel time difference (sigma, Gaussian fit, "
                + "FWHM) and the energy line's resolution.",
                "Every record is accounted for: received intact, or counted lost from the board's STATS and the link's "
                + "sequence numbers."})
public final class DaqCommand implements Callable<Integer> {
    static final int CONNECT_TIMEOUT_MS = 5000;

    @Spec
    CommandSpec spec;

    static final class Source {
        @Option(names = "--serial", paramLabel = "DEV", description = "A serial port (e.g. /dev/ttyUSB1, or the pty pulsedl emulate --pty printed).")
        String serial;

        @Option(names = "--tcp", paramLabel = "HOST:PORT", description = "A board on TCP.")
        String tcp;

        @Option(names = "--udp", paramLabel = "HOST:PORT", description = "A board on UDP.")
        String udp;

        @Option(names = "--emulator", description = "Start the emulator in this process and acquire from it over a TCP socket on 127.0.0.1.")
        boolean emulator;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--baud", paramLabel = "BAUD", defaultValue = "" + SerialTransport.MAX_BAUD,
            description = "Baud rate for --serial. Default: ${DEFAULT-VALUE}.")
    int baud;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "The list-mode file to write.")
    Path out;

    @Option(names = "--duration", paramLabel = "S", description = "Stop after S seconds.")
    Double duration;

    @Option(names = {"-n", "--events"}, paramLabel = "N", description = "Stop once N results arrived.")
    Long events;

    @Option(names = "--json", paramLabel = "SUMMARY", description = "Also write the run's summary as JSON.")
    Path json;

    @Option(names = "--answer-timeout", paramLabel = "S", defaultValue = "" + BoardClient.TIMEOUT_MS / 1000.0,
            description = "Seconds the board may take to answer a command (each is tried 3 times). A simulated SoC "
                    + "(pulsedl sim --pty) needs about 120 to load a model or to drain a long run at STOP. Default: ${DEFAULT-VALUE}.")
    double answerTimeout;

    @Option(names = "--model", paramLabel = "PATH|builtin", defaultValue = "builtin",
            description = "The model the board must run; it is loaded onto the board when the board runs another. Default: the shipped pdl2 model.")
    String model;

    @Mixin
    EmulatorOptions emulator;

    @Mixin
    SimulatorOptions simulator;

    @Override
    public Integer call() throws Exception {
        RunLimit limit = new RunLimit(duration, events);
        if (!(answerTimeout > 0)) throw new IllegalArgumentException("--answer-timeout must be positive, got " + answerTimeout);
        OutputPaths.file("--out", out);
        if (json != null) OutputPaths.file("--json", json);
        QuantizedModel q = ModelInput.resolve(model).quantized();
        PrintWriter status = spec.commandLine().getOut();
        EmulatorServer emu = null;
        try {
            if (source.emulator) {
                emu = EmulatorServer.tcp(new InetSocketAddress("127.0.0.1", 0), emulator.settings(simulator.toConfig()), q, !emulator.unpaced);
                emu.start();
            }
            Transport t = open(emu);
            try (DaqSession session = new DaqSession(t, Math.round(answerTimeout * 1000))) {
                InfoMessage info = DaqRun.prepare(session.client(), q, status);
                if (!source.emulator && (given("--rate") || given("--arrival"))) configureEmulatedBoard(session);
                ListModeHeader header = DaqRun.header(q, info, session.name());
                DaqSummary summary;
                try (ListModeWriter w = ListModeWriter.create(out, header)) {
                    session.acquisition().begin(w, new EventAnalysis(header));
                    summary = new DaqRun(session.client(), session.acquisition(), session::counters, session::linkEnded)
                            .run(limit, status, System.console() != null);
                }
                status.println(summary.describe());
                status.println("wrote " + out);
                status.flush();
                if (json != null) {
                    AtomicOutput.writeString(json, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary.toJson()) + "\n");
                }
                if (summary.linkLost() != null) {
                    throw new IOException(String.format(Locale.ROOT, "the link to the board ended after %.1f s (%s); the %,d "
                            + "results that arrived are in %s%s", summary.durationS(), summary.linkLost(), summary.events(),
                            out, json != null ? ", the summary in " + json : ""));
                }
                if (!summary.boardEnded()) {
                    throw new IOException("the board sent no final STATS within " + DaqRun.FINAL_STATS_MS / 1000
                            + " s of STOP; the records that arrived are in " + out);
                }
            }
        } finally {
            if (emu != null) emu.close();
        }
        return 0;
    }

    private Transport open(EmulatorServer emu) throws IOException {
        if (source.serial != null) return SerialTransport.open(source.serial, baud);
        String where = emu != null ? emu.address() : source.tcp != null ? source.tcp : source.udp;
        InetSocketAddress a = HostPort.parse(where);
        try {
            return source.udp != null ? UdpTransport.connect(a) : TcpTransport.connect(a, CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            throw new IOException("cannot connect to the board at " + (source.udp != null ? "udp " : "tcp ") + where + ": "
                    + (e.getMessage() == null ? "no answer" : e.getMessage()), e);
        }
    }

    /** --rate / --arrival given for an external board: set them by CONFIG (an emulated board has them). */
    private void configureEmulatedBoard(DaqSession session) throws IOException, InterruptedException {
        session.client().command(MessageType.CONFIG, new ConfigMessage(ConfigOperation.SET, List.of(
                new ConfigMessage.Entry(ConfigKey.PULSE_RATE_HZ, (int) Math.min(Integer.MAX_VALUE, Math.round(emulator.rate))),
                new ConfigMessage.Entry(ConfigKey.PULSE_MODE, emulator.arrival() == org.pulsedl.daq.emulator.Arrival.PERIODIC ? 0 : 1))).encode());
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }
}
