package org.pulsedl.daq.bench;

import org.pulsedl.daq.dsp.EnergyEstimator;
import org.pulsedl.daq.dsp.TimeEstimator;

/**
 * One estimation method under benchmark: a name as it appears in reports and JSON, and the time and/or
 * energy estimator it provides ({@code null} when the method has no estimate of that kind).
 */
public record Method(String name, TimeEstimator time, EnergyEstimator energy) {
    public Method {
        if (time == null && energy == null) throw new IllegalArgumentException("method " + name + " estimates nothing");
    }
}
