package org.pulsedl.daq.listmode;

import java.util.List;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.protocol.ResultBatch;

/**
 * A record in physical units, the one place the conversion is written (docs/listmode.md §3): the pulse time is the
 * window's trigger tick plus the network's time output, {@code t = timestamp · tick_ns + offset_t + gain_t · raw_t}
 * (ns), and the energy is {@code offset_e + gain_e · raw_e} in the energy output's unit. Which output is which
 * follows the benchmark's rule ({@link NeuralModel#outputRoles}).
 */
public final class RecordUnits {
    private final double tickNs;
    private final int timeIndex;
    private final int energyIndex;
    private final OutputScale time;
    private final OutputScale energy;

    public RecordUnits(ListModeHeader header) {
        int[] roles = NeuralModel.outputRoles(header.model(), "model '" + header.model().name() + "'");
        List<OutputScale> scales = header.scales();
        this.tickNs = header.tickNs();
        this.timeIndex = roles[0];
        this.energyIndex = roles[1];
        this.time = timeIndex >= 0 ? scales.get(timeIndex) : null;
        this.energy = energyIndex >= 0 ? scales.get(energyIndex) : null;
    }

    public boolean hasTime() { return time != null; }

    public boolean hasEnergy() { return energy != null; }

    /** The energy output's unit (empty when it has none). */
    public String energyUnit() { return energy == null ? "" : energy.unit(); }

    /** Time of record {@code i} since START, ns (the trigger tick alone when the model has no time output). */
    public double timeNs(ResultBatch b, int i) {
        double t = b.timestamps()[i] * tickNs;
        return time == null ? t : t + windowTimeNs(b, i);
    }

    /** The network's time output of record {@code i}: the pulse time within its window, ns (NaN without one). */
    public double windowTimeNs(ResultBatch b, int i) {
        return time == null ? Double.NaN : time.physical(b.output(i, timeIndex));
    }

    /** Nanoseconds per timestamp tick (one ADC sample). */
    public double tickNs() { return tickNs; }

    /** Energy of record {@code i}, or NaN when the model has no energy output. */
    public double energy(ResultBatch b, int i) {
        return energy == null ? Double.NaN : energy.physical(b.output(i, energyIndex));
    }
}
