package org.pulsedl.daq.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pulsedl.daq.cpu.CpuSimulator;
import org.pulsedl.daq.cpu.CpuSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pulsedl sim}: runs an RV32 ELF on our CPU (rtl/cpu) in Verilator until it stores to {@code tohost}
 * (DESIGN §4 simulation conventions). The program's putchar output goes to stdout; the exit code is the harness's.
 */
@Command(name = "sim", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run an RV32IM ELF on the pulsedl CPU in Verilator (docs/soc.md, \"Simulation\").",
                "The run ends when the program stores to its `tohost` symbol: 1 = pass, another odd value = fail "
                        + "(test number = value >> 1). Output written to 0x1000_2000 (putchar) or the HTIF console "
                        + "goes to stdout.",
                "Exit codes: 0 pass, 1 fail, 2 usage or ELF error, 3 timeout (--max-cycles).",
                "Not yet: --pty (the UART on a pseudo-terminal) and --windows (ADC windows into the SoC's input "
                        + "port) come with the SoC (issue 12, part 3)."})
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

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (maxCycles <= 0) {
            throw new IllegalArgumentException("--max-cycles must be positive, got " + maxCycles);
        }
        if (!Files.isRegularFile(elf)) {
            throw new IOException(elf + ": no such file");
        }
        if (trace != null && trace.toAbsolutePath().getParent() != null
                && !Files.isDirectory(trace.toAbsolutePath().getParent())) {
            throw new IOException(trace + ": the folder does not exist (--trace)");
        }
        CpuSimulator sim = CpuSimulator.build(CpuSources.root(), System.err);
        Process p = new ProcessBuilder(sim.command(elf, maxCycles, trace)).inheritIO().start();
        return p.waitFor();
    }
}
