package org.pulsedl.hls.verilog;

import java.util.Map;
import java.util.OptionalLong;

/**
 * A packed range {@code [msb:lsb]}, or a single bit (no range). The bounds are constant expressions, so a
 * width may follow a parameter ({@code Width.of("DATA_W")} is {@code [DATA_W-1:0]}); {@link #bits(Map)}
 * evaluates it when the parameter values are known.
 */
public record Width(String msb, String lsb) {
    /** One bit: rendered without a range. */
    public static final Width ONE = new Width("0", "0");

    public Width {
        Expr.check("width msb", msb);
        Expr.check("width lsb", lsb);
    }

    /** {@code n} bits, {@code [n-1:0]}; 1 bit is a scalar. */
    public static Width bits(int n) {
        if (n < 1) {
            throw new VerilogSpecException("width: " + n + " bits (must be at least 1)");
        }
        return n == 1 ? ONE : new Width(Integer.toString(n - 1), "0");
    }

    /** {@code [expr-1:0]}, e.g. {@code of("DATA_W")}; a decimal literal gives the same as {@link #bits(int)}. */
    public static Width of(String widthExpr) {
        Expr.check("width", widthExpr);
        if (widthExpr.matches("[0-9]+")) {
            return bits(Integer.parseInt(widthExpr));
        }
        boolean simple = widthExpr.matches("[A-Za-z_][A-Za-z0-9_]*");
        return new Width((simple ? widthExpr : "(" + widthExpr + ")") + "-1", "0");
    }

    /** An explicit range {@code [msb:lsb]}. */
    public static Width range(String msb, String lsb) {
        return new Width(msb, lsb);
    }

    /** True for a one-bit signal written without a range. */
    public boolean isScalar() {
        return msb.equals("0") && lsb.equals("0");
    }

    /** The range as written in a declaration, {@code "[7:0]"}, or {@code ""} for a scalar. */
    public String render() {
        return isScalar() ? "" : "[" + msb + ":" + lsb + "]";
    }

    /** The number of bits when the bounds evaluate with {@code params}; empty if unknown. */
    public OptionalLong bits(Map<String, Long> params) {
        OptionalLong hi = ConstExpr.eval(msb, params);
        OptionalLong lo = ConstExpr.eval(lsb, params);
        if (hi.isEmpty() || lo.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.abs(hi.getAsLong() - lo.getAsLong()) + 1);
    }

    /** The number of bits if the bounds are literals. */
    public OptionalLong knownBits() {
        return bits(Map.of());
    }
}
