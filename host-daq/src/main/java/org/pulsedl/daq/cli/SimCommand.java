package org.pulsedl.daq.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pulsedl.daq.cpu.CpuSimulator;
import org.pulsedl.daq.cpu.CpuSimulator.Target;
import org.pulsedl.daq.cpu.CpuSources;
import org.pulsedl.daq.cpu.ElfHeader;
import org.pulsedl.daq.cpu.WindowsFile;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.data.Hdf5DatasetFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pulsedl sim}: runs an RV32 ELF on the SoC (rtl/soc: our CPU, the peripherals and the accelerator), or with
 * {@code --core} on the bare CPU, in Verilator until it stores to {@code tohost} (DESIGN §4 simulation conventions).
 * The program's console output goes to stdout; the exit code is the harness's.
 */
@Command(name = "sim", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run an RV32IM ELF on the pulsedl SoC in Verilator (docs/soc.md, \"Simulation\").",
                "The run ends when the program stores to its `tohost` symbol or the simulation-control exit register: "
                        + "1 = pass, another odd value = fail (test number = value >> 1). Simulation-control putchar, "
                        + "the HTIF console and (without --pty) the UART go to stdout.",
                "Exit codes: 0 pass, 1 fail, 2 usage or ELF error, 3 timeout (--max-cycles)."})
public final class SimCommand implements Callable<Integer> {
    @Option(names = "--elf", paramLabel = "FILE", required = true,
            description = "The program: a statically linked RV32 ELF whose entry is the reset vector 0x8000_0000.")
    Path elf;

    @Option(names = "--max-cycles", paramLabel = "N", defaultValue = "100000000",
            description = "Cycle limit; reaching it ends the run with exit code 3. Default: ${DEFAULT-VALUE}.")
    long maxCycles;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Write a waveform trace (VCD) of the core; large: use with a small --max-cycles.")
    Path trace;

    @Option(names = "--pty",
            description = "Connect the UART to a pseudo-terminal instead of stdout; its path is printed "
                    + "(\"pulsedl sim: uart on /dev/pts/N\"); what is written to it reaches the UART's receiver.")
    boolean pty;

    @Option(names = "--windows", paramLabel = "DATASET",
            description = "Inject the waveforms of an HDF5 dataset (pulsedl dataset format) into the accelerator's "
                    + "window input port, one window per event and channel, as fast as its input FIFO takes them.")
    Path windows;

    @Option(names = "--windows-events", paramLabel = "N", defaultValue = "1000",
            description = "Events of --windows to inject. Default: ${DEFAULT-VALUE}.")
    int windowEvents;

    @Option(names = "--core",
            description = "Run on the bare CPU (1 MiB harness RAM, simulation control only) instead of the SoC.")
    boolean core;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (core && (pty || windows != null)) {
            throw new IllegalArgumentException("--pty and --windows need the SoC; leave out --core");
        }
        if (windowEvents <= 0) {
            throw new IllegalArgumentException("--windows-events must be positive, got " + windowEvents);
        }
        if (maxCycles <= 0) {
            throw new IllegalArgumentException("--max-cycles must be positive, got " + maxCycles);
        }
        if (!Files.isRegularFile(elf)) {
            throw new IOException(elf + ": no such file");
        }
        ElfHeader.check(elf);
        if (trace != null && trace.toAbsolutePath().getParent() != null
                && !Files.isDirectory(trace.toAbsolutePath().getParent())) {
            throw new IOException(trace + ": the folder does not exist (--trace)");
        }
        Path windowsFile = null;
        if (windows != null) {
            Dataset dataset = Hdf5DatasetFormat.read(windows);
            windowsFile = Files.createTempFile("pulsedl-sim-", ".windows");
            windowsFile.toFile().deleteOnExit();
            WindowsFile.write(dataset, windowEvents, windowsFile);
        }
        CpuSimulator sim = CpuSimulator.build(CpuSources.root(), core ? Target.CORE : Target.SOC, trace != null, System.err);
        Process p = new ProcessBuilder(sim.command(elf, maxCycles, trace, pty, windowsFile)).inheritIO().start();
        // a simulator behind a pty runs until its program ends: ending this command (kill PID, a test's cleanup)
        // must end it too, not leave it spinning without a parent
        Thread stopSimulator = new Thread(p::destroy, "sim-stop");
        Runtime.getRuntime().addShutdownHook(stopSimulator);
        int code = p.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stopSimulator);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: the JVM ends anyway
        }
        return code;
    }
}
