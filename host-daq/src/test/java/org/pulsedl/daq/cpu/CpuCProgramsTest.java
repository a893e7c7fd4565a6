package org.pulsedl.daq.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The C programs of {@code testbenches/cpu/c} (gcc + picolibc, DESIGN §6) check their own results and report CPI
 * from mcycle/minstret; each must pass, and stay within the CPI goal of 1.5 (issue 12).
 */
class CpuCProgramsTest {
    static final Pattern REPORT = Pattern.compile("(\\S+): cycles (\\d+) instructions (\\d+) CPI (\\d+\\.\\d+)");
    static final double CPI_GOAL = 1.5;

    @TestFactory
    Stream<DynamicTest> passWithinTheCpiGoal() {
        List<Path> elfs = CpuPrograms.elfs("c");
        assertTrue(elfs.size() >= 3, "expected sort, crc and dhrystone, found " + elfs);
        return elfs.stream().map(elf -> DynamicTest.dynamicTest(elf.getFileName().toString(), () -> {
            CpuSimulator.Run r = CpuPrograms.simulate(elf, 20_000_000);
            System.out.print(r.output());
            assertEquals(CpuSimulator.PASS, r.exitCode(), () -> elf + "\n" + r.output() + r.status());
            Matcher m = REPORT.matcher(r.output());
            assertTrue(m.find(), () -> "no CPI report from " + elf + ":\n" + r.output());
            do {
                long cycles = Long.parseLong(m.group(2));
                long instructions = Long.parseLong(m.group(3));
                assertTrue(instructions > 10_000, m.group());
                assertTrue(cycles >= instructions, m.group());
                assertTrue(cycles <= CPI_GOAL * instructions, () -> "CPI above " + CPI_GOAL + ": " + m.group());
            } while (m.find());
        }));
    }
}
