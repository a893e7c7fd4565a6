package org.pulsedl.daq.acq;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.pulsedl.daq.listmode.ListModeWriter;
import org.pulsedl.protocol.AckMessage;
import org.pulsedl.protocol.Frame;
import org.pulsedl.protocol.FrameFlag;
import org.pulsedl.protocol.FrameListener;
import org.pulsedl.protocol.MessageType;
import org.pulsedl.protocol.PayloadException;
import org.pulsedl.protocol.ResultBatch;
import org.pulsedl.protocol.StatsMessage;
import org.pulsedl.protocol.WaveformMessage;

/**
 * The receiving end of a run: every intact frame from the board, on the transport's thread. RESULT records go to
 * the list-mode file and the live analysis; STATS are kept (the one after STOP ends the run); answers go to the
 * {@link BoardClient}. Counters are readable from any thread for the status line.
 */
public final class Acquisition implements FrameListener {
    /** Sees every RESULT batch and WAVEFORM as it arrives, on the receiving thread (the GUI's live views). */
    public interface Tap {
        void onResults(ResultBatch batch);

        void onWaveform(WaveformMessage waveform);
    }

    private final Object lock = new Object();
    private final BoardClient client;
    private ListModeWriter writer;
    private EventAnalysis analysis;
    private final CountDownLatch finalStats = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile boolean stopAcked;
    private volatile long records;
    private volatile long resultFrames;
    private volatile long waveforms;
    private volatile long badPayloads;
    private volatile StatsMessage lastStats;
    private volatile IOException writeFailure;
    private volatile Tap tap;
    private long notedMissing;

    public Acquisition(BoardClient client) {
        this.client = client;
    }

    /** Where the records of the run go from now on ({@code writer} may be null: no file); earlier ones are ignored. */
    public void begin(ListModeWriter writer, EventAnalysis analysis) {
        synchronized (lock) {
            this.writer = writer;
            this.analysis = analysis;
        }
    }

    @Override
    public void onFrame(Frame f) {
        MessageType t = f.messageType();
        if (t == null) return;
        try {
            switch (t) {
                case RESULT -> results(ResultBatch.decode(f.payload()));
                case WAVEFORM -> {
                    waveforms++;
                    Tap listening = tap;
                    if (listening != null) listening.onWaveform(WaveformMessage.decode(f.payload()));
                }
                case STATS -> {
                    if (f.has(FrameFlag.REPLY)) {
                        client.onReply(f);
                    } else {
                        lastStats = StatsMessage.decode(f.payload());
                        if (stopAcked) finalStats.countDown();
                    }
                }
                case ACK -> {
                    // The board acknowledges STOP after its last result; the STATS after that ACK is its final count.
                    if (stopping && AckMessage.decode(f.payload()).ackedType() == MessageType.STOP.code()) stopAcked = true;
                    client.onReply(f);
                }
                default -> client.onReply(f);
            }
        } catch (PayloadException bad) {
            badPayloads++;
        }
    }

    /** Where every RESULT batch and WAVEFORM also goes from now on (null: nowhere). */
    public void tap(Tap t) { tap = t; }

    private void results(ResultBatch b) {
        Tap t = tap;
        if (t != null) t.onResults(b);
        synchronized (lock) {
            if (analysis == null) return;
            analysis.accept(b);
            if (writer != null && writeFailure == null) {
                try {
                    writer.add(b);
                } catch (IOException e) {
                    writeFailure = e;
                }
            }
            resultFrames++;
            records += b.size();
        }
    }

    /**
     * Notes the link's running count of missing frames (sequence gaps); the increase since the last call is recorded
     * with the next list-mode block, so a replay knows where data went missing.
     */
    public void noteMissingFrames(long total) {
        synchronized (lock) {
            if (writer != null && total > notedMissing) writer.addMissingFrames(total - notedMissing);
            notedMissing = Math.max(notedMissing, total);
        }
    }

    /** Notes that STOP was sent: the next unsolicited STATS is the board's last word. */
    public void stopping() { stopping = true; }

    /** Waits for the board's final STATS after STOP; false on timeout. */
    public boolean awaitFinalStats(long millis) throws InterruptedException {
        return finalStats.await(millis, TimeUnit.MILLISECONDS);
    }

    public long records() { return records; }

    public long resultFrames() { return resultFrames; }

    public long waveforms() { return waveforms; }

    /** Intact frames whose payload did not match its layout. */
    public long badPayloads() { return badPayloads; }

    public StatsMessage lastStats() { return lastStats; }

    public IOException writeFailure() { return writeFailure; }

    public AnalysisSummary summary() {
        synchronized (lock) {
            return analysis == null ? null : analysis.summary();
        }
    }

    /** Flushes the list-mode block being collected (the status line calls it, so a quiet link still flushes). */
    public void flush() throws IOException {
        synchronized (lock) {
            if (writer != null) writer.flush();
        }
    }
}
