package org.pulsedl.hls.verilog;

import java.util.List;

/** A {@code localparam}, optionally sized ({@code localparam [5:0] ADDR_CTRL = 6'h00;}). */
public record LocalparamSpec(String name, Width width, String value, String comment) implements Declaration {
    public LocalparamSpec {
        Identifiers.checkConstant("localparam", name);
        Expr.check("localparam '" + name + "'", value);
        if (comment == null || comment.contains("\n")) {
            throw new VerilogSpecException("localparam '" + name + "': comment must be one line (or empty)");
        }
    }

    /** An unsized localparam. */
    public static LocalparamSpec of(String name, String value, String comment) {
        return new LocalparamSpec(name, null, value, comment);
    }

    public static LocalparamSpec of(String name, long value, String comment) {
        return new LocalparamSpec(name, null, Long.toString(value), comment);
    }

    /** A sized localparam: {@code width} is the range, {@code value} should be sized to match. */
    public static LocalparamSpec sized(String name, Width width, String value, String comment) {
        return new LocalparamSpec(name, width, value, comment);
    }

    @Override
    public List<String> cells() {
        return List.of("localparam", width == null ? "" : width.render(), name, "=", value + ";");
    }

    @Override
    public List<String> declaredNames() {
        return List.of(name);
    }
}
