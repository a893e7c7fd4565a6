package org.pulsedl.hls.regmap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.rtl.AcceleratorRegisters;

/**
 * The SoC's address map: named regions, each a power-of-two size aligned to its size, so a region is
 * selected by comparing the address under a mask. Checked in the constructor (names, alignment, overlap).
 * Emitted by {@link MemoryMapEmitter} as a C header of bases, a Markdown table and a Verilog include of
 * decoder localparams.
 */
public record MemoryMap(String name, List<Region> regions) {
    /** One region: {@code [base, base + size)}. */
    public record Region(String name, long base, long size, String description) {
        public long end() {
            return base + size;
        }

        /** The address bits that select this region ({@code ~(size - 1)} in 32 bits). */
        public long mask() {
            return 0xFFFF_FFFFL & ~(size - 1);
        }
    }

    public MemoryMap {
        regions = List.copyOf(regions);
        String what = "memory map '" + name + "'";
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new RegisterMapException(what + ": name must be lower_snake_case");
        }
        if (regions.isEmpty()) {
            throw new RegisterMapException(what + ": has no regions");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < regions.size(); i++) {
            Region r = regions.get(i);
            String rw = "region '" + r.name() + "'";
            if (r.name() == null || !r.name().matches("[a-z][a-z0-9_]*")) {
                throw new RegisterMapException(rw + ": name must be lower_snake_case");
            }
            if (!names.add(r.name())) {
                throw new RegisterMapException(what + ": region name '" + r.name() + "' is used twice");
            }
            if (r.description() == null || r.description().isBlank()) {
                throw new RegisterMapException(rw + ": description is missing");
            }
            if (r.size() < 4 || Long.bitCount(r.size()) != 1) {
                throw new RegisterMapException(rw + ": size " + Hex.of(r.size()) + " is not a power of two of at least 4 bytes");
            }
            if (r.base() < 0 || r.end() > 0x1_0000_0000L || r.base() % r.size() != 0) {
                throw new RegisterMapException(rw + ": base " + Hex.of(r.base()) + " is not a 32-bit address aligned to its size "
                        + Hex.of(r.size()));
            }
            for (int j = 0; j < i; j++) {
                Region o = regions.get(j);
                if (r.base() < o.end() && o.base() < r.end()) {
                    throw new RegisterMapException(rw + ": " + Hex.of(r.base()) + ".." + Hex.of(r.end() - 1) + " overlaps region '"
                            + o.name() + "'");
                }
            }
        }
    }

    /** The map of DESIGN §4 with 64 KiB of RAM. */
    public static MemoryMap pulsedlSoc() {
        return pulsedlSoc(64 * 1024);
    }

    /**
     * The map of DESIGN §4: RAM at {@code 0x8000_0000} (reset vector), peripherals in 4 KiB pages at
     * {@code 0x1000_0000}, the accelerator's registers and memory windows at {@code 0x2000_0000} (its aperture),
     * ADC capture and Ethernet at {@code 0x3000_0000} and {@code 0x4000_0000}.
     */
    public static MemoryMap pulsedlSoc(long ramBytes) {
        return pulsedlSoc(ramBytes, AcceleratorRegisters.apertureBytes(AcceleratorConfig.artix7Default()));
    }

    /** As {@link #pulsedlSoc(long)}, with the accelerator's aperture ({@link AcceleratorRegisters#apertureBytes}). */
    public static MemoryMap pulsedlSoc(long ramBytes, long accelBytes) {
        List<Region> r = new ArrayList<>();
        r.add(new Region("ram", 0x8000_0000L, ramBytes, "RAM: code, data, stack; reset vector at its base"));
        r.add(new Region("uart", 0x1000_0000L, 0x1000, "UART"));
        r.add(new Region("timer", 0x1000_1000L, 0x1000, "timer (mtime/mtimecmp)"));
        r.add(new Region("sim_ctrl", 0x1000_2000L, 0x1000, "simulation control: putchar, exit code"));
        r.add(new Region("framer", 0x1000_3000L, 0x1000, "result framer: RESULT frames from the accelerator to the UART"));
        r.add(new Region("accel", AcceleratorRegisters.BASE, accelBytes, "accelerator: registers, descriptor,"
                + " parameter and weight windows (decoded exactly; other offsets give a bus error)"));
        r.add(new Region("adc", 0x3000_0000L, 0x1_0000L, "ADC capture and test-pulse generator"));
        r.add(new Region("eth", 0x4000_0000L, 0x1_0000L, "Ethernet/UDP"));
        return new MemoryMap("soc", r);
    }

    /** The region called {@code name}. */
    public Region region(String name) {
        return regions.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new RegisterMapException("memory map '" + this.name + "': no region '" + name + "'"));
    }

    /** A deterministic text of the map: the input the banners hash. */
    public String canonical() {
        StringBuilder b = new StringBuilder(name).append('\n');
        for (Region r : regions) {
            b.append(r.name()).append(' ').append(Hex.word(r.base())).append(' ').append(Hex.word(r.size())).append(' ')
                    .append(r.description()).append('\n');
        }
        return b.toString();
    }
}
