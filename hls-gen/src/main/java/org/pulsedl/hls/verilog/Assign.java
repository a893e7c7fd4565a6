package org.pulsedl.hls.verilog;

import java.util.List;

/** A continuous assignment, {@code assign target = expr;}, with an optional trailing comment. */
public record Assign(String target, String expr, String comment) implements Declaration {
    public Assign {
        Expr.checkTarget("assign", target);
        Expr.check("assign to '" + target + "'", expr);
        if (comment == null || comment.contains("\n")) {
            throw new VerilogSpecException("assign to '" + target + "': comment must be one line (or empty)");
        }
    }

    public static Assign of(String target, String expr) {
        return new Assign(target, expr, "");
    }

    public static Assign of(String target, String expr, String comment) {
        return new Assign(target, expr, comment);
    }

    @Override
    public List<String> cells() {
        return List.of("assign", target, "=", expr + ";");
    }
}
