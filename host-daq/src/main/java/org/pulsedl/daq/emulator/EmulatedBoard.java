package org.pulsedl.daq.emulator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.pulsedl.daq.listmode.ListModeHeader;
import org.pulsedl.protocol.AckMessage;
import org.pulsedl.protocol.Coded;
import org.pulsedl.protocol.ConfigKey;
import org.pulsedl.protocol.ConfigMessage;
import org.pulsedl.protocol.ConfigOperation;
import org.pulsedl.protocol.EventFlag;
import org.pulsedl.protocol.Frame;
import org.pulsedl.protocol.FrameEncoder;
import org.pulsedl.protocol.FrameFlag;
import org.pulsedl.protocol.FrameHeader;
import org.pulsedl.protocol.FrameListener;
import org.pulsedl.protocol.InfoMessage;
import org.pulsedl.protocol.MessageType;
import org.pulsedl.protocol.ModelLoadMessage;
import org.pulsedl.protocol.NackReason;
import org.pulsedl.protocol.PayloadException;
import org.pulsedl.protocol.ResultBatch;
import org.pulsedl.protocol.ResultBatchWriter;
import org.pulsedl.protocol.StatsMessage;
import org.pulsedl.protocol.WaveformMessage;
import org.pulsedl.quantizer.golden.fast.FastGoldenModel;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/**
 * A software board speaking the host link exactly (DESIGN §5; issue 13 "Board emulator"). Frames from the host
 * arrive on the transport's thread ({@link #onFrame}); while running, a data thread turns {@link EmulatorEngine}
 * blocks into RESULT frames (and WAVEFORM frames when asked), paced to the events' timestamps unless unpaced, and
 * sends STATS periodically and once after STOP. Every frame goes through one encoder under one lock, so the
 * board's sequence numbers are gap-free in wire order.
 */
public final class EmulatedBoard implements FrameListener, AutoCloseable {
    static final long FIRMWARE_VERSION = 1 << 16;

    private final EmulatorSettings base;
    private final boolean paced;
    private final FrameOutput out;
    private final FrameEncoder encoder = new FrameEncoder();
    private final ByteBuffer frame = ByteBuffer.allocate(FrameHeader.SIZE + FrameHeader.MAX_PAYLOAD + FrameHeader.CRC_SIZE);
    private final BoardConfig config;
    private volatile FastGoldenModel model;
    private volatile long modelCrc;
    private ModelImageLoad load;
    private Thread dataThread;
    private volatile boolean running;
    private volatile Frame pendingStop;
    private volatile long startNanos;
    // Counters since START (STATS); written by the data thread, or the receive thread for nacks.
    private volatile long triggers, results, waveforms, nacks, lastTick;

    /**
     * @param paced false: send as fast as the link takes the frames (timestamps still follow the configured rate)
     */
    public EmulatedBoard(EmulatorSettings settings, QuantizedModel model, boolean paced, FrameOutput out) {
        FastGoldenModel fast = FastGoldenModel.compile(model);
        EmulatorEngine.checkModel(fast, settings);
        this.base = settings;
        this.paced = paced;
        this.out = out;
        this.model = fast;
        this.modelCrc = new ListModeHeader(model, settings.tickNs(), settings.sim().channels(), java.util.Map.of()).modelCrc();
        this.config = new BoardConfig(settings, fast.outputSize());
    }

    public boolean running() { return running; }

    /** What INFO answers. */
    public InfoMessage info() {
        var sim = base.sim();
        return new InfoMessage(1, sim.channels(), sim.adcBits(), model.outputSize(), Math.round(base.clockHz()), sim.samples(),
                FrameHeader.MAX_PAYLOAD, FIRMWARE_VERSION, modelCrc, 0x454D55);
    }

