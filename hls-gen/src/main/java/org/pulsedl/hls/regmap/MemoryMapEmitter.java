package org.pulsedl.hls.regmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.pulsedl.hls.verilog.Assign;
import org.pulsedl.hls.verilog.Banner;
import org.pulsedl.hls.verilog.CommentBlock;
import org.pulsedl.hls.verilog.LocalparamSpec;
import org.pulsedl.hls.verilog.ModuleItem;
import org.pulsedl.hls.verilog.ModuleSpec;
import org.pulsedl.hls.verilog.PortSpec;
import org.pulsedl.hls.verilog.Provenance;
import org.pulsedl.hls.verilog.VerilogFile;
import org.pulsedl.hls.verilog.VerilogWriter;
import org.pulsedl.hls.verilog.Width;

/**
 * The memory map as a C header of region bases and sizes, a Markdown table, a Verilog include of decoder
 * localparams ({@code MMAP_<REGION>_BASE/_MASK}: an address {@code a} is in the region when
 * {@code (a & MASK) == BASE}) and, built from the same localparams, an address-decoder module.
 */
public final class MemoryMapEmitter {
    private MemoryMapEmitter() {
    }

    public static String cHeader(MemoryMap map, Provenance provenance) {
        StringBuilder b = new StringBuilder();
        RegisterMapCHeader.banner(b, provenance.banner(map.canonical()));
        b.append("#pragma once\n\n/* Memory map '").append(map.name()).append("' (DESIGN section 4). */\n");
        String p = map.name().toUpperCase(Locale.ROOT);
        int width = map.regions().stream().mapToInt(r -> p.length() + r.name().length() + 7).max().orElse(0);
        for (MemoryMap.Region r : map.regions()) {
            String n = p + "_" + r.name().toUpperCase(Locale.ROOT);
            b.append("\n/* ").append(RegisterMapCHeader.comment(r.description())).append(" */\n");
            b.append("#define ").append(pad(n + "_BASE", width)).append(Hex.word(r.base())).append("u\n");
            b.append("#define ").append(pad(n + "_SIZE", width)).append(Hex.word(r.size())).append("u\n");
        }
        return b.toString();
    }

    /**
     * A GNU ld fragment with the {@code MEMORY} command for the region {@code ram} ({@code INCLUDE} it from the
     * firmware's linker script), so the link and the hardware agree on where RAM is and how large.
     */
    public static String linkerMemory(MemoryMap map, Provenance provenance) {
        StringBuilder b = new StringBuilder();
        RegisterMapCHeader.banner(b, provenance.banner(map.canonical()));
        MemoryMap.Region ram = map.region("ram");
        b.append("/* RAM of memory map '").append(map.name()).append("': ").append(RegisterMapCHeader.comment(ram.description()))
                .append(" */\nMEMORY\n{\n  ram (rwx) : ORIGIN = ").append(Hex.word(ram.base())).append(", LENGTH = ")
                .append(Hex.word(ram.size())).append("\n}\n");
        return b.toString();
    }

    public static String markdown(MemoryMap map, Provenance provenance) {
        StringBuilder b = new StringBuilder();
        RegisterMapMarkdown.banner(b, provenance.banner(map.canonical()));
        b.append("# Memory map `").append(map.name()).append("`\n\n");
        b.append("| Region | Base | Size | Last address | Description |\n|---|---|---|---|---|\n");
        for (MemoryMap.Region r : map.regions()) {
            RegisterMapMarkdown.row(b, "`" + r.name() + "`", Hex.address(r.base()), size(r.size()),
                    Hex.address(r.end() - 1), r.description());
        }
        return b.toString();
    }

    /** The include file ({@code <map>_memory_map.vh}): localparams to {@code `include} inside a module. */
    public static String verilogInclude(MemoryMap map, Provenance provenance) {
        return VerilogWriter.include(provenance.banner(map.canonical()), localparams(map));
    }

    /** A decoder module {@code <map>_addr_decode}: one select output per region. */
    public static ModuleSpec decoder(MemoryMap map) {
        ModuleSpec.Builder m = ModuleSpec.builder(map.name() + "_addr_decode")
                .header(map.name() + "_addr_decode: which region of memory map '" + map.name() + "' an address falls in.",
                        "Generated from MemoryMap '" + map.name() + "'; the constants are those of " + map.name()
                                + "_memory_map.vh.")
                .port(PortSpec.input("i_addr", Width.bits(32)).comment("bus address").build());
        List<ModuleItem> items = new ArrayList<>(localparams(map));
        for (MemoryMap.Region r : map.regions()) {
            m.port(PortSpec.output("o_sel_" + r.name(), Width.ONE).comment(r.name() + " " + Hex.address(r.base()) + ": "
                    + r.description()).build());
            String n = constant(map, r);
            items.add(Assign.of("o_sel_" + r.name(), "(i_addr & " + n + "_MASK) == " + n + "_BASE"));
        }
        return m.add(items).build();
    }

    /** The decoder as a generated file. */
    public static VerilogFile decoderFile(MemoryMap map, Provenance provenance) {
        Banner banner = provenance.banner(map.canonical());
        return new VerilogFile(banner, decoder(map));
    }

    private static List<ModuleItem> localparams(MemoryMap map) {
        List<ModuleItem> items = new ArrayList<>();
        items.add(CommentBlock.of("Memory map '" + map.name() + "': address a is in region R when (a & R_MASK) == R_BASE."));
        for (MemoryMap.Region r : map.regions()) {
            String n = constant(map, r);
            items.add(LocalparamSpec.sized(n + "_BASE", Width.bits(32), verilogWord(r.base()), r.description()));
            items.add(LocalparamSpec.sized(n + "_MASK", Width.bits(32), verilogWord(r.mask()), size(r.size())));
        }
        return items;
    }

    private static String constant(MemoryMap map, MemoryMap.Region r) {
        return "MMAP_" + r.name().toUpperCase(Locale.ROOT);
    }

    private static String verilogWord(long v) {
        String h = String.format("%08x", v);
        return "32'h" + h.substring(0, 4) + "_" + h.substring(4);
    }

    private static String size(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " B";
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(1, width - s.length() + 1));
    }
}
