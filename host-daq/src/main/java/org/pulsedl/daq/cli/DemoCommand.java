package org.pulsedl.daq.cli;

import picocli.CommandLine.Command;

@Command(name = "demo", mixinStandardHelpOptions = true, description = "TODO")
public final class DemoCommand implements Runnable {
    @Override
    public void run() {
        throw new IllegalStateException("demo: not built yet");
    }
}
