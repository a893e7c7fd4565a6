package org.pulsedl.hls.verilog;

import java.util.ArrayList;
import java.util.List;

/** Anything that goes in a module body, in the order it was added. */
public interface ModuleItem {
    /** Writes the item at the writer's current indentation. */
    void emit(VerilogWriter w);

    /** Names this item declares in the module scope (checked for duplicates by {@link ModuleSpec}). */
    default List<String> declaredNames() {
        return List.of();
    }

    /** The names {@code items} declare, in order; a name declared twice among them is an error naming {@code what}. */
    static List<String> uniqueNames(String what, List<? extends ModuleItem> items) {
        List<String> seen = new ArrayList<>();
        for (ModuleItem i : items) {
            for (String n : i.declaredNames()) {
                if (seen.contains(n)) {
                    throw new VerilogSpecException(what + ": name '" + n + "' is declared twice");
                }
                seen.add(n);
            }
        }
        return seen;
    }
}
