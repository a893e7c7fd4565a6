package org.pulsedl.daq.gui;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.pulsedl.daq.acq.BoardClient;
import org.pulsedl.daq.acq.DaqRun;
import org.pulsedl.daq.acq.DaqSession;
import org.pulsedl.daq.acq.EventAnalysis;
import org.pulsedl.daq.emulator.EmulatorServer;
import org.pulsedl.daq.emulator.EmulatorSettings;
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
import org.pulsedl.protocol.LinkCounters;
import org.pulsedl.protocol.MessageType;
import org.pulsedl.protocol.StatsMessage;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/**
 * The GUI's connection to one board, on the same {@link DaqSession} and {@link BoardClient} as {@code pulsedl daq}:
 * it checks and loads the model, asks for waveforms, starts and stops the board, records to list mode and counts
 * losses. Every command to the board runs on one control thread, in order (the client's replies are matched one
 * conversation at a time), never on the event thread; results reach the {@link LiveModel} on the receiving thread.
 */
public final class BoardConnection implements LiveSource {
    static final int CONNECT_TIMEOUT_MS = 5000;

    private final ConnectTarget target;
    private final EmulatorServer emulator;
    private final DaqSession session;
    private final LiveModel live;
    private final Consumer<String> log;
    private final ExecutorService control = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "board-control");
        t.setDaemon(true);
        return t;
    });
    private final RateMeter rate = new RateMeter();
    private volatile ListModeHeader header;
    private volatile boolean running;
    private volatile long recordsAtStart;
    private volatile ListModeWriter writer;
    private volatile Path recording;
    private volatile boolean endReported;

    private BoardConnection(ConnectTarget target, EmulatorServer emulator, DaqSession session, LiveModel live, Consumer<String> log) {
        this.target = target;
        this.emulator = emulator;
        this.session = session;
        this.live = live;
        this.log = log;
    }

    /**
     * Connects to {@code target}, makes the board run {@code model} (loading it when the board runs another), asks
     * for every {@code prescale}-th waveform and points the board's results at {@code live}. Blocks: call it off
     * the event thread.
     */
    public static BoardConnection open(ConnectTarget target, QuantizedModel model, int prescale, LiveModel live, Consumer<String> log)
            throws IOException, InterruptedException {
        EmulatorServer emu = null;
        try {
            if (target.kind() == ConnectTarget.Kind.EMULATOR) {
                emu = EmulatorServer.tcp(new InetSocketAddress("127.0.0.1", 0), EmulatorSettings.defaults(), model, true);
                emu.start();
            }
            boolean soc = target.kind() == ConnectTarget.Kind.SIMULATED_SOC;
            DaqSession session = new DaqSession(transport(target, emu), soc ? SimulatedSoc.ANSWER_MS : BoardClient.TIMEOUT_MS);
            BoardConnection c = new BoardConnection(target, emu, session, live, log);
            try {
                c.prepare(model, prescale);
            } catch (IOException | InterruptedException | RuntimeException e) {
                c.close();
                throw e;
            }
            return c;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (emu != null) emu.close();
            throw e;
        }
    }

    private static Transport transport(ConnectTarget t, EmulatorServer emu) throws IOException {
        switch (t.kind()) {
            case SERIAL, SIMULATED_SOC:
                return SerialTransport.open(t.where(), t.baud());
            default:
                String where = emu != null ? emu.address() : t.where();
                try {
                    InetSocketAddress a = HostPort.parse(where);
                    return t.kind() == ConnectTarget.Kind.UDP ? UdpTransport.connect(a) : TcpTransport.connect(a, CONNECT_TIMEOUT_MS);
                } catch (IOException e) {
                    throw new IOException("cannot connect to the board at " + t.text() + ": "
                            + (e.getMessage() == null ? "no answer" : e.getMessage()), e);
                }
        }
    }

    private void prepare(QuantizedModel model, int prescale) throws IOException, InterruptedException {
        BoardClient client = session.client();
        InfoMessage info = DaqRun.prepare(client, model, logWriter());
        header = DaqRun.header(model, info, session.name());
        client.command(MessageType.CONFIG, new ConfigMessage(ConfigOperation.SET,
                List.of(new ConfigMessage.Entry(ConfigKey.WAVEFORM_PRESCALE, Math.max(0, prescale)))).encode());
        live.reset(header);
        session.acquisition().tap(live);
        session.acquisition().begin(null, new EventAnalysis(header));
        log.accept(String.format("connected to %s: model %s, %d channels, %,d Hz ADC clock", session.name(), model.name(),
                info.channels(), info.adcClockHz()));
    }

    /** What the board is connected as, e.g. {@code tcp 127.0.0.1:5000}. */
    public String name() { return session.name(); }

    public ConnectTarget target() { return target; }

    public boolean running() { return running; }

    public Path recording() { return recording; }

    /** START: the board restarts its timestamps and counters; the views start afresh. */
    public CompletableFuture<Void> start() {
        return run(() -> {
            if (running) return;
            live.reset(header);
            recordsAtStart = session.acquisition().records();
            session.client().command(MessageType.START);
            running = true;
        });
    }

    public CompletableFuture<Void> stop() {
        return run(() -> {
            if (!running) return;
            session.client().command(MessageType.STOP);
            running = false;
        });
    }

    /** Loads {@code model} onto the board (stopping it first); the views start afresh with its scales. */
    public CompletableFuture<Void> loadModel(QuantizedModel model) {
        return run(() -> {
            boolean was = running;
            if (running) session.client().command(MessageType.STOP);
            running = false;
            closeRecording();
            InfoMessage info = DaqRun.prepare(session.client(), model, logWriter());
            header = DaqRun.header(model, info, session.name());
            live.reset(header);
            session.acquisition().begin(null, new EventAnalysis(header));
            log.accept("model " + model.name() + " is active on the board" + (was ? "; press Start to acquire again" : ""));
        });
    }

    /** Writes every result from now on into the list-mode file {@code file}. */
    public CompletableFuture<Void> startRecording(Path file) {
        return run(() -> {
            closeRecording();
            ListModeWriter w = ListModeWriter.create(file, header);
            writer = w;
            recording = file;
            session.acquisition().begin(w, new EventAnalysis(header));
            log.accept("recording to " + file);
        });
    }

    public CompletableFuture<Void> stopRecording() { return run(this::closeRecording); }

    private void closeRecording() throws IOException {
        ListModeWriter w = writer;
        if (w == null) return;
        session.acquisition().begin(null, new EventAnalysis(header));
        writer = null;
        Path f = recording;
        recording = null;
        w.close();
        log.accept(String.format("wrote %,d results to %s", w.records(), f));
    }

    @Override
    public LinkStatus status() {
        var acq = session.acquisition();
        LinkCounters c = session.counters();
        acq.noteMissingFrames(c.missingFrames());
        try {
            acq.flush();
        } catch (IOException e) {
            log.accept("recording failed: " + e.getMessage());
        }
        String ended = session.linkEnded();
        if (ended != null && !endReported) {
            endReported = true;   // once, not at every refresh
            log.accept("the link ended: " + ended + (recording != null
                    ? "; the recording holds what arrived (stop recording to close it)" : ""));
        }
        long records = Math.max(0, acq.records() - recordsAtStart);
        StatsMessage board = acq.lastStats();
        long lost = board == null || !running ? 0 : Math.max(0, board.results() - records);
        return new LinkStatus(session.name(), rate.update(records, System.nanoTime()), records, lost, c.crcErrors(),
                c.sequenceGaps(), acq.waveforms(), recording == null ? null : recording.toString());
    }

    private interface BoardAction {
        void run() throws IOException, InterruptedException;
    }

    private CompletableFuture<Void> run(BoardAction a) {
        return CompletableFuture.runAsync(() -> {
            try {
                a.run();
            } catch (IOException | InterruptedException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, control);
    }

    private PrintWriter logWriter() {
        return new PrintWriter(new Writer() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public void write(char[] b, int off, int len) {
                for (int i = off; i < off + len; i++) {
                    if (b[i] == '\n') {
                        log.accept(line.toString());
                        line.setLength(0);
                    } else {
                        line.append(b[i]);
                    }
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        }, true);
    }

    /** Stops the board and the recording and closes the link (and the built-in emulator). */
    @Override
    public void close() {
        try {
            run(() -> {
                if (running) session.client().command(MessageType.STOP);
                running = false;
                closeRecording();
            }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            log.accept("closing: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
        control.shutdownNow();
        try {
            session.close();
            if (emulator != null) emulator.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
