package org.pulsedl.daq.gui;

import java.awt.EventQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Refreshes the views a few times a second however fast events arrive: a background thread reads the source's
 * counters and the {@link LiveModel}, fits the histograms ({@link LiveSnapshot#of}) and hands the newest snapshot
 * to the event thread through {@link LatestOnly}, so the event thread only draws and never queues up refreshes.
 * While the event thread is still drawing the last one (a loaded machine), the refresh is skipped: the window
 * refreshes less often rather than answering the user later.
 */
public final class LiveRefresher implements AutoCloseable {
    public static final int PERIOD_MS = 250;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-refresh");
        t.setDaemon(true);
        return t;
    });
    private final LatestOnly<LiveSnapshot> toViews;

    /** Reads {@code source.get()} (null: nothing connected) and {@code live}; {@code views} runs on the event thread. */
    public LiveRefresher(Supplier<LiveSource> source, LiveModel live, Consumer<LiveSnapshot> views) {
        this.toViews = new LatestOnly<>(EventQueue::invokeLater, views);
        timer.scheduleWithFixedDelay(() -> {
            try {
                LiveSource s = source.get();
                if (s != null) {
                    LinkStatus status = s.status();   // housekeeping (flushing a recording) happens every period
                    if (toViews.idle()) toViews.offer(LiveSnapshot.of(status, live));
                }
            } catch (RuntimeException e) {
                // a refresh that fails is skipped; the next one tries again
            }
        }, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** Snapshots made, and drawn (fewer when the event thread was busy). */
    public long[] counts() { return new long[] {toViews.offered(), toViews.delivered()}; }

    @Override
    public void close() { timer.shutdownNow(); }
}
