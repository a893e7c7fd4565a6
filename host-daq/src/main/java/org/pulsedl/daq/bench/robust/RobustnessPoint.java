package org.pulsedl.daq.bench.robust;

import org.pulsedl.daq.sim.SimulatorConfig;

/**
 * One point of the robustness matrix.
 *
 * @param name   short label for tables and plots
 * @param factor what is varied ({@code onset}, {@code offset_ns}, …, {@code corner}, or {@code default})
 * @param value  the factor's value here, as text
 * @param config the simulation of this point
 */
public record RobustnessPoint(String name, String factor, String value, SimulatorConfig config) {
    /** True for the amplitude-spectrum point: it measures linearity, and its σΔt has no single bound. */
    public boolean spectrum() {
        return factor.equals("amplitude_spectrum");
    }
}
