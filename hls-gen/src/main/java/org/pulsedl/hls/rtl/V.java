package org.pulsedl.hls.rtl;

import java.util.ArrayList;
import java.util.List;
import org.pulsedl.hls.verilog.AlwaysBlock;
import org.pulsedl.hls.verilog.Assign;
import org.pulsedl.hls.verilog.CommentBlock;
import org.pulsedl.hls.verilog.ModuleItem;
import org.pulsedl.hls.verilog.PortSpec;
import org.pulsedl.hls.verilog.RegSpec;
import org.pulsedl.hls.verilog.Stmt;
import org.pulsedl.hls.verilog.WireSpec;
import org.pulsedl.hls.verilog.Width;

/** Short names for the typed Verilog builders, so the module generators read like the Verilog they emit. */
final class V {
    private V() {}

    static PortSpec in(String name, int bits, String comment) {
        return PortSpec.input(name, Width.bits(bits)).comment(comment).build();
    }

    static PortSpec out(String name, int bits, String comment) {
        return PortSpec.output(name, Width.bits(bits)).comment(comment).build();
    }

    static WireSpec wire(String name, int bits, String comment) {
        return WireSpec.of(name, Width.bits(bits), comment);
    }

    static RegSpec reg(String name, int bits, String comment) {
        return RegSpec.of(name, Width.bits(bits), comment);
    }

    static RegSpec regArray(String name, int bits, int depth, String comment) {
        return RegSpec.builder(name, Width.bits(bits)).array(depth).comment(comment).build();
    }

    static RegSpec comb(String name, int bits, String comment) {
        return RegSpec.comb(name, Width.bits(bits)).comment(comment).build();
    }

    static Assign assign(String target, String expr) {
        return Assign.of(target, expr);
    }

    static Stmt nb(String target, String expr) {
        return Stmt.nonBlocking(target, expr);
    }

    static Stmt bl(String target, String expr) {
        return Stmt.blocking(target, expr);
    }

    static Stmt.If when(String cond, Stmt... then) {
        return Stmt.ifThen(cond, then);
    }

    static AlwaysBlock ff(String comment, Stmt... body) {
        return AlwaysBlock.clocked("i_clk").comment(comment).add(body).build();
    }

    static AlwaysBlock ffReset(String comment, List<Stmt> onReset, List<Stmt> body) {
        return AlwaysBlock.clocked("i_clk").reset("i_rst").comment(comment).onReset(onReset.toArray(Stmt[]::new))
                .add(body).build();
    }

    static AlwaysBlock comb(String comment, Stmt... body) {
        return AlwaysBlock.combinational().comment(comment).add(body).build();
    }

    /** Sign-extends an expression of {@code from} bits to {@code to} bits (or truncates when narrower). */
    static String sext(String expr, int from, int to) {
        if (to == from) {
            return expr;
        }
        if (to < from) {
            return slice(expr, to - 1, 0);
        }
        String msb = from == 1 ? expr : bit(expr, from - 1);
        return "{{" + (to - from) + "{" + msb + "}}, " + expr + "}";
    }

    /** Bit {@code i} of a name or of a slice {@code name[hi:lo]} (no chained selects, which Verilog-2005 lacks). */
    static String bit(String expr, int i) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\[(\\d+):(\\d+)\\]")
                .matcher(expr);
        if (m.matches()) {
            return m.group(1) + "[" + (Integer.parseInt(m.group(3)) + i) + "]";
        }
        if (!expr.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("cannot select a bit of '" + expr + "'");
        }
        return expr + "[" + i + "]";
    }

    /** Bits {@code hi:lo} of a name or slice. */
    static String slice(String expr, int hi, int lo) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\[(\\d+):(\\d+)\\]")
                .matcher(expr);
        if (m.matches()) {
            int base = Integer.parseInt(m.group(3));
            return m.group(1) + "[" + (base + hi) + ":" + (base + lo) + "]";
        }
        return expr + "[" + hi + ":" + lo + "]";
    }

    /** Zero-extends an expression of {@code from} bits to {@code to} bits (or truncates). */
    static String zext(String expr, int from, int to) {
        if (to == from) {
            return expr;
        }
        if (to < from) {
            return slice(expr, to - 1, 0);
        }
        return "{" + (to - from) + "'d0, " + expr + "}";
    }

    /** Signed product of two expressions, both sign-extended to the result width first (lint-clean). */
    static String smul(String a, int aBits, String b, int bBits, int width) {
        return "$signed(" + sext(a, aBits, width) + ") * $signed(" + sext(b, bBits, width) + ")";
    }

    /** A sized decimal literal. */
    static String lit(int bits, long value) {
        return bits + "'d" + value;
    }

    /** Bits to hold values {@code 0 .. n-1} (at least 1). */
    static int clog2(long n) {
        int b = 0;
        while ((1L << b) < n) {
            b++;
        }
        return Math.max(1, b);
    }

    /**
     * A delay line of {@code stages} registers named {@code <name>_d<k>_r}; the delayed value is the wire
     * {@code name}. Zero stages is a plain wire.
     */
    static List<ModuleItem> delay(String name, int bits, String input, int stages, String comment) {
        List<ModuleItem> items = new ArrayList<>();
        items.add(wire(name, bits, comment));
        if (stages == 0) {
            items.add(assign(name, input));
            return items;
        }
        List<Stmt> body = new ArrayList<>();
        String prev = input;
        for (int k = 0; k < stages; k++) {
            String r = name + "_d" + k + "_r";
            items.add(reg(r, bits, "delay stage " + (k + 1) + " of " + stages));
            body.add(nb(r, prev));
            prev = r;
        }
        items.add(ff("Delay line: " + comment, body.toArray(Stmt[]::new)));
        items.add(assign(name, prev));
        return items;
    }

    /**
     * Moves wire and reg declarations (with a comment block right above them) in front of everything else, so every
     * signal is declared before any statement uses it; a generator can then write its sections in reading order.
     */
    static List<ModuleItem> declarationsFirst(List<ModuleItem> items) {
        List<ModuleItem> decls = new ArrayList<>();
        List<ModuleItem> rest = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ModuleItem x = items.get(i);
            boolean commentOfDecl = x instanceof CommentBlock && i + 1 < items.size() && isDeclaration(items.get(i + 1));
            (isDeclaration(x) || commentOfDecl ? decls : rest).add(x);
        }
        decls.addAll(rest);
        return decls;
    }

    private static boolean isDeclaration(ModuleItem x) {
        return x instanceof WireSpec || x instanceof RegSpec;
    }
}
