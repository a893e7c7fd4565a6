package org.pulsedl.hls.regmap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pulsedl.hls.verilog.Banner;
import org.pulsedl.hls.verilog.Provenance;

/**
 * A register map as JSON (in the spirit of LiteX's {@code csr.json}): for host tools and for the banner
 * hash of every other emitter, since the canonical JSON (without the banner) is the map's complete content.
 */
public final class RegisterMapJson {
    private RegisterMapJson() {
    }

    /** The JSON file: a {@code generated} object with the banner, then the map. */
    public static String emit(RegisterMap map, Provenance provenance) {
        Banner banner = provenance.banner(canonical(map));
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> gen = new LinkedHashMap<>();
        gen.put("note", banner.lines().get(0));
        gen.put("command", banner.command());
        gen.put("tool", banner.tool());
        gen.put("input_hash", banner.inputHash());
        root.put("generated", gen);
        root.putAll(tree(map));
        return Json.render(root);
    }

    /** The map alone, deterministic: the input every emitter's banner hash covers. */
    public static String canonical(RegisterMap map) {
        return Json.render(tree(map));
    }

    private static Map<String, Object> tree(RegisterMap map) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", map.name());
        m.put("base", map.base());
        m.put("size", map.size());
        m.put("description", map.description());
        List<Object> regs = new ArrayList<>();
        for (Register r : map.registers()) {
            Map<String, Object> jr = new LinkedHashMap<>();
            jr.put("name", r.name());
            jr.put("offset", r.offset());
            jr.put("address", map.base() + r.offset());
            jr.put("access", r.accessSummary());
            jr.put("reset", r.resetValue());
            jr.put("description", r.description());
            jr.put("write_strobe", r.hasWriteStrobe());
            jr.put("read_strobe", r.readStrobe());
            List<Object> fields = new ArrayList<>();
            for (Field f : r.fields()) {
                Map<String, Object> jf = new LinkedHashMap<>();
                jf.put("name", f.name());
                jf.put("msb", f.msb());
                jf.put("lsb", f.lsb());
                jf.put("access", f.access().name());
                jf.put("reset", f.reset());
                jf.put("description", f.description());
                List<Object> values = new ArrayList<>();
                for (EnumValue v : f.enumValues()) {
                    Map<String, Object> jv = new LinkedHashMap<>();
                    jv.put("name", v.name());
                    jv.put("value", v.value());
                    jv.put("description", v.description());
                    values.add(jv);
                }
                jf.put("values", values);
                fields.add(jf);
            }
            jr.put("fields", fields);
            regs.add(jr);
        }
        m.put("registers", regs);
        return m;
    }
}
