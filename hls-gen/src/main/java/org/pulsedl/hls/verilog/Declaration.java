package org.pulsedl.hls.verilog;

import java.util.List;

/**
 * A one-line declaration (wire, reg, localparam). Consecutive declarations of the same kind are written as
 * one aligned run, so their names, widths and comments line up like hand-written code.
 */
public interface Declaration extends ModuleItem {
    /** The columns of the line, the last ending with {@code ;}. */
    List<String> cells();

    /** The trailing comment, or "" for none. */
    String comment();

    @Override
    default void emit(VerilogWriter w) {
        w.aligned(List.of(cells()), List.of(comment()));
    }
}
