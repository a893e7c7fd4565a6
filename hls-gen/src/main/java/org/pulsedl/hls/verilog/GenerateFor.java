package org.pulsedl.hls.verilog;

import java.util.ArrayList;
import java.util.List;

/**
 * A named generate loop ({@code for (i = 0; i < N; i = i + 1) begin : g_lane}). The label is required:
 * it names the hierarchy ({@code g_lane[3].u_au}) in waveforms and synthesis reports.
 */
public final class GenerateFor implements ModuleItem {
    private final String label;
    private final String genvar;
    private final String from;
    private final String limit;
    private final List<ModuleItem> items;
    private final String comment;

    private GenerateFor(Builder b) {
        this.label = b.label;
        this.genvar = b.genvar;
        this.from = b.from;
        this.limit = b.limit;
        this.items = List.copyOf(b.items);
        this.comment = b.comment;
    }

    /** {@code for (genvar = from; genvar < limit; genvar = genvar + 1) begin : label}. */
    public static Builder builder(String label, String genvar, String from, String limit) {
        return new Builder(label, genvar, from, limit);
    }

    @Override
    public List<String> declaredNames() {
        return List.of(label, genvar);
    }

    @Override
    public void emit(VerilogWriter w) {
        if (!comment.isEmpty()) {
            w.comment(comment);
        }
        w.line("genvar " + genvar + ";");
        w.line("generate");
        w.indent();
        w.line("for (" + genvar + " = " + from + "; " + genvar + " < " + limit + "; " + genvar + " = " + genvar
                + " + 1) begin : " + label);
        w.indent();
        ModuleSpec.emitItems(w, items);
        w.outdent();
        w.line("end");
        w.outdent();
        w.line("endgenerate");
    }

    public static final class Builder {
        private final String label;
        private final String genvar;
        private final String from;
        private final String limit;
        private final List<ModuleItem> items = new ArrayList<>();
        private String comment = "";

        private Builder(String label, String genvar, String from, String limit) {
            this.label = label;
            this.genvar = genvar;
            this.from = from;
            this.limit = limit;
        }

        public Builder add(ModuleItem... more) {
            items.addAll(List.of(more));
            return this;
        }

        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        public GenerateFor build() {
            Identifiers.check("generate label", label);
            String what = "generate '" + label + "'";
            Identifiers.check(what + " genvar", genvar);
            Expr.check(what + " start", from);
            Expr.check(what + " limit", limit);
            if (items.isEmpty()) {
                throw new VerilogSpecException(what + ": the loop body is empty");
            }
            ModuleItem.uniqueNames(what, items);
            return new GenerateFor(this);
        }
    }
}
