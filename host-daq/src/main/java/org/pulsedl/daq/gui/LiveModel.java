package org.pulsedl.daq.gui;

import org.pulsedl.daq.acq.Acquisition;
import org.pulsedl.daq.acq.EventValues;
import org.pulsedl.daq.listmode.ListModeHeader;
import org.pulsedl.daq.listmode.RecordUnits;
import org.pulsedl.protocol.EventFlag;
import org.pulsedl.protocol.ResultBatch;
import org.pulsedl.protocol.WaveformMessage;

/**
 * The data behind the live views, filled from the receiving thread (or a replay): the Δt and energy histograms
 * from {@link EventValues} (the same values as {@code daq} and {@code replay}) and the scope's waveforms. Filling
 * costs O(1) per record; the views read snapshots from another thread. {@link #reset} starts afresh for a new
 * model or file.
 */
public final class LiveModel implements Acquisition.Tap {
    /** Bins of the Δt histogram, and values that fix its range. */
    static final int DT_BINS = 120, DT_WARMUP = 2000;
    /** Bins of the energy spectrum, and values that fix its range. */
    static final int ENERGY_BINS = 1024, ENERGY_WARMUP = 4000;

    private final LiveHistogram deltaT = new LiveHistogram(DT_BINS, DT_WARMUP, LiveHistogram.centred(8));
    private final LiveHistogram energy = new LiveHistogram(ENERGY_BINS, ENERGY_WARMUP, LiveHistogram.fromZero(1.3));
    private final WaveformScope scope = new WaveformScope();
    private final EventValues.Sink sink = new EventValues.Sink() {
        @Override
        public void deltaTPs(double dt) { deltaT.add(dt); }

        @Override
        public void energy(double e) { energy.add(e); }
    };
    private volatile EventValues values;
    private volatile long records;

    public LiveModel(ListModeHeader header) { reset(header); }

    /** Forgets everything; records from now on are read with {@code header}'s model and scales. */
    public synchronized void reset(ListModeHeader header) {
        values = new EventValues(header);
        deltaT.reset();
        energy.reset();
        scope.reset();
        records = 0;
    }

    @Override
    public synchronized void onResults(ResultBatch batch) {
        EventValues v = values;
        v.accept(batch, sink);
        records += batch.size();
        RecordUnits u = v.units();
        for (int i = 0; i < batch.size(); i++) {
            if ((batch.flags()[i] & EventFlag.WAVEFORM_SENT.mask()) != 0) {
                scope.onMarker(batch.channels()[i], batch.timestamps()[i], u.windowTimeNs(batch, i));
            }
        }
    }

    @Override
    public void onWaveform(WaveformMessage w) { scope.onWaveform(w.channel(), w.timestamp(), w.samples()); }

    public long records() { return records; }

    public LiveHistogram deltaT() { return deltaT; }

    public LiveHistogram energy() { return energy; }

    public WaveformScope scope() { return scope; }

    public RecordUnits units() { return values.units(); }
}
