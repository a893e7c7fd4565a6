package org.pulsedl.daq.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pulsedl.daq.stats.Histogram;

/**
 * What keeps the window responsive at any rate: bins aggregated for drawing without losing a count, only the
 * newest snapshot handed to the event thread, only the newest complete waveform per channel on the scope.
 */
class DecimationTest {
    @Test
    void displayBinsKeepEveryCount() {
        long[] c = new long[1024];
        for (int i = 0; i < c.length; i++) c[i] = i % 7;
        Histogram h = Histogram.ofCounts(0, 1024, c, 3, 5);
        Histogram d = DisplayBins.merge(h, 300);
        assertTrue(d.bins() <= 300, "at most 300 bars: " + d.bins());
        assertEquals(h.total(), d.total(), "no count lost");
        assertEquals(h.underflow(), d.underflow());
        assertEquals(c[0] + c[1] + c[2] + c[3], d.count(0), "groups of 4 neighbouring bins");
        assertEquals(4 * h.binWidth(), d.binWidth(), 1e-12);
        assertSame(h, DisplayBins.merge(h, 2048), "few bins are drawn as they are");
    }

    @Test
    void onlyTheNewestSnapshotReachesTheConsumer() {
        ArrayDeque<Runnable> queue = new ArrayDeque<>();   // an event thread that is busy until we run it
        List<Integer> seen = new ArrayList<>();
        LatestOnly<Integer> l = new LatestOnly<>(queue::add, seen::add);
        for (int i = 1; i <= 1000; i++) l.offer(i);
        assertEquals(1, queue.size(), "one delivery queued for 1000 offers");
        assertFalse(l.idle());
        while (!queue.isEmpty()) queue.poll().run();
        assertEquals(List.of(1000), seen, "the consumer saw only the newest");
        assertTrue(l.idle(), "idle once delivered and the work queued behind it ran");
        l.offer(1001);
        queue.poll().run();
        assertFalse(l.idle(), "not idle before the consumer's queued work ran");
        queue.poll().run();
        assertTrue(l.idle());
        assertEquals(List.of(1000, 1001), seen);
        assertEquals(1001, l.offered());
        assertEquals(2, l.delivered());
    }

    @Test
    void scopeKeepsTheNewestPairedWaveformPerChannel() {
        WaveformScope s = new WaveformScope();
        short[] a = {1, 2, 3}, b = {4, 5, 6}, c = {7, 8, 9};
        s.onWaveform(0, 100, a);          // waveform first, its record later
        assertTrue(s.traces().isEmpty(), "not shown before the network's time is known");
        s.onMarker(0, 100, 12.5);
        s.onMarker(1, 100, 13.0);         // record first, its waveform later
        s.onWaveform(1, 100, b);
        s.onWaveform(0, 200, c);          // newer, but unpaired: the paired one stays on screen
        List<ScopeTrace> t = s.traces();
        assertEquals(2, t.size());
        assertSame(a, t.get(0).samples());
        assertEquals(12.5, t.get(0).markerNs());
        assertSame(b, t.get(1).samples());
        assertEquals(13.0, t.get(1).markerNs());
        s.onMarker(0, 200, 20.0);
        assertSame(c, s.traces().get(0).samples(), "the newer pair replaces it");
        for (int i = 0; i < 10 * WaveformScope.PENDING; i++) s.onWaveform(0, 1000 + i, a);   // never paired
        assertEquals(3 + 10 * WaveformScope.PENDING, s.received());
        assertSame(c, s.traces().get(0).samples(), "unpaired waveforms are dropped, bounded");
        s.reset();
        assertTrue(s.traces().isEmpty());
    }
}