    @Override
    public synchronized void onFrame(Frame f) {
        try {
            MessageType type = f.messageType();
            if (type == null) {
                refuse(f, NackReason.UNKNOWN_TYPE, f.type());
                return;
            }
            switch (type) {
                case INFO -> { if (f.has(FrameFlag.REQUEST)) reply(MessageType.INFO, info().encode()); }
                case STATS -> { if (f.has(FrameFlag.REQUEST)) reply(MessageType.STATS, stats().encode()); }
                case CONFIG -> config(f, ConfigMessage.decode(f.payload()));
                case MODEL_LOAD -> modelLoad(f, ModelLoadMessage.decode(f.payload()));
                case START -> start(f);
                case STOP -> stop(f);
                case ACK, NACK -> { }
                default -> refuse(f, NackReason.UNKNOWN_TYPE, f.type());
            }
        } catch (PayloadException bad) {
            refuse(f, NackReason.BAD_PAYLOAD, f.payload().length);
        } catch (ModelImageLoad.Refused r) {
            refuse(f, r.reason, r.detail);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void config(Frame f, ConfigMessage m) throws ModelImageLoad.Refused {
        if (m.operation() == ConfigOperation.GET) {
            List<ConfigMessage.Entry> entries = new ArrayList<>();
            if (m.entries().isEmpty()) {
                config.all().forEach((k, v) -> entries.add(new ConfigMessage.Entry(k, v)));
            } else {
                for (ConfigMessage.Entry e : m.entries()) {
                    ConfigKey k = Coded.of(ConfigKey.class, e.key());
                    if (k == null) throw new ModelImageLoad.Refused(NackReason.UNKNOWN_KEY, e.key(), "key");
                    entries.add(new ConfigMessage.Entry(k, config.get(k)));
                }
            }
            reply(MessageType.CONFIG, new ConfigMessage(ConfigOperation.VALUES, entries).encode());
            return;
        }
        if (m.operation() != ConfigOperation.SET) throw new ModelImageLoad.Refused(NackReason.BAD_PAYLOAD, 0, "operation");
        if (running) throw new ModelImageLoad.Refused(NackReason.BAD_STATE, 0, "CONFIG SET while running");
        for (ConfigMessage.Entry e : m.entries()) {
            ConfigKey k = Coded.of(ConfigKey.class, e.key());
            if (k == null) throw new ModelImageLoad.Refused(NackReason.UNKNOWN_KEY, e.key(), "key");
            config.set(k, e.value());
        }
        accept(f);
    }

    private void modelLoad(Frame f, ModelLoadMessage m) throws ModelImageLoad.Refused {
        if (running) throw new ModelImageLoad.Refused(NackReason.BAD_STATE, 0, "MODEL_LOAD while running");
        switch (m.phase()) {
            case BEGIN -> load = ModelImageLoad.begin(m);
            case CHUNK -> {
                if (load == null) throw new ModelImageLoad.Refused(NackReason.BAD_STATE, 0, "CHUNK without BEGIN");
                load.chunk(m);
            }
            case COMMIT -> {
                if (load == null) throw new ModelImageLoad.Refused(NackReason.BAD_STATE, 0, "COMMIT without BEGIN");
                ModelImageLoad l = load;
                load = null;            // a refused COMMIT ends the load; the running model stays
                QuantizedModel q = l.commit();
                FastGoldenModel fast = FastGoldenModel.compile(q);
                try {
                    EmulatorEngine.checkModel(fast, base);
                } catch (IllegalArgumentException unfit) {
                    throw new ModelImageLoad.Refused(NackReason.BAD_IMAGE, 0, unfit.getMessage());
                }
                model = fast;
                modelCrc = m.imageCrc();
            }
            case ABORT -> load = null;
        }
        accept(f);
    }

    private void start(Frame f) throws ModelImageLoad.Refused, InterruptedException {
        if (running) throw new ModelImageLoad.Refused(NackReason.BAD_STATE, 0, "START while running");
        Thread previous = dataThread;
        if (previous != null) previous.join();   // the last run's final frames go out first
        triggers = results = waveforms = nacks = lastTick = 0;
        EmulatorSettings s = config.apply(base);
        FastGoldenModel m = model;
        running = true;
        startNanos = System.nanoTime();
        accept(f);
        dataThread = new Thread(() -> run(s, m), "emulator-data");
        dataThread.setDaemon(true);
        dataThread.start();
    }

    /**
     * STOP: the data thread sends its last results, then the ACK of the STOP, then the final STATS — so a host knows
     * that every result precedes the ACK and that the first STATS after the ACK is the last word.
     */
    private void stop(Frame f) {
        Thread t = dataThread;
        if (!running && (t == null || !t.isAlive())) {
            accept(f);
            sendQuietly(MessageType.STATS, 0, stats().encode());
            return;
        }
        pendingStop = f;
        running = false;
    }

    /** The data thread: blocks → RESULT (and WAVEFORM) frames until STOP, then the rest and a final STATS. */
    private void run(EmulatorSettings s, FastGoldenModel m) {
        int mask = config.get(ConfigKey.CHANNEL_MASK);
        int prescale = config.get(ConfigKey.WAVEFORM_PRESCALE);
        long statsNanos = config.get(ConfigKey.STATS_INTERVAL_MS) * 1_000_000L;
        ResultBatchWriter writer = new ResultBatchWriter(m.outputSize(), config.get(ConfigKey.RESULT_BATCH));
        double tickNs = s.tickNs();
        long nextStats = System.nanoTime() + statsNanos;
        try (EmulatorEngine engine = new EmulatorEngine(s, m)) {
            int[] raw = new int[m.outputSize()];
            while (running) {
                EmulatorEngine.Block block = engine.next();
                ResultBatch r = block.results();
                if (paced) awaitTick(r.timestamps()[r.size() - 1], tickNs);
                for (int i = 0; i < r.size(); i++) {
                    if ((mask & (1 << r.channels()[i])) == 0) continue;
                    int flags = r.flags()[i];
                    boolean withWaveform = prescale > 0 && (block.index() * s.blockEvents() + i / s.sim().channels()) % prescale == 0;
                    if (withWaveform) flags |= EventFlag.WAVEFORM_SENT.mask();
                    for (int k = 0; k < raw.length; k++) raw[k] = r.output(i, k);
                    writer.add(r.timestamps()[i], r.channels()[i], flags, raw, 0);
                    if (writer.isFull()) sendResults(writer);
                    if (withWaveform) {
                        send(MessageType.WAVEFORM, 0, new WaveformMessage(r.timestamps()[i], r.channels()[i], flags, block.window(i)).encode());
                        waveforms++;
                    }
                }
                triggers += r.size() / s.sim().channels();
                lastTick = r.timestamps()[r.size() - 1];
                if (paced && !writer.isEmpty()) sendResults(writer);
                if (statsNanos > 0 && System.nanoTime() >= nextStats) {
                    send(MessageType.STATS, 0, stats().encode());
                    nextStats += statsNanos;
                }
            }
            if (!writer.isEmpty()) sendResults(writer);
            Frame stop = pendingStop;
            pendingStop = null;
            if (stop != null) send(MessageType.ACK, 0, AckMessage.accept(stop).encode());
            send(MessageType.STATS, 0, stats().encode());
            out.flush();
        } catch (IOException | InterruptedException | RuntimeException e) {
            running = false;   // the host went away (or close()): the board stops, as a real one would
        }
    }

    private void sendResults(ResultBatchWriter writer) throws IOException {
        synchronized (frame) {
            frame.clear();
            writer.writeFrame(encoder, 0, frame);
            out.send(frame.array(), 0, frame.position());
        }
        results += writer.count();
        writer.clear();
    }

    /** Waits until the wall clock since START reaches {@code tick}. */
    private void awaitTick(long tick, double tickNs) throws InterruptedException {
        long due = startNanos + (long) (tick * tickNs);
        long now;
        while (running && (now = System.nanoTime()) < due) {
            LockSupport.parkNanos(Math.min(due - now, 50_000_000L));
            if (Thread.interrupted()) throw new InterruptedException();
        }
    }

    StatsMessage stats() {
        return new StatsMessage(lastTick, triggers, results, waveforms, 0, 0, 0, 0, 0, nacks);
    }

    private void accept(Frame f) {
        AckMessage a = AckMessage.accept(f);
        sendQuietly(a.messageType(), 0, a.encode());
    }

    private void refuse(Frame f, NackReason reason, long detail) {
        nacks++;
        AckMessage a = AckMessage.refuse(f, reason, detail);
        sendQuietly(a.messageType(), 0, a.encode());
    }

    private void reply(MessageType type, byte[] payload) {
        sendQuietly(type, FrameFlag.REPLY.mask(), payload);
    }

    private void sendQuietly(MessageType type, int flags, byte[] payload) {
        try {
            send(type, flags, payload);
            out.flush();
        } catch (IOException hostGone) {
            running = false;
        }
    }

    private void send(MessageType type, int flags, byte[] payload) throws IOException {
        synchronized (frame) {
            frame.clear();
            encoder.encode(type.code(), flags, payload, 0, payload.length, frame);
            out.send(frame.array(), 0, frame.position());
        }
    }

    /** Stops the data thread and waits for it. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        Thread t = dataThread;
        if (t != null) {
            t.join(5000);
            if (t.isAlive()) t.interrupt();
        }
    }
}
