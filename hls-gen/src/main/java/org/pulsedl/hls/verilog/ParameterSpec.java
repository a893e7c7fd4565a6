package org.pulsedl.hls.verilog;

import java.util.List;

/**
 * A module parameter ({@code parameter NAME = value}), written one per line in the module header with its
 * comment. The value is a constant expression, usually a decimal number.
 */
public record ParameterSpec(String name, String value, String comment) {
    public ParameterSpec {
        Identifiers.checkConstant("parameter", name);
        Expr.check("parameter '" + name + "'", value);
        if (comment == null || comment.isBlank() || comment.contains("\n")) {
            throw new VerilogSpecException("parameter '" + name + "': needs a one-line comment saying what it sets");
        }
    }

    public static ParameterSpec of(String name, long value, String comment) {
        return new ParameterSpec(name, Long.toString(value), comment);
    }

    List<String> cells() {
        return List.of("parameter", name, "=", value);
    }
}
