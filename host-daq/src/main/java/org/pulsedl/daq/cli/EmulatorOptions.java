package org.pulsedl.daq.cli;

import org.pulsedl.daq.emulator.Arrival;
import org.pulsedl.daq.emulator.EmulatorSettings;
import picocli.CommandLine.Option;

/** How the emulated board's events arrive and how fast it runs, shared by {@code emulate} and {@code daq --emulator}. */
public final class EmulatorOptions {
    @Option(names = "--rate", paramLabel = "HZ", defaultValue = "" + EmulatorSettings.DEFAULT_RATE_HZ,
            description = "Mean events per second (each gives one result per channel). Default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(names = "--arrival", paramLabel = "periodic|poisson", defaultValue = "poisson",
            description = "Arrival times: a pulser (periodic) or a source (poisson). Default: ${DEFAULT-VALUE}.")
    String arrival;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads running the golden model. Default: one per processor.")
    Integer threads;

    @Option(names = "--unpaced",
            description = "Send results as fast as the link takes them instead of at the events' times (the timestamps still follow --rate).")
    boolean unpaced;

    @Option(names = "--pool", paramLabel = "BLOCKS", defaultValue = "0",
            description = "For link benchmarks: compute this many blocks of " + EmulatorSettings.DEFAULT_BLOCK_EVENTS
                    + " events once and send them again and again with fresh timestamps (0 = every pulse fresh). Default: ${DEFAULT-VALUE}.")
    int pool;

    Arrival arrival() {
        return switch (arrival.toLowerCase(java.util.Locale.ROOT)) {
            case "periodic" -> Arrival.PERIODIC;
            case "poisson" -> Arrival.POISSON;
            default -> throw new IllegalArgumentException("--arrival must be periodic or poisson, got '" + arrival + "'");
        };
    }

    /** The settings for pulses from {@code sim}. */
    EmulatorSettings settings(org.pulsedl.daq.sim.SimulatorConfig sim) {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        return new EmulatorSettings(sim, rate, arrival(), EmulatorSettings.DEFAULT_BLOCK_EVENTS, n, pool);
    }
}
