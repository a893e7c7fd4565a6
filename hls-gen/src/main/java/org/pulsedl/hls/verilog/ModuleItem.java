package org.pulsedl.hls.verilog;

import java.util.List;

/** Anything that goes in a module body, in the order it was added. */
public interface ModuleItem {
    /** Writes the item at the writer's current indentation. */
    void emit(VerilogWriter w);

    /** Names this item declares in the module scope (checked for duplicates by {@link ModuleSpec}). */
    default List<String> declaredNames() {
        return List.of();
    }
}
