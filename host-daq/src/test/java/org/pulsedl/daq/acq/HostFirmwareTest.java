package org.pulsedl.daq.acq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.daq.firmware.FirmwareBuild;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.protocol.AckMessage;
import org.pulsedl.protocol.ConfigKey;
import org.pulsedl.protocol.ConfigMessage;
import org.pulsedl.protocol.ConfigOperation;
import org.pulsedl.protocol.EventFlag;
import org.pulsedl.protocol.Frame;
import org.pulsedl.protocol.FrameDecoder;
import org.pulsedl.protocol.FrameEncoder;
import org.pulsedl.protocol.FrameFlag;
import org.pulsedl.protocol.FrameHeader;
import org.pulsedl.protocol.InfoMessage;
import org.pulsedl.protocol.MessageType;
import org.pulsedl.protocol.ModelLoadMessage;
import org.pulsedl.protocol.ModelLoadPhase;
import org.pulsedl.protocol.NackReason;
import org.pulsedl.protocol.Payloads;
import org.pulsedl.protocol.ResultBatch;
import org.pulsedl.protocol.StatsMessage;
import org.pulsedl.protocol.WaveformMessage;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * The firmware's protocol core, built for the host ({@code firmware/host}), driven from outside through a pipe by
 * the project's own BoardClient, FrameEncoder and FrameDecoder: the C implementation against the Java declaration.
 * The host build's stand-in accelerator computes outputs from the loaded program's bytes (FNV-1a fingerprint),
 * the timestamp, channel and output index ({@link #fakeOutput}), so every record is checked bit for bit and shows
 * which model the accelerator holds.
 */
@Timeout(120)
class HostFirmwareTest {
    /** The stand-in's ADC clock (firmware/host/hal_host.c). */
    static final long ADC_CLOCK_HZ = 100_000_000L;

    private static Path binary;
    private static byte[] shippedImage;

    private Process fw;
    private OutputStream toBoard;
    private Thread reader;
    private final FrameEncoder encoder = new FrameEncoder();
    private final BoardClient client = new BoardClient(this::send);
    private final FrameDecoder fromBoard = new FrameDecoder(this::onFrame);
    /** Every frame from the board in wire order (the listener runs on the reader thread). */
    private final List<Frame> received = new ArrayList<>();
    private final LinkedBlockingQueue<Frame> configReplies = new LinkedBlockingQueue<>();

    @BeforeAll
    static void build() throws Exception {
        binary = FirmwareBuild.host();
        shippedImage = SocModelImage.of(NeuralModel.builtin().quantized(), AcceleratorConfig.artix7Default());
    }

    private void start(Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(binary.toString()).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(env);
        fw = pb.start();
        toBoard = fw.getOutputStream();
        InputStream in = fw.getInputStream();
        reader = new Thread(() -> {
            byte[] b = new byte[8192];
            try {
                for (int n; (n = in.read(b)) > 0; ) fromBoard.feed(b, 0, n);
            } catch (IOException closed) {
                // the board went away; the test's own checks notice what is missing
            }
        }, "firmware-reader");
        reader.setDaemon(true);
        reader.start();
    }

    @AfterEach
    void stopFirmware() throws Exception {
        if (fw == null) return;
        toBoard.close();                       // stdin closes: the host build exits
        if (!fw.waitFor(5, TimeUnit.SECONDS)) fw.destroyForcibly();
        reader.join(5000);
    }

    private void onFrame(Frame f) {
        synchronized (received) {
            received.add(f);
        }
        MessageType t = f.messageType();
        if (t == MessageType.CONFIG && f.has(FrameFlag.REPLY)) configReplies.add(f);
        if (t == MessageType.ACK || t == MessageType.NACK || f.has(FrameFlag.REPLY)) client.onReply(f);
    }

    private synchronized long send(MessageType type, int flags, byte[] payload) throws IOException {
        return sendCode(type.code(), flags, payload);
    }

    private synchronized long sendCode(int type, int flags, byte[] payload) throws IOException {
        long seq = encoder.nextSequence();
        ByteBuffer b = ByteBuffer.allocate(FrameHeader.SIZE + payload.length + FrameHeader.CRC_SIZE);
        encoder.encode(type, flags, payload, 0, payload.length, b);
        raw(b.array());
        return seq;
    }

    private synchronized void raw(byte[] bytes) throws IOException {
        toBoard.write(bytes);
        toBoard.flush();
    }

    private List<Frame> frames() {
        synchronized (received) {
            return new ArrayList<>(received);
        }
    }

    /** The NACK answering the frame {@code seq}, waited for. */
    private AckMessage nackOf(long seq) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            for (Frame f : frames()) {
                if (f.messageType() == MessageType.NACK) {
                    AckMessage a = AckMessage.decode(f.payload());
                    if (a.ackedSequence() == seq) return a;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no NACK of frame " + seq);
    }

    /** Sends a command that must be refused; returns the NACK. */
    private AckMessage refused(MessageType type, byte[] payload) throws Exception {
        long seq = encoder.nextSequence();
        assertThrows(IllegalStateException.class, () -> client.command(type, payload));
        return nackOf(seq);
    }

    private ConfigMessage configGet(ConfigKey... keys) throws Exception {
        List<ConfigMessage.Entry> e = new ArrayList<>();
        for (ConfigKey k : keys) e.add(new ConfigMessage.Entry(k, 0));
        configReplies.clear();
        send(MessageType.CONFIG, FrameFlag.REQUEST.mask(), new ConfigMessage(ConfigOperation.GET, e).encode());
        Frame f = configReplies.poll(5, TimeUnit.SECONDS);
        assertNotNull(f, "the board answers CONFIG GET");
        return ConfigMessage.decode(f.payload());
    }

    private void configSet(Map<ConfigKey, Integer> values) throws Exception {
        List<ConfigMessage.Entry> e = new ArrayList<>();
        values.forEach((k, v) -> e.add(new ConfigMessage.Entry(k, v)));
        client.command(MessageType.CONFIG, new ConfigMessage(ConfigOperation.SET, e).encode());
    }

    private static long crc(byte[] b) {
        CRC32 c = new CRC32();
        c.update(b);
        return c.getValue();
    }

    /** FNV-1a over the image's program words (after the model_image header), as the stand-in accelerator. */
    static int fingerprint(byte[] image) {
        int h = 0x811C9DC5;
        for (int i = Payloads.MODEL_IMAGE.fixedSize(); i < image.length; i++) {
            h ^= image[i] & 0xFF;
            h *= 0x01000193;
        }
        return h;
    }

    /** firmware/host/fake_accel.c's fake_output. */
    static int fakeOutput(int fp, long ts, int channel, int k) {
        int x = fp ^ ((int) ts * 0x9E3779B1) ^ ((int) (ts >>> 32) * 0x7F4A7C15) ^ (channel << 24) ^ (k * 0x85EBCA6B);
        x ^= x >>> 16;
        x *= 0x7FEB352D;
        x ^= x >>> 15;
        x *= 0x846CA68B;
        x ^= x >>> 16;
        return x;
    }

    static short fakeSample(long ts, int channel, int i) {
        return (short) (((int) ts * 31 + i * 977 + channel * 7919) & 0xFFF);
    }

    /** The image with one weight byte changed: another model that fits the board. */
    private static byte[] otherModel() {
        byte[] b = shippedImage.clone();
        b[b.length - 100] ^= 0x5A;
        return b;
    }

    /** The image with its header's window length changed (CRC computed over the changed bytes). */
    private static byte[] wrongWindow() {
        byte[] b = shippedImage.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(Payloads.MODEL_IMAGE.field("window_samples").offset(), (short) 33);
        return b;
    }

    @Test
    void infoAndConfigAnswerAsDeclared() throws Exception {
        start(Map.of());
        InfoMessage info = client.info();
        assertEquals(1, info.protocolVersion());
        assertEquals(2, info.channels());
        assertEquals(12, info.adcBits());
        assertEquals(2, info.outputCount());
        assertEquals(32, info.windowSamples());
        assertEquals(FrameHeader.MAX_PAYLOAD, info.maxPayload());
        assertEquals(ADC_CLOCK_HZ, info.adcClockHz());
        assertEquals(crc(shippedImage), info.modelCrc(),
                "the firmware boots the generated model; its image CRC equals the Java image's (SocModelImage)");

        ConfigMessage all = configGet();
        assertEquals(ConfigOperation.VALUES, all.operation());
        assertEquals(ConfigKey.values().length, all.entries().size());
        for (int i = 0; i < ConfigKey.values().length; i++) assertEquals(ConfigKey.values()[i].code(), all.entries().get(i).key());
        int maxBatch = ResultBatch.maxRecords(2);
        assertEquals(maxBatch, configGet(ConfigKey.RESULT_BATCH).entries().get(0).value(), "default batch: a full frame");

        configSet(Map.of(ConfigKey.RESULT_BATCH, 7, ConfigKey.STATS_INTERVAL_MS, 250));
        assertEquals(List.of(new ConfigMessage.Entry(ConfigKey.RESULT_BATCH, 7), new ConfigMessage.Entry(ConfigKey.STATS_INTERVAL_MS, 250)),
                configGet(ConfigKey.RESULT_BATCH, ConfigKey.STATS_INTERVAL_MS).entries());

        AckMessage bad = refused(MessageType.CONFIG, new ConfigMessage(ConfigOperation.SET, List.of(
                new ConfigMessage.Entry(ConfigKey.STATS_INTERVAL_MS, 10), new ConfigMessage.Entry(ConfigKey.RESULT_BATCH, maxBatch + 1))).encode());
        assertEquals(NackReason.BAD_VALUE, bad.reason());
        assertEquals(ConfigKey.RESULT_BATCH.code(), bad.detail(), "the NACK names the bad key");
        assertEquals(250, configGet(ConfigKey.STATS_INTERVAL_MS).entries().get(0).value(), "a refused SET changes nothing");

        AckMessage unknown = refused(MessageType.CONFIG, new ConfigMessage(ConfigOperation.SET, List.of(new ConfigMessage.Entry(99, 1))).encode());
        assertEquals(NackReason.UNKNOWN_KEY, unknown.reason());
        assertEquals(99, unknown.detail());

        long seq = sendCode(0x33, FrameFlag.ACK_REQUESTED.mask(), new byte[3]);
        AckMessage type = nackOf(seq);
        assertEquals(NackReason.UNKNOWN_TYPE, type.reason());
        assertEquals(0x33, type.detail());
        assertEquals(0, fromBoard.counters().crcErrors() + fromBoard.counters().sequenceGaps(), "the board's frames are intact and gap-free");
    }

    /** The DAQ's own preparation (DaqRun.prepare) sends a board running our firmware the image it takes. */
    @Test
    void daqPrepareLoadsTheFirmwaresImageFormat() throws Exception {
        start(Map.of());
        QuantizedModel other = FullSystemTest.withRandomLastLayer(NeuralModel.builtin().quantized(),
                new SplittableRandom(TestSeed.of("HostFirmwareTest.prepare", 20261205L)));
        StringWriter log = new StringWriter();
        InfoMessage info = DaqRun.prepare(client, other, new PrintWriter(log));
        CRC32 c = new CRC32();
        c.update(SocModelImage.of(other, AcceleratorConfig.artix7Default()));
        assertEquals(c.getValue(), info.modelCrc(), "the board runs the image DaqRun sent");
        assertTrue(log.toString().contains("loading model"), log.toString());
    }

    @Test
    void modelLoadActivatesOnlyACompleteCheckedImage() throws Exception {
        start(Map.of());
        long running = client.info().modelCrc();
        byte[] other = otherModel();

        // Chunks with one flipped bit under the intact image's CRC: refused at COMMIT, the detail is the CRC computed.
        byte[] corrupt = other.clone();
        corrupt[corrupt.length / 2] ^= 1;
        long announced = crc(other);
        client.command(MessageType.MODEL_LOAD, new ModelLoadMessage(ModelLoadPhase.BEGIN, 0, 0, other.length, announced, new byte[0]).encode());
        int index = 0;
        for (int off = 0; off < corrupt.length; off += ModelLoadMessage.MAX_CHUNK, index++) {
            byte[] chunk = Arrays.copyOfRange(corrupt, off, Math.min(corrupt.length, off + ModelLoadMessage.MAX_CHUNK));
            client.command(MessageType.MODEL_LOAD, new ModelLoadMessage(ModelLoadPhase.CHUNK, index, off, other.length, announced, chunk).encode());
        }
        AckMessage mismatch = refused(MessageType.MODEL_LOAD, new ModelLoadMessage(ModelLoadPhase.COMMIT, 0, 0, other.length, announced, new byte[0]).encode());
        assertEquals(NackReason.IMAGE_CRC_MISMATCH, mismatch.reason());
        assertEquals(crc(corrupt), mismatch.detail());
        assertEquals(running, client.info().modelCrc(), "a CRC mismatch keeps the running model");

        // Out of order, COMMIT before the last byte, too large, wrong window length: all refused, model kept.
        client.command(MessageType.MODEL_LOAD, new ModelLoadMessage(ModelLoadPhase.BEGIN, 0, 0, other.length, announced, new byte[0]).encode());
        AckMessage order = refused(MessageType.MODEL_LOAD, new ModelLoadMessage(ModelLoadPhase.CHUNK, 3, 0, other.length, announced, new byte[8]).encode());
        assertEquals(NackReason.CHUNK_OUT_OF_ORDER, order.reason());
        assertEquals(0, order.detail(), "the expected index");
        AckMessage early = refused(MessageType.MODEL_LOAD, new ModelLoadMessage(ModelLoadPhase.COMMIT, 0, 0, other.length, announced, new byte[0]).encode());
        assertEquals(NackReason.BAD_STATE, early.reason());
        AckMessage large = refused(MessageType.MODEL_LOAD, new ModelLoadMessage(ModelLoadPhase.BEGIN, 0, 0, 1 << 20, 0, new byte[0]).encode());
        assertEquals(NackReason.IMAGE_TOO_LARGE, large.reason());
        assertTrue(large.detail() > shippedImage.length && large.detail() < 1 << 20, "detail: the board's limit " + large.detail());
        long seq = encoder.nextSequence();
        assertThrows(IllegalStateException.class, () -> client.loadModel(wrongWindow()));
        AckMessage unfit = null;
        for (long s = seq; unfit == null; s++) {
            for (Frame f : frames()) {
                if (f.messageType() == MessageType.NACK && AckMessage.decode(f.payload()).ackedSequence() == s) unfit = AckMessage.decode(f.payload());
            }
            assertTrue(s < seq + 20, "a NACK for the wrong-window image");
        }
        assertEquals(NackReason.BAD_IMAGE, unfit.reason());
        assertEquals(running, client.info().modelCrc(), "an image for another window length keeps the running model");
        assertEquals(fingerprint(shippedImage), fingerprintOfAShortRun(), "the accelerator still holds the shipped model");

        client.loadModel(other);
        assertEquals(announced, client.info().modelCrc(), "the new model runs");
        assertEquals(fingerprint(other), fingerprintOfAShortRun(), "the accelerator holds the new model's bytes");

        client.command(MessageType.START);
        AckMessage busy = refused(MessageType.MODEL_LOAD, new ModelLoadMessage(ModelLoadPhase.BEGIN, 0, 0, 10, 0, new byte[0]).encode());
        assertEquals(NackReason.BAD_STATE, busy.reason(), "no MODEL_LOAD while running");
        client.command(MessageType.STOP);
    }

    /** Runs briefly and returns the model fingerprint that explains the first record's outputs. */
    private int fingerprintOfAShortRun() throws Exception {
        int from = frames().size();
        client.command(MessageType.START);
        Thread.sleep(50);
        client.command(MessageType.STOP);
        for (Frame f : frames().subList(from, frames().size())) {
            if (f.messageType() != MessageType.RESULT) continue;
            ResultBatch r = ResultBatch.decode(f.payload());
            for (int fp : new int[] {fingerprint(shippedImage), fingerprint(otherModel())}) {
                if (r.output(0, 0) == fakeOutput(fp, r.timestamps()[0], r.channels()[0], 0)) return fp;
            }
            return 0;
        }
        throw new AssertionError("no RESULT in a 50 ms run");
    }

    /** Everything one run sent, split at the ACK of its STOP. */
    private record Run(List<ResultBatch> results, List<WaveformMessage> waveforms, List<MessageType> afterStop, StatsMessage last) {
        long records() { return results.stream().mapToLong(ResultBatch::size).sum(); }
    }

    private Run acquire(int millis) throws Exception {
        int from = frames().size();
        client.command(MessageType.START);
        Thread.sleep(millis);
        long stopSeq = encoder.nextSequence();
        client.command(MessageType.STOP);
        StatsMessage last = null;
        List<ResultBatch> results = new ArrayList<>();
        List<WaveformMessage> waveforms = new ArrayList<>();
        List<MessageType> afterStop = new ArrayList<>();
        for (int i = 0; i < 500 && last == null; i++) {
            results.clear();
            waveforms.clear();
            afterStop.clear();
            boolean stopped = false;
            for (Frame f : frames().subList(from, frames().size())) {
                MessageType t = f.messageType();
                if (stopped) afterStop.add(t);
                if (t == MessageType.ACK && AckMessage.decode(f.payload()).ackedSequence() == stopSeq) stopped = true;
                else if (t == MessageType.RESULT && !stopped) results.add(ResultBatch.decode(f.payload()));
                else if (t == MessageType.WAVEFORM && !stopped) waveforms.add(WaveformMessage.decode(f.payload()));
                else if (t == MessageType.STATS && stopped && !f.has(FrameFlag.REPLY) && last == null) last = StatsMessage.decode(f.payload());
            }
            if (last == null) Thread.sleep(10);
        }
        assertNotNull(last, "a final STATS follows the ACK of STOP");
        return new Run(results, waveforms, afterStop, last);
    }

    @Test
    void resultsAreBatchedBitExactAndAccountedFor() throws Exception {
        start(Map.of());
        int rate = 5000;
        long period = ADC_CLOCK_HZ / rate;
        configSet(Map.of(ConfigKey.PULSE_RATE_HZ, rate, ConfigKey.RESULT_BATCH, 16, ConfigKey.WAVEFORM_PRESCALE, 50,
                ConfigKey.STATS_INTERVAL_MS, 100));
        int fp = fingerprint(shippedImage);
        Run run = acquire(600);

        assertEquals(List.of(MessageType.STATS), run.afterStop().subList(0, 1), "STOP: results, its ACK, then the final STATS");
        assertTrue(run.afterStop().stream().noneMatch(t -> t == MessageType.RESULT), "no result after the ACK of STOP");
        Map<Integer, Long> lastTs = new HashMap<>();
        int flagged = 0, selected = 0;
        for (ResultBatch b : run.results()) {
            assertTrue(b.size() >= 1 && b.size() <= 16, "batches of at most RESULT_BATCH records: " + b.size());
            assertEquals(2, b.outputCount());
            for (int i = 0; i < b.size(); i++) {
                long ts = b.timestamps()[i];
                int ch = b.channels()[i];
                assertEquals(0, ts % period, "timestamps are trigger times");
                Long before = lastTs.put(ch, ts);
                assertTrue(before == null || ts > before, "timestamps rise per channel");
                for (int k = 0; k < 2; k++) assertEquals(fakeOutput(fp, ts, ch, k), b.output(i, k), "record output " + k + " at " + ts);
                boolean withWaveform = (b.flags()[i] & EventFlag.WAVEFORM_SENT.mask()) != 0;
                if (withWaveform) flagged++;
                if (ts / period % 50 == 0) selected++;
                assertEquals(ts / period % 50 == 0, withWaveform, "every 50th event's records have their waveform: " + ts);
            }
        }
        StatsMessage s = run.last();
        long records = run.records();
        assertTrue(records > 1000, "a 0.6 s run at 5 kHz x 2 channels: " + records);
        assertEquals(records, s.results(), "STATS counts every record sent");
        assertEquals(2 * s.triggers(), records + s.droppedEvents(), "every window is a record or counted as dropped");
        assertEquals(run.waveforms().size(), s.waveforms());
        assertEquals(flagged, run.waveforms().size(), "one WAVEFORM per flagged record");
        assertEquals(selected, flagged, "every 50th event's records have their waveforms (as the emulator sends them)");
        for (WaveformMessage w : run.waveforms()) {
            assertEquals(32, w.samples().length);
            for (int i = 0; i < 32; i++) assertEquals(fakeSample(w.timestamp(), w.channel(), i), w.samples()[i]);
        }
        assertEquals(0, fromBoard.counters().crcErrors() + fromBoard.counters().sequenceGaps() + fromBoard.counters().garbageBytes(),
                "every byte from the board is an intact frame, sequence numbers without gaps");
        assertTrue(frames().stream().filter(f -> f.messageType() == MessageType.STATS && !f.has(FrameFlag.REPLY)).count() >= 3,
                "periodic STATS every 100 ms, then the final one");
    }

    @Test
    void garbageDamagedAndMissingFramesAreCountedAndSurvived() throws Exception {
        start(Map.of());
        byte[] garbage = new byte[3000];
        new java.util.Random(12).nextBytes(garbage);
        for (int i = 0; i < garbage.length; i++) if (garbage[i] == 'P') garbage[i] = 'Q';   // no false sync words
        raw(garbage);
        assertEquals(crc(shippedImage), client.info().modelCrc(), "the board answers after garbage");

        // A frame damaged on the way (it also costs a sequence number the board never sees), then an oversize header.
        ByteBuffer damaged = ByteBuffer.allocate(FrameHeader.SIZE + FrameHeader.CRC_SIZE);
        encoder.encode(MessageType.INFO.code(), FrameFlag.REQUEST.mask(), new byte[0], 0, 0, damaged);
        byte[] d = damaged.array();
        d[6] ^= 0x40;
        raw(d);
        byte[] oversize = {'P', 'D', 1, 1, 0, 0, (byte) 0xD0, 0x07, 0, 0, 0, 0};
        raw(oversize);
        raw(Arrays.copyOf(garbage, 200));
        StatsMessage s = client.stats();
        assertEquals(1, s.crcErrors(), "the damaged frame");
        assertEquals(1, s.oversizeFrames(), "the header claiming 2000 payload bytes");
        assertEquals(1, s.sequenceGaps(), "the damaged frame's sequence number never arrived");

        // Frames split into single bytes with garbage between them still arrive.
        ByteBuffer info = ByteBuffer.allocate(FrameHeader.SIZE + FrameHeader.CRC_SIZE);
        encoder.encode(MessageType.INFO.code(), FrameFlag.REQUEST.mask(), new byte[0], 0, 0, info);
        int before = (int) frames().stream().filter(f -> f.messageType() == MessageType.INFO).count();
        raw(new byte[] {'P', 'P', 'D', 7});
        for (byte b : info.array()) raw(new byte[] {b});
        for (int i = 0; i < 200 && frames().stream().filter(f -> f.messageType() == MessageType.INFO).count() == before; i++) Thread.sleep(10);
        assertEquals(before + 1, frames().stream().filter(f -> f.messageType() == MessageType.INFO).count());
    }

    @Test
    void lostWindowsAreCountedAndSlowBatchesLeaveOnTime() throws Exception {
        start(Map.of("PULSEDL_FW_HOST_LOSE_EVERY", "10"));
        // 1 kHz on one channel: a full frame (69 records) would take 69 ms, so frames leave at 10 ms age.
        configSet(Map.of(ConfigKey.PULSE_RATE_HZ, 1000, ConfigKey.CHANNEL_MASK, 2));
        Run run = acquire(400);
        StatsMessage s = run.last();
        assertTrue(s.droppedEvents() >= s.triggers() / 10, "every 10th window lost: " + s.droppedEvents() + " of " + s.triggers());
        assertEquals(s.triggers(), run.records() + s.droppedEvents(), "one channel enabled: a window per trigger");
        for (ResultBatch b : run.results()) {
            for (int i = 0; i < b.size(); i++) assertEquals(1, b.channels()[i], "only channel 1 is enabled");
        }
        // (not every frame: a firmware process descheduled for 69 ms on a loaded machine fills one at once)
        List<ResultBatch> beforeStop = run.results().subList(0, Math.max(0, run.results().size() - 1));
        assertTrue(beforeStop.stream().anyMatch(b -> b.size() < ResultBatch.maxRecords(2)),
                "frames leave when their first record is 10 ms old: " + run.results().stream().map(b -> b.size()).toList());
    }

    /**
     * The C receiver against the Java one: one seeded stream of intact frames, garbage, bit-flipped, truncated,
     * swapped, oversize and other-version pieces goes to the firmware (in random chunks) and to a Java
     * FrameDecoder; the firmware's STATS counters equal the Java decoder's, and it answers the INFO requests
     * hidden in the stream exactly as many times as the Java decoder delivers them.
     */
    @Test
    void theFirmwareResynchronisesExactlyAsTheJavaDecoder() throws Exception {
        long seed = TestSeed.of("HostFirmwareTest.resync", 20261205L);
        java.util.Random r = new java.util.Random(seed);
        start(Map.of());
        List<Frame> javaFrames = new ArrayList<>();
        FrameDecoder reference = new FrameDecoder(javaFrames::add);
        java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
        for (int piece = 0; piece < 400; piece++) {
            int kind = r.nextInt(8);
            // INFO requests (answered) and ACKs (ignored by the board) as the intact frames
            byte[] f = frame(r.nextBoolean() ? MessageType.INFO : MessageType.ACK, r);
            switch (kind) {
                case 0, 1, 2 -> stream.write(f);
                case 3 -> {                                   // garbage
                    byte[] g = new byte[1 + r.nextInt(40)];
                    r.nextBytes(g);
                    stream.write(g);
                }
                case 4 -> {                                   // one bit flipped
                    f[r.nextInt(f.length)] ^= (byte) (1 << r.nextInt(8));
                    stream.write(f);
                }
                case 5 -> stream.write(f, 0, 2 + r.nextInt(f.length - 2));   // truncated
                case 6 -> {                                   // swapped pair: a gap, then a late frame
                    byte[] g = frame(MessageType.ACK, r);
                    stream.write(g);
                    stream.write(f);
                }
                default -> stream.write(r.nextBoolean()
                        ? new byte[] {'P', 'D', 1, 9, 0, 0, (byte) 0x79, 0x05, 0, 0, 0, 0}   // oversize (1401)
                        : new byte[] {'P', 'D', 2, 9, 0, 0, 0, 0, 0, 0, 0, 0});          // another version
            }
        }
        stream.write(frame(MessageType.ACK, r));          // intact frames end the stream, whatever came before
        stream.write(frame(MessageType.ACK, r));
        byte[] bytes = stream.toByteArray();
        reference.feed(bytes);
        for (int pos = 0; pos < bytes.length; ) {
            int n = Math.min(bytes.length - pos, 1 + r.nextInt(300));
            raw(Arrays.copyOfRange(bytes, pos, pos + n));
            pos += n;
        }
        long infos = javaFrames.stream().filter(f -> f.type() == MessageType.INFO.code()).count();
        StatsMessage s = client.stats();
        var want = reference.counters();
        System.out.printf("HostFirmwareTest resync (seed %d): %d bytes, %d frames, %d CRC errors, %d gaps, %d oversize%n",
                seed, bytes.length, want.frames(), want.crcErrors(), want.sequenceGaps(), want.oversizeFrames());
        assertTrue(want.crcErrors() > 10 && want.sequenceGaps() > 10 && want.oversizeFrames() > 5, "the stream exercises every rule");
        assertEquals(want.crcErrors(), s.crcErrors(), "CRC errors (seed " + seed + ")");
        assertEquals(want.oversizeFrames(), s.oversizeFrames(), "oversize frames (seed " + seed + ")");
        // the STATS request itself follows the stream's last frame with the next sequence number: no extra gap
        assertEquals(want.sequenceGaps(), s.sequenceGaps(), "sequence gaps (seed " + seed + ")");
        assertEquals(infos, frames().stream().filter(f -> f.messageType() == MessageType.INFO).count(),
                "the firmware answered every INFO request the Java decoder found intact (seed " + seed + ")");
    }

    /** An encoded frame with the next sequence number (an INFO request or an ACK with a random payload). */
    private byte[] frame(MessageType type, java.util.Random r) {
        byte[] payload = type == MessageType.INFO ? new byte[0] : new byte[Payloads.ACK.fixedSize()];
        r.nextBytes(payload);
        int flags = type == MessageType.INFO ? FrameFlag.REQUEST.mask() : 0;
        synchronized (this) {
            return encoder.encode(type, flags, payload);
        }
    }
}
