package org.pulsedl.daq.gui;

import org.pulsedl.daq.cli.SimCommand;
import picocli.CommandLine;

/**
 * The simulated SoC as a device: {@code pulsedl sim --pty} runs the SoC in Verilator with its UART on a pty. That
 * option comes with the SoC's issue; until {@code sim} has it, the connect dialog shows the entry disabled with
 * this reason.
 */
final class SimulatedSoc {
    private SimulatedSoc() {}

    /** Why the simulated SoC cannot be used in this build, or null when {@code pulsedl sim --pty} exists. */
    static String unavailableReason() {
        boolean hasPty = new CommandLine(new SimCommand()).getCommandSpec().findOption("--pty") != null;
        return hasPty ? null : "needs pulsedl sim --pty, which comes with the SoC (issue 12, part 3); not in this build yet";
    }
}
