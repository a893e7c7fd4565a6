package org.pulsedl.hls.regmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.pulsedl.hls.verilog.Banner;
import org.pulsedl.hls.verilog.Provenance;

/**
 * A register map as a C header in LiteX's {@code csr.h} style: base, offset, address and reset macros,
 * per-field shift/width/mask and named values, and {@code static inline} accessors
 * ({@code <map>_<reg>_read/write}, {@code <map>_<reg>_<field>_extract/replace/read/write}, and
 * {@code _clear} for W1C fields). Field writes read-modify-write but never write 1 back to a W1C bit.
 */
public final class RegisterMapCHeader {
    private RegisterMapCHeader() {
    }

    public static String emit(RegisterMap map, Provenance provenance) {
        Banner banner = provenance.banner(RegisterMapJson.canonical(map));
        StringBuilder b = new StringBuilder();
        banner(b, banner);
        b.append("#pragma once\n\n#include <stdint.h>\n\n");
        String p = map.name().toUpperCase(Locale.ROOT);
        b.append("/* ").append(comment(map.name() + (map.description().isBlank() ? "" : ": " + map.description()))).append(" */\n");
        defines(b, List.of(
                new String[] {p + "_BASE", Hex.word(map.base()) + "u"},
                new String[] {p + "_SIZE", Hex.of(map.size()) + "u"}));
        for (Register r : map.registers()) {
            register(b, map, r);
        }
        return b.toString();
    }

    static void banner(StringBuilder b, Banner banner) {
        b.append("/*\n");
        for (String l : banner.lines()) {
            b.append(" * ").append(l).append('\n');
        }
        b.append(" */\n");
    }

    private static void register(StringBuilder b, RegisterMap map, Register r) {
        String fn = map.name() + "_" + r.name();
        String mac = fn.toUpperCase(Locale.ROOT);
        b.append("\n/* ").append(comment(r.name() + " @ " + Hex.of(r.offset()) + " (" + r.accessSummary() + ", reset "
                + Hex.word(r.resetValue()) + "): " + r.description())).append(" */\n");
        List<String[]> defs = new ArrayList<>();
        defs.add(new String[] {mac + "_OFFSET", Hex.of(r.offset()) + "u"});
        defs.add(new String[] {mac + "_ADDR", "(" + map.name().toUpperCase(Locale.ROOT) + "_BASE + " + mac + "_OFFSET)"});
        defs.add(new String[] {mac + "_RESET", Hex.word(r.resetValue()) + "u"});
        long w1c = 0;
        for (Field f : r.fields()) {
            if (f.access() == Access.W1C) {
                w1c |= f.mask();
            }
        }
        if (w1c != 0) {
            defs.add(new String[] {mac + "_W1C_MASK", Hex.word(w1c) + "u"});
        }
        if (!r.isWhole()) {
            for (Field f : r.fields()) {
                String fm = mac + "_" + f.name().toUpperCase(Locale.ROOT);
                defs.add(new String[] {fm + "_SHIFT", Integer.toString(f.lsb())});
                defs.add(new String[] {fm + "_WIDTH", Integer.toString(f.width())});
                defs.add(new String[] {fm + "_MASK", Hex.word(f.mask()) + "u"});
                for (EnumValue v : f.enumValues()) {
                    defs.add(new String[] {fm + "_" + v.name(), v.value() + "u"});
                }
            }
        }
        defines(b, defs);
        String ptr = "*(volatile uint32_t *)(uintptr_t)" + mac + "_ADDR";
        if (r.readable()) {
            function(b, "uint32_t " + fn + "_read(void)", "return " + ptr + ";");
        }
        if (r.writable() || r.hasWriteStrobe()) {
            function(b, "void " + fn + "_write(uint32_t value)", ptr + " = value;");
        }
        if (r.isWhole()) {
            return;
        }
        String keep = w1c != 0 ? fn + "_read() & ~" + mac + "_W1C_MASK" : fn + "_read()";
        for (Field f : r.fields()) {
            String ff = fn + "_" + f.name();
            String fm = mac + "_" + f.name().toUpperCase(Locale.ROOT);
            if (f.access().readable()) {
                function(b, "uint32_t " + ff + "_extract(uint32_t reg)",
                        "return (reg & " + fm + "_MASK) >> " + fm + "_SHIFT;");
                function(b, "uint32_t " + ff + "_read(void)", "return " + ff + "_extract(" + fn + "_read());");
            }
            if (f.access() == Access.RW || f.access() == Access.WO) {
                function(b, "uint32_t " + ff + "_replace(uint32_t reg, uint32_t value)",
                        "return (reg & ~" + fm + "_MASK) | ((value << " + fm + "_SHIFT) & " + fm + "_MASK);");
                String old = r.readable() ? keep : "0u";
                function(b, "void " + ff + "_write(uint32_t value)", fn + "_write(" + ff + "_replace(" + old + ", value));");
            }
            if (f.access() == Access.W1C) {
                function(b, "void " + ff + "_clear(uint32_t bits)",
                        fn + "_write((bits << " + fm + "_SHIFT) & " + fm + "_MASK);");
            }
        }
    }

    private static void defines(StringBuilder b, List<String[]> defs) {
        int width = defs.stream().mapToInt(d -> d[0].length()).max().orElse(0);
        for (String[] d : defs) {
            b.append("#define ").append(d[0]).append(" ".repeat(width - d[0].length() + 1)).append(d[1]).append('\n');
        }
    }

    private static void function(StringBuilder b, String signature, String body) {
        b.append("static inline ").append(signature).append(" {\n    ").append(body).append("\n}\n");
    }

    /** Comment text that cannot close the comment early. */
    static String comment(String s) {
        return s.replace("*/", "* /").replace('\n', ' ');
    }
}
