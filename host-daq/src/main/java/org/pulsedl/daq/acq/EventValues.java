package org.pulsedl.daq.acq;

import org.pulsedl.daq.listmode.ListModeHeader;
import org.pulsedl.daq.listmode.RecordUnits;
import org.pulsedl.protocol.ResultBatch;

/**
 * The physical values of a stream of result records (docs/listmode.md §3), the one place they are derived: every
 * record's energy, and for the records of one event (same timestamp, channels 0 then 1) the two-channel time
 * difference Δt = t₀ − t₁ in ps. The pairing state carries across batches. Not thread-safe.
 */
public final class EventValues {
    /** Receives the values in record order. */
    public interface Sink {
        void deltaTPs(double dtPs);

        void energy(double energy);
    }

    private final RecordUnits units;
    private long lastTimestamp = -1;
    private double lastTimeCh0 = Double.NaN;

    public EventValues(ListModeHeader header) {
        this.units = new RecordUnits(header);
    }

    public RecordUnits units() { return units; }

    public void accept(ResultBatch batch, Sink sink) {
        for (int i = 0; i < batch.size(); i++) {
            if (units.hasEnergy()) sink.energy(units.energy(batch, i));
            if (!units.hasTime()) continue;
            long ts = batch.timestamps()[i];
            int ch = batch.channels()[i];
            double tNs = units.timeNs(batch, i);
            if (ch == 0) {
                lastTimeCh0 = tNs;
                lastTimestamp = ts;
            } else if (ch == 1 && ts == lastTimestamp && !Double.isNaN(lastTimeCh0)) {
                sink.deltaTPs((lastTimeCh0 - tNs) * 1e3);
                lastTimeCh0 = Double.NaN;
            }
        }
    }
}
