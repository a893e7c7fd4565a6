package org.pulsedl.daq.gui;

import java.awt.EventQueue;
import java.util.Arrays;

/**
 * Measures how long the Swing event thread takes to run a task posted to it: a probe thread posts one every
 * {@code periodMs} and records the delay from posting to running. A responsive window keeps this well under
 * the 100 ms a user notices.
 */
public final class EdtLatencyProbe implements AutoCloseable {
    /** Samples the window keeps: the last ~10 s at its period, so it shows recent latency, not start-up. */
    static final int KEEP = 512;

    private final long[] samples;
    private int count;
    private final Thread thread;
    private volatile boolean closed;

    /** Posts every {@code periodMs} and keeps the last {@code keep} latencies. */
    public EdtLatencyProbe(int periodMs, int keep) {
        samples = new long[keep];
        thread = new Thread(() -> {
            while (!closed) {
                long posted = System.nanoTime();
                EventQueue.invokeLater(() -> record(System.nanoTime() - posted));
                try {
                    Thread.sleep(periodMs);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "edt-latency-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private synchronized void record(long nanos) {
        samples[count % samples.length] = nanos;
        count++;
    }

    /** Latency percentiles in ms over the kept samples: {@code {p50, p99, max}}, or NaN before any. */
    public synchronized double[] percentilesMs() {
        int n = Math.min(count, samples.length);
        if (n == 0) return new double[] {Double.NaN, Double.NaN, Double.NaN};
        long[] s = Arrays.copyOf(samples, n);
        Arrays.sort(s);
        return new double[] {s[n / 2] / 1e6, s[Math.min(n - 1, (int) Math.ceil(0.99 * n) - 1)] / 1e6, s[n - 1] / 1e6};
    }

    public synchronized int count() { return count; }

    /** Forgets the samples so far (e.g. those of start-up). */
    public synchronized void clear() { count = 0; }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
