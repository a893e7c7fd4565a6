package org.pulsedl.daq.cli;

import picocli.CommandLine.Command;

@Command(name = "simulate", mixinStandardHelpOptions = true, description = "TODO")
public final class SimulateCommand implements Runnable {
    @Override
    public void run() {
        throw new IllegalStateException("simulate: not built yet");
    }
}
