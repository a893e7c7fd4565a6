package org.pulsedl.daq.gui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.pulsedl.daq.listmode.ListModeReader;

/**
 * A list-mode file fed into the live views on a thread of its own, as fast as it reads: the same views and fits as
 * a live run. A file cut off by a killed writer is read up to its last intact block and the damage is logged.
 */
public final class ListModeReplay implements LiveSource {
    private final Path file;
    private final ListModeReader reader;
    private final LiveModel live;
    private final Thread thread;
    private final RateMeter rate = new RateMeter();
    private volatile boolean closed;

    private ListModeReplay(Path file, ListModeReader reader, LiveModel live, Consumer<String> log) {
        this.file = file;
        this.reader = reader;
        this.live = live;
        this.thread = new Thread(() -> {
            try {
                ListModeReader.Report r = reader.read(batch -> {
                    if (closed) throw new IOException("replay stopped");
                    live.onResults(batch);
                });
                log.accept(String.format("replayed %,d results in %d blocks from %s%s", r.records(), r.blocks(), file,
                        r.damage() == null ? "" : (r.closed() ? "; note: " : "; incomplete: ") + r.damage()));
            } catch (IOException e) {
                if (!closed) log.accept("replay of " + file + " failed: " + e.getMessage());
            }
        }, "listmode-replay");
        thread.setDaemon(true);
    }

    /** Opens {@code file} (its header is checked at once) and starts feeding {@code live}, which starts afresh. */
    public static ListModeReplay start(Path file, LiveModel live, Consumer<String> log) throws IOException {
        ListModeReader reader = ListModeReader.open(file);
        live.reset(reader.header());
        ListModeReplay r = new ListModeReplay(file, reader, live, log);
        r.thread.start();
        return r;
    }

    public boolean done() { return !thread.isAlive(); }

    @Override
    public LinkStatus status() {
        long n = live.records();
        return new LinkStatus("replay " + file.getFileName(), rate.update(n, System.nanoTime()), n, 0, 0, 0, 0, null);
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(2000);
            reader.close();
        } catch (IOException | InterruptedException ignored) {
            // reading only: nothing to lose
        }
    }
}
