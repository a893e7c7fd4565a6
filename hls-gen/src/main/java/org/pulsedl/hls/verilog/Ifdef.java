package org.pulsedl.hls.verilog;

import java.util.ArrayList;
import java.util.List;

/**
 * Two alternative runs of body items chosen by a preprocessor macro: {@code `ifdef MACRO} ... {@code `else} ...
 * {@code `endif}, with a comment above saying why there are two and what ties them together. A name may be declared
 * in both branches (only one is ever compiled), never twice in one.
 */
public final class Ifdef implements ModuleItem {
    private final String macro;
    private final List<String> comment;
    private final List<ModuleItem> defined;
    private final List<ModuleItem> otherwise;

    private Ifdef(String macro, List<String> comment, List<ModuleItem> defined, List<ModuleItem> otherwise) {
        this.macro = macro;
        this.comment = List.copyOf(comment);
        this.defined = List.copyOf(defined);
        this.otherwise = List.copyOf(otherwise);
    }

    /** {@code `ifdef macro} {@code defined} {@code `else} {@code otherwise} {@code `endif}, both branches non-empty. */
    public static Ifdef of(String macro, List<String> comment, List<? extends ModuleItem> defined,
                           List<? extends ModuleItem> otherwise) {
        Identifiers.check("ifdef macro", macro);
        String what = "`ifdef " + macro;
        if (comment.isEmpty()) {
            throw new VerilogSpecException(what + ": say why there are two branches (comment is missing)");
        }
        if (defined.isEmpty() || otherwise.isEmpty()) {
            throw new VerilogSpecException(what + ": a branch is empty");
        }
        new CommentBlock(comment);                                  // checks the lines
        ModuleItem.uniqueNames(what + " (defined)", defined);
        ModuleItem.uniqueNames(what + " (else)", otherwise);
        return new Ifdef(macro, comment, new ArrayList<>(defined), new ArrayList<>(otherwise));
    }

    public List<ModuleItem> defined() {
        return defined;
    }

    public List<ModuleItem> otherwise() {
        return otherwise;
    }

    @Override
    public List<String> declaredNames() {
        List<String> all = new ArrayList<>(ModuleItem.uniqueNames("", defined));
        for (String n : ModuleItem.uniqueNames("", otherwise)) {
            if (!all.contains(n)) {
                all.add(n);
            }
        }
        return all;
    }

    @Override
    public void emit(VerilogWriter w) {
        for (String l : comment) {
            w.comment(l);
        }
        w.line("`ifdef " + macro);
        w.blank();
        ModuleSpec.emitItems(w, defined);
        w.blank();
        w.line("`else");
        w.blank();
        ModuleSpec.emitItems(w, otherwise);
        w.blank();
        w.line("`endif");
    }
}
