package org.pulsedl.daq.gui;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands values from a producer to a consumer on another executor (the Swing event thread), keeping only the
 * newest: a value offered while the previous one still waits replaces it, so the consumer never queues up work
 * however fast the producer runs, and a slow consumer sees fewer, fresher values. {@link #idle()} tells the
 * producer whether the consumer has finished the last value and whatever it queued behind it (the repaint).
 */
public final class LatestOnly<T> {
    private final AtomicReference<T> pending = new AtomicReference<>();
    private final Executor executor;
    private final Consumer<T> consumer;
    private long offered, delivered;
    private volatile boolean idle = true;

    public LatestOnly(Executor executor, Consumer<T> consumer) {
        this.executor = executor;
        this.consumer = consumer;
    }

    public void offer(T value) {
        synchronized (this) { offered++; }
        idle = false;
        if (pending.getAndSet(value) == null) executor.execute(this::deliver);
    }

    private void deliver() {
        T v = pending.getAndSet(null);
        if (v == null) return;
        synchronized (this) { delivered++; }
        consumer.accept(v);
        // Runs after the work the consumer queued on the same executor (on the event thread: the repaint).
        executor.execute(() -> idle = pending.get() == null);
    }

    /** True when nothing offered is still waiting or being worked on. */
    public boolean idle() { return idle; }

    public synchronized long offered() { return offered; }

    public synchronized long delivered() { return delivered; }
}
