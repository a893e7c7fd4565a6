package org.pulsedl.daq.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pulsedl.daq.acq.SocModelImage;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.daq.cpu.CpuSimulator;
import org.pulsedl.hls.accel.AcceleratorConfig;

/**
 * The RISC-V firmware builds with Debian's riscv64-unknown-elf-gcc and picolibc (DESIGN section 6 flags, through
 * firmware/Makefile) and fits the SoC's RAM with its stack; its RESULT path runs on our CPU in the CPU-only
 * simulator (fw-bench) and produces frames of the right size; on that CPU the boot model's image CRC equals the Java
 * SocModelImage's and an INFO request is answered. The cycle numbers are printed for
 * docs/performance.md ("Firmware"); the bound here only catches a regression, the rate budget is judged there.
 */
@Timeout(600)
class SocFirmwareBuildTest {
    /** RAM of the memory map (PULSEDL_SOC_RAM_SIZE) and the stack the linker script keeps free. */
    static final long RAM = 64 * 1024;
    static final long STACK = 4 * 1024;
    /** Code and read-only data, generated model included: a regression bound (integer-only, no printf). */
    static final long MAX_TEXT = 24 * 1024;

    private static final Pattern SIZE = Pattern.compile("^\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+\\d+\\s+\\p{XDigit}+\\s+(\\S+)$",
            Pattern.MULTILINE);

    @Test
    void firmwareBuildsAndFitsTheRam() throws Exception {
        FirmwareBuild.make("soc");
        Path elf = FirmwareBuild.out().resolve("soc/pulsedl-fw.elf");
        Process p = new ProcessBuilder("riscv64-unknown-elf-size", elf.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        Matcher m = SIZE.matcher(out);
        assertTrue(m.find() && m.group(4).endsWith("pulsedl-fw.elf"), "size output of the firmware:\n" + out);
        long text = Long.parseLong(m.group(1));
        long data = Long.parseLong(m.group(2));
        long bss = Long.parseLong(m.group(3));
        System.out.printf("pulsedl-fw.elf: text %d, data %d, bss %d bytes (RAM %d, stack %d)%n", text, data, bss, RAM, STACK);
        assertTrue(text + data + bss + STACK <= RAM, "the firmware and its stack fit the RAM");
        assertTrue(text <= MAX_TEXT, "code and constants: " + text + " bytes");
    }

    @Test
    void bootAndResultPathRunOnTheCpu() throws Exception {
        FirmwareBuild.make("bench");
        CpuSimulator sim = CpuSimulator.build(FirmwareBuild.root(), System.out);
        Path elf = FirmwareBuild.out().resolve("soc/fw-bench.elf");
        CpuSimulator.Run run = sim.run(elf, 20_000_000, 300);
        System.out.print(run.output());
        assertEquals(0, run.exitCode(), "fw-bench passes:\n" + run.output() + run.status());
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(SocModelImage.of(NeuralModel.builtin().quantized(), AcceleratorConfig.artix7Default()));
        assertTrue(run.output().contains(String.format("fw-bench: boot model crc 0x%08x%n", crc.getValue())),
                "on the RV32 CPU the boot image's CRC equals the Java SocModelImage's:\n" + run.output());
        assertTrue(run.output().contains("fw-bench: INFO reply ok"), "an INFO request through the receiver is answered");
        Matcher m = Pattern.compile("result path \\(pop, record, frame, CRC\\) cycles/record (\\d+)\\.(\\d+)").matcher(run.output());
        assertTrue(m.find(), run.output());
        double perRecord = Double.parseDouble(m.group(1) + "." + m.group(2));
        assertTrue(perRecord > 20 && perRecord < 400, "cycles per record " + perRecord + " (measured 234 on 2026-12-05)");
    }
}
