package org.pulsedl.daq.acq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.daq.cpu.SimOnPty;
import org.pulsedl.daq.link.SerialTransport;
import org.pulsedl.protocol.ConfigKey;
import org.pulsedl.protocol.ConfigMessage;
import org.pulsedl.protocol.ConfigOperation;
import org.pulsedl.protocol.EventFlag;
import org.pulsedl.protocol.InfoMessage;
import org.pulsedl.protocol.MessageType;
import org.pulsedl.protocol.ResultBatch;
import org.pulsedl.protocol.WaveformMessage;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * The simulated SoC's WAVEFORM frames and event timestamps (issue 12 §4, issue 13), through the host's own
 * acquisition ({@link DaqSession} on the pty of {@code pulsedl sim --pty}, as the GUI connects): with
 * WAVEFORM_PRESCALE n, the capture's snapshot keeps the windows of every n-th event it has room for, and the
 * firmware sends each as a WAVEFORM after the record of the same timestamp and channel, flagged WAVEFORM_SENT. The
 * samples must be the injected window's exactly (record i is window i: the port takes the dataset's windows in
 * order from START), and both channels of an event must carry one timestamp, so every event is a Δt pair.
 */
class SocWaveformTest {
    static final int EVENTS = 24;
    static final int PRESCALE = 3;
    /** 48 records in frames of 8: no frame waits for the firmware's 10 ms age limit (1 M cycles of simulation). */
    static final int BATCH = 8;
    static final long ANSWER_MS = 120_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 900, unit = TimeUnit.SECONDS)
    void waveformsAreTheInjectedWindowsAndBothChannelsOfAnEventPair() throws Exception {
        long seed = TestSeed.of("SocWaveformTest", 20261205L);
        QuantizedModel model = NeuralModel.builtin().quantized();
        List<ResultBatch> results = new ArrayList<>();
        List<WaveformMessage> waveforms = new ArrayList<>();
        EventAnalysis analysis;
        Dataset data;
        long t0 = System.nanoTime();
        try (SimOnPty sim = SimOnPty.pdl2(dir, seed, EVENTS);
                DaqSession session = new DaqSession(SerialTransport.open(sim.pty(), SerialTransport.MAX_BAUD), ANSWER_MS)) {
            data = sim.dataset();
            session.acquisition().tap(new Acquisition.Tap() {
                @Override
                public void onResults(ResultBatch batch) {
                    synchronized (results) {
                        results.add(batch);
                    }
                }

                @Override
                public void onWaveform(WaveformMessage waveform) {
                    synchronized (results) {
                        waveforms.add(waveform);
                    }
                }
            });
            BoardClient client = session.client();
            InfoMessage info = DaqRun.prepare(client, model, new PrintWriter(System.err, true, StandardCharsets.UTF_8));
            client.command(MessageType.CONFIG, new ConfigMessage(ConfigOperation.SET, List.of(
                    new ConfigMessage.Entry(ConfigKey.WAVEFORM_PRESCALE, PRESCALE),
                    new ConfigMessage.Entry(ConfigKey.RESULT_BATCH, BATCH))).encode());
            analysis = new EventAnalysis(DaqRun.header(model, info, session.name()));
            session.acquisition().begin(null, analysis);
            client.command(MessageType.START);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
            while (session.acquisition().records() < 2L * EVENTS && System.nanoTime() < end) Thread.sleep(100);
            session.acquisition().stopping();
            client.command(MessageType.STOP);
            assertTrue(session.acquisition().awaitFinalStats(DaqRun.FINAL_STATS_MS), "the board's final STATS");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;

        List<long[]> records = new ArrayList<>();   // timestamp, channel, flags, in arrival order
        for (ResultBatch b : results) {
            for (int i = 0; i < b.size(); i++) records.add(new long[] {b.timestamps()[i], b.channels()[i], b.flags()[i]});
        }
        assertEquals(2 * EVENTS, records.size(), "a record per injected window");
        for (int i = 0; i < records.size(); i++) {
            assertEquals(i % 2, records.get(i)[1], "channel of record " + i);
            if (i % 2 == 1) assertEquals(records.get(i - 1)[0], records.get(i)[0], "the channels of event " + i / 2 + " share its time");
            if (i >= 2 && i % 2 == 0) assertTrue(records.get(i)[0] > records.get(i - 2)[0], "event times rise at event " + i / 2);
        }
        assertEquals(EVENTS, analysis.summary().timing().pairs(), "every event is a Δt pair");

        Set<Integer> withWaveform = new HashSet<>();
        for (WaveformMessage w : waveforms) {
            int r = -1;
            for (int i = 0; i < records.size() && r < 0; i++) {
                if (records.get(i)[0] == w.timestamp() && records.get(i)[1] == w.channel()) r = i;
            }
            assertTrue(r >= 0, "a record for the waveform at " + w.timestamp() + " channel " + w.channel());
            assertTrue(withWaveform.add(r), "one waveform per record: " + r);
            assertNotEquals(0, records.get(r)[2] & EventFlag.WAVEFORM_SENT.mask(), "record " + r + " is flagged WAVEFORM_SENT");
            assertEquals(0, (r / 2) % PRESCALE, "waveforms come from every " + PRESCALE + "th event: record " + r);
            assertArrayEquals(data.waveform(r / 2, r % 2), w.samples(), "the samples of window " + r + " exactly");
        }
        long flagged = records.stream().filter(x -> (x[2] & EventFlag.WAVEFORM_SENT.mask()) != 0).count();
        assertEquals(waveforms.size(), flagged, "a WAVEFORM for each flagged record");
        assertTrue(withWaveform.contains(0) && withWaveform.contains(1), "the snapshot keeps event 0 (both channels): " + withWaveform);
        for (int r : withWaveform) assertTrue(withWaveform.contains(r ^ 1), "both channels of event " + r / 2 + ": " + withWaveform);
        System.out.printf("SocWaveformTest: seed %d, %d records, %d Δt pairs, waveforms of events %s bit-exact; %.1f s%n",
                seed, records.size(), EVENTS, withWaveform.stream().map(r -> r / 2).distinct().sorted().toList(), seconds);
    }
}
