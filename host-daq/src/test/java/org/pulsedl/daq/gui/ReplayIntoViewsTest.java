package org.pulsedl.daq.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.daq.acq.AnalysisSummary;
import org.pulsedl.daq.acq.EventAnalysis;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.daq.listmode.ListModeHeader;
import org.pulsedl.daq.listmode.ListModeReader;
import org.pulsedl.daq.listmode.ListModeWriter;
import org.pulsedl.daq.listmode.OutputScale;
import org.pulsedl.protocol.EventFlag;
import org.pulsedl.protocol.ResultBatch;
import org.pulsedl.protocol.WaveformMessage;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * A list-mode file replayed into the live views gives what {@code pulsedl replay} gives (the same Δt pairs and
 * energies, the same σ within the binning), and a record flagged WAVEFORM_SENT puts its network time on the scope.
 */
class ReplayIntoViewsTest {
    @TempDir
    Path dir;

    @Test
    void replayMatchesTheHeadlessAnalysis() throws Exception {
        long seed = TestSeed.of("ReplayIntoViewsTest", 99);
        ListModeHeader header = new ListModeHeader(NeuralModel.builtin().quantized(), 8.0, 2, Map.of("source", "test"));
        List<OutputScale> scales = header.scales();
        int timeOut = 0, energyOut = 1;   // pdl2: t0 then amplitude (NeuralModel.outputRoles)
        SplittableRandom rnd = new SplittableRandom(seed);
        Path file = dir.resolve("run.pdl");
        int events = 20_000;
        try (ListModeWriter w = ListModeWriter.create(file, header)) {
            for (int b = 0; b < events / 500; b++) {
                int n = 1000;
                long[] ts = new long[n];
                int[] ch = new int[n], fl = new int[n], out = new int[2 * n];
                for (int i = 0; i < n; i++) {
                    ts[i] = (b * 500L + i / 2) * 100;
                    ch[i] = i % 2;
                    double tNs = 60 + 0.05 * LiveHistogramTest.gauss(rnd);      // σ 50 ps per channel
                    double e = 2900 + 8 * LiveHistogramTest.gauss(rnd);
                    out[2 * i + timeOut] = (int) Math.round((tNs - scales.get(timeOut).offset()) / scales.get(timeOut).gain());
                    out[2 * i + energyOut] = (int) Math.round((e - scales.get(energyOut).offset()) / scales.get(energyOut).gain());
                }
                w.add(new ResultBatch(2, ts, ch, fl, out));
            }
        }
        AnalysisSummary reference;
        try (ListModeReader r = ListModeReader.open(file)) {
            EventAnalysis a = new EventAnalysis(r.header());
            r.read(a::accept);
            reference = a.summary();
        }
        LiveModel live = new LiveModel(header);
        List<String> log = new ArrayList<>();
        try (ListModeReplay replay = ListModeReplay.start(file, live, log::add)) {
            long end = System.nanoTime() + 30_000_000_000L;
            while (!replay.done() && System.nanoTime() < end) Thread.sleep(20);
            assertTrue(replay.done());
            assertEquals(2L * events, replay.status().records());
        }
        assertEquals(reference.timing().pairs(), live.deltaT().entries(), "the same Δt pairs");
        assertEquals(reference.energy().entries(), live.energy().entries(), "the same energies");
        LiveSnapshot s = LiveSnapshot.of(LinkStatus.idle("test"), live);
        assertNotNull(s.deltaTFit());
        assertEquals(reference.timing().sigmaPs(), s.deltaTFit().sigma(), 0.03 * reference.timing().sigmaPs(), "Δt σ");
        assertEquals(50 * Math.sqrt(2), s.deltaTFit().sigma(), 5, "two-channel σ of two 50 ps channels");
        assertNotNull(s.line());
        assertEquals(reference.energy().centroid(), s.line().centroid(), 1.0);
        assertTrue(log.get(0).startsWith("replayed 40,000 results in"), log.toString());
    }

    @Test
    void flaggedRecordPutsTheNetworkTimeOnTheScope() throws Exception {
        ListModeHeader header = new ListModeHeader(NeuralModel.builtin().quantized(), 8.0, 2, Map.of());
        OutputScale t = header.scales().get(0);
        LiveModel live = new LiveModel(header);
        int raw = (int) Math.round((61.25 - t.offset()) / t.gain());
        live.onWaveform(new WaveformMessage(800, 1, EventFlag.WAVEFORM_SENT.mask(), new short[] {1, 2, 3}));
        live.onResults(new ResultBatch(2, new long[] {800, 800}, new int[] {0, 1}, new int[] {0, EventFlag.WAVEFORM_SENT.mask()},
                new int[] {0, 0, raw, 0}));
        List<ScopeTrace> traces = live.scope().traces();
        assertEquals(1, traces.size());
        assertEquals(1, traces.get(0).channel());
        assertEquals(t.physical(raw), traces.get(0).markerNs(), 1e-9);
        assertEquals(61.25, traces.get(0).markerNs(), Math.abs(t.gain()));
    }
}
