package org.pulsedl.daq.gui;

import java.util.List;
import org.pulsedl.daq.stats.GaussianFit;
import org.pulsedl.daq.stats.Histogram;
import org.pulsedl.daq.stats.LineFit;

/**
 * Everything one refresh of the window draws, computed off the event thread so that drawing is only copying a
 * few hundred numbers into the charts.
 *
 * @param status     rates and losses
 * @param deltaT     the Δt histogram (ps), or null while its range is being learnt
 * @param deltaTFit  its Gaussian fit, or null
 * @param pairs      Δt values so far
 * @param energy     the energy spectrum, or null
 * @param line       the fit of its strongest line, or null
 * @param energyUnit the energy axis' unit
 * @param traces     the newest waveform per channel
 * @param tickNs     ns per ADC sample (the scope's x axis)
 */
public record LiveSnapshot(LinkStatus status, Histogram deltaT, GaussianFit deltaTFit, long pairs, Histogram energy, LineFit line,
                           String energyUnit, List<ScopeTrace> traces, double tickNs) {
    /** Reads {@code live} and fits it. */
    static LiveSnapshot of(LinkStatus status, LiveModel live) {
        Histogram dt = live.deltaT().snapshot();
        Histogram e = live.energy().snapshot();
        return new LiveSnapshot(status, dt, LiveFits.deltaT(dt), live.deltaT().entries(), e, LiveFits.line(e),
                live.units().energyUnit(), live.scope().traces(), live.units().tickNs());
    }
}
