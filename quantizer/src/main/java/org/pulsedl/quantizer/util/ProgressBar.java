package org.pulsedl.quantizer.util;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A text progress bar for long work on stderr: redrawn in place on a terminal, and as a status line at most
 * every few seconds when stderr is a file or a CI log (so logs stay readable). Thread-safe: workers call
 * {@link #advance(long)} concurrently.
 */
public final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;
    private final String label;
    private final long total;
    private final PrintStream out;
    private final boolean interactive;
    private final long minIntervalNanos;
    private final long startNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private volatile long lastDrawNanos;
    private volatile String status = "";
    private boolean closed;

    public ProgressBar(String label, long total) {
        this(label, total, System.err, System.console() != null);
    }

    public ProgressBar(String label, long total, PrintStream out, boolean interactive) {
        this.label = label;
        this.total = Math.max(total, 1);
        this.out = out;
        this.interactive = interactive;
        this.minIntervalNanos = interactive ? 100_000_000L : 5_000_000_000L;
        this.lastDrawNanos = startNanos;
    }

    /** Records {@code n} more units done; redraws when enough time has passed. */
    public void advance(long n) {
        long d = done.addAndGet(n);
        long now = System.nanoTime();
        if (now - lastDrawNanos >= minIntervalNanos) {
            synchronized (this) {
                if (now - lastDrawNanos >= minIntervalNanos && !closed) {
                    lastDrawNanos = now;
                    draw(d, now, false);
                }
            }
        }
    }

    /** A short live figure shown after the bar, e.g. the running loss. */
    public void status(String text) {
        status = text == null ? "" : " " + text;
    }

    /** Sets the absolute amount done (for callers that report totals). */
    public void set(long doneNow) {
        advance(doneNow - done.get());
    }

    private void draw(long d, long now, boolean last) {
        double frac = Math.min(1.0, (double) d / total);
        double secs = (now - startNanos) / 1e9;
        String eta = frac > 0 && !last ? String.format(" eta %.0fs", secs * (1 - frac) / frac) : "";
        if (interactive) {
            int fill = (int) Math.round(frac * WIDTH);
            out.printf("\r%s [%s%s] %3.0f%% %d/%d %.1fs%s%s ", label, "#".repeat(fill), ".".repeat(WIDTH - fill),
                    100 * frac, d, total, secs, eta, status);
            if (last) out.println();
        } else {
            out.printf("%s: %d/%d (%.0f%%) %.1fs%s%s%n", label, d, total, 100 * frac, secs, eta, status);
        }
        out.flush();
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        // Work too short to have shown anything stays silent; otherwise finish the bar at its final state.
        if (lastDrawNanos != startNanos) draw(done.get(), System.nanoTime(), true);
    }
}
