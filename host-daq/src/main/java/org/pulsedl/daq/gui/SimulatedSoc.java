package org.pulsedl.daq.gui;

import org.pulsedl.daq.cli.SimCommand;
import picocli.CommandLine;

/**
 * The simulated SoC as a device: {@code pulsedl sim --elf FIRMWARE --pty --windows DATASET} runs the SoC in
 * Verilator with its UART on a pty, which the GUI opens as a serial port. The protocol is the board's, but the
 * simulation runs tens of thousands of cycles per second: a command may take seconds (a STOP waits until the
 * accelerator has drained, a model loads in ~15 s), so the GUI waits {@link #ANSWER_MS} for each answer.
 * Builds whose {@code sim} has no {@code --pty} show the entry disabled with the reason.
 */
final class SimulatedSoc {
    /** How long the simulated SoC may take to answer a command. */
    static final long ANSWER_MS = 120_000;

    private SimulatedSoc() {}

    /** Why the simulated SoC cannot be used in this build, or null when {@code pulsedl sim --pty} exists. */
    static String unavailableReason() {
        boolean hasPty = new CommandLine(new SimCommand()).getCommandSpec().findOption("--pty") != null;
        return hasPty ? null : "needs pulsedl sim --pty, which comes with the SoC (issue 12, part 3); not in this build yet";
    }
}
