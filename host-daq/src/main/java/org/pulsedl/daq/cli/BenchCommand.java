package org.pulsedl.daq.cli;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "TODO")
public final class BenchCommand implements Runnable {
    @Override
    public void run() {
        throw new IllegalStateException("bench: not built yet");
    }
}
