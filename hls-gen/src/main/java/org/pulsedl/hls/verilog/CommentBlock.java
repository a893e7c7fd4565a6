package org.pulsedl.hls.verilog;

import java.util.List;

/**
 * A block of {@code //} lines that says where the next piece comes from (layer, tensor shape, register
 * field and access; STYLE item 8). It is written directly above the item that follows it.
 */
public record CommentBlock(List<String> lines) implements ModuleItem {
    public CommentBlock {
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new VerilogSpecException("comment block: no lines");
        }
        for (String l : lines) {
            if (l.contains("\n") || l.contains("\t")) {
                throw new VerilogSpecException("comment block: line '" + l.strip() + "' contains a newline or tab");
            }
        }
    }

    public static CommentBlock of(String... lines) {
        return new CommentBlock(List.of(lines));
    }

    @Override
    public void emit(VerilogWriter w) {
        for (String l : lines) {
            w.comment(l);
        }
    }
}
