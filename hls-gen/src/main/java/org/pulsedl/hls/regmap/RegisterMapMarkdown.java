package org.pulsedl.hls.regmap;

import java.util.List;

import org.pulsedl.hls.verilog.Banner;
import org.pulsedl.hls.verilog.Provenance;

/** A register map as Markdown: a summary table, then a field table per register (with named values). */
public final class RegisterMapMarkdown {
    private RegisterMapMarkdown() {
    }

    public static String emit(RegisterMap map, Provenance provenance) {
        Banner banner = provenance.banner(RegisterMapJson.canonical(map));
        StringBuilder b = new StringBuilder();
        banner(b, banner);
        b.append("# Registers of `").append(map.name()).append("`\n\n");
        if (!map.description().isBlank()) {
            b.append(map.description()).append("\n\n");
        }
        b.append("Base address `").append(Hex.address(map.base())).append("`, ").append(map.size())
                .append(" bytes. Registers are 32 bits; unmapped offsets read as 0.\n\n");
        b.append("| Register | Offset | Access | Reset | Description |\n|---|---|---|---|---|\n");
        for (Register r : map.registers()) {
            row(b, "`" + r.name() + "`", Hex.of(r.offset()), r.accessSummary(), Hex.word(r.resetValue()), r.description());
        }
        for (Register r : map.registers()) {
            b.append("\n## `").append(r.name()).append("` (").append(Hex.of(r.offset())).append(")\n\n");
            b.append(cell(sentence(r.description()))).append(strobes(r)).append("\n\n");
            b.append("| Field | Bits | Access | Reset | Description |\n|---|---|---|---|---|\n");
            for (Field f : r.fields()) {
                row(b, "`" + f.name() + "`", RegisterMapValidator.bits(f), f.access().name(), Hex.of(f.reset()),
                        f.enumValues().isEmpty() ? f.description() : sentence(f.description()) + values(f.enumValues()));
            }
        }
        return b.toString();
    }

    static void banner(StringBuilder b, Banner banner) {
        b.append("<!--\n");
        for (String l : banner.lines()) {
            b.append("  ").append(l).append('\n');
        }
        b.append("-->\n\n");
    }

    private static String strobes(Register r) {
        String s = "";
        if (r.hasWriteStrobe()) {
            s += " A write pulses `o_" + r.name() + "_wr`.";
        }
        if (r.readStrobe()) {
            s += " A read pulses `o_" + r.name() + "_rd`.";
        }
        return s;
    }

    private static String values(List<EnumValue> values) {
        StringBuilder b = new StringBuilder();
        for (EnumValue v : values) {
            b.append(b.length() == 0 ? " Values: " : "; ").append(v.value()).append(" = `").append(v.name()).append("`");
            if (!v.description().isBlank()) {
                b.append(" (").append(v.description()).append(')');
            }
        }
        return b.toString();
    }

    /** {@code s} ending in a full stop, so appended sentences read. */
    static String sentence(String s) {
        return s.endsWith(".") ? s : s + ".";
    }

    static void row(StringBuilder b, String... cells) {
        b.append('|');
        for (String c : cells) {
            b.append(' ').append(cell(c)).append(" |");
        }
        b.append('\n');
    }

    /** Table-cell text: pipes escaped, one line. */
    static String cell(String s) {
        return s.replace("|", "\\|").replace('\n', ' ');
    }
}
