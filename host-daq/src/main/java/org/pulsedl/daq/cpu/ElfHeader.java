package org.pulsedl.daq.cpu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ELF header tests of the simulation harness ({@code testbenches/cpu/elf32.cpp}), made in Java before the
 * simulator is built: a wrong file then costs a line, not a Verilator build of minutes first. The harness still
 * checks everything (program headers, segments, the entry point) when it loads the file.
 */
public final class ElfHeader {
    private static final int EM_RISCV = 243;
    private static final int ET_EXEC = 2;

    private ElfHeader() {}

    /** Throws with the harness's wording unless {@code elf} starts as a 32-bit little-endian RISC-V executable. */
    public static void check(Path elf) throws IOException {
        byte[] h = new byte[52];
        int n;
        try (InputStream in = Files.newInputStream(elf)) {
            n = in.readNBytes(h, 0, h.length);
        }
        String why = null;
        if (n < h.length || h[0] != 0x7f || h[1] != 'E' || h[2] != 'L' || h[3] != 'F') {
            why = "not an ELF file";
        } else if (h[4] != 1) {
            why = "not a 32-bit ELF file (built for RV64? use -march=rv32im_zicsr_zifencei -mabi=ilp32)";
        } else if (h[5] != 1) {
            why = "not a little-endian ELF file";
        } else if (u16(h, 18) != EM_RISCV) {
            why = "not a RISC-V ELF file (e_machine " + u16(h, 18) + ")";
        } else if (u16(h, 16) != ET_EXEC) {
            why = "not an executable ELF file (relocatable object or shared library?)";
        }
        if (why != null) {
            throw new IOException(elf + ": " + why);
        }
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }
}
