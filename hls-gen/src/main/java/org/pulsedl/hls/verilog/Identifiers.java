package org.pulsedl.hls.verilog;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules for Verilog identifiers. Generated names must be legal simple identifiers in Verilog-2005 and must
 * not collide with any Verilog-2005 or SystemVerilog-2017 keyword, so the same file also reads in tools that
 * parse it as SystemVerilog (Verilator does by default for {@code .sv}, Vivado for mixed projects).
 */
public final class Identifiers {
    private static final Pattern SIMPLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    private static final Pattern UPPER = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** IEEE 1364-2005 Annex B. */
    static final Set<String> VERILOG_2005 = Set.of(
            "always", "and", "assign", "automatic", "begin", "buf", "bufif0", "bufif1", "case", "casex",
            "casez", "cell", "cmos", "config", "deassign", "default", "defparam", "design", "disable", "edge",
            "else", "end", "endcase", "endconfig", "endfunction", "endgenerate", "endmodule", "endprimitive",
            "endspecify", "endtable", "endtask", "event", "for", "force", "forever", "fork", "function",
            "generate", "genvar", "highz0", "highz1", "if", "ifnone", "incdir", "include", "initial", "inout",
            "input", "instance", "integer", "join", "large", "liblist", "library", "localparam",
            "macromodule", "medium", "module", "nand", "negedge", "nmos", "nor", "noshowcancelled", "not",
            "notif0", "notif1", "or", "output", "parameter", "pmos", "posedge", "primitive", "pull0", "pull1",
            "pulldown", "pullup", "pulsestyle_onevent", "pulsestyle_ondetect", "rcmos", "real", "realtime",
            "reg", "release", "repeat", "rnmos", "rpmos", "rtran", "rtranif0", "rtranif1", "scalared",
            "showcancelled", "signed", "small", "specify", "specparam", "strong0", "strong1", "supply0",
            "supply1", "table", "task", "time", "tran", "tranif0", "tranif1", "tri", "tri0", "tri1", "triand",
            "trior", "trireg", "unsigned", "use", "uwire", "vectored", "wait", "wand", "weak0", "weak1",
            "while", "wire", "wor", "xnor", "xor");

    /** Keywords IEEE 1800-2017 adds to Verilog-2005. */
    static final Set<String> SYSTEMVERILOG_2017 = Set.of(
            "accept_on", "alias", "always_comb", "always_ff", "always_latch", "assert", "assume", "before",
            "bind", "bins", "binsof", "bit", "break", "byte", "chandle", "checker", "class", "clocking",
            "const", "constraint", "context", "continue", "cover", "covergroup", "coverpoint", "cross", "dist",
            "do", "endchecker", "endclass", "endclocking", "endgroup", "endinterface", "endpackage",
            "endprogram", "endproperty", "endsequence", "enum", "eventually", "expect", "export", "extends",
            "extern", "final", "first_match", "foreach", "forkjoin", "global", "iff", "ignore_bins",
            "illegal_bins", "implements", "implies", "import", "inside", "int", "interconnect", "interface",
            "intersect", "join_any", "join_none", "let", "local", "logic", "longint", "matches", "modport",
            "nettype", "new", "nexttime", "null", "package", "packed", "priority", "program", "property",
            "protected", "pure", "rand", "randc", "randcase", "randsequence", "ref", "reject_on", "restrict",
            "return", "s_always", "s_eventually", "s_nexttime", "s_until", "s_until_with", "sequence",
            "shortint", "shortreal", "soft", "solve", "static", "string", "strong", "struct", "super",
            "sync_accept_on", "sync_reject_on", "tagged", "this", "throughout", "timeprecision", "timeunit",
            "type", "typedef", "union", "unique", "unique0", "until", "until_with", "untyped", "var",
            "virtual", "void", "wait_order", "weak", "wildcard", "with", "within");

    private Identifiers() {
    }

    /** True if {@code word} is a Verilog-2005 or SystemVerilog-2017 keyword (keywords are case-sensitive). */
    public static boolean isKeyword(String word) {
        return VERILOG_2005.contains(word) || SYSTEMVERILOG_2017.contains(word);
    }

    /** True if {@code name} is a legal simple identifier that is not a keyword. */
    public static boolean isLegal(String name) {
        return name != null && SIMPLE.matcher(name).matches() && !isKeyword(name);
    }

    /** Checks {@code name} is a legal identifier; {@code what} names the object for the message. */
    public static String check(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw new VerilogSpecException(what + ": name is empty");
        }
        if (!SIMPLE.matcher(name).matches()) {
            throw new VerilogSpecException(what + " '" + name + "': not a legal Verilog identifier");
        }
        if (isKeyword(name)) {
            throw new VerilogSpecException(what + " '" + name + "': is a Verilog/SystemVerilog keyword");
        }
        return name;
    }

    /** Checks an upper-case constant name (parameters and localparams, e.g. {@code DATA_W}). */
    public static String checkConstant(String what, String name) {
        check(what, name);
        if (!UPPER.matcher(name).matches()) {
            throw new VerilogSpecException(what + " '" + name + "': constants are UPPER_CASE");
        }
        return name;
    }
}
