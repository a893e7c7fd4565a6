package org.pulsedl.hls.verilog;

import java.util.ArrayList;
import java.util.List;

/**
 * An always block: clocked ({@code always @(posedge clk)}, optional synchronous reset, non-blocking
 * assignments only) or combinational ({@code always @*}, blocking assignments only). Mixing the two kinds
 * of assignment is refused at {@code build()}: it is the classic source of simulation/synthesis mismatch.
 */
public final class AlwaysBlock implements ModuleItem {
    private final String clock;
    private final String reset;
    private final boolean resetActiveLow;
    private final List<Stmt> onReset;
    private final List<Stmt> body;
    private final String comment;

    private AlwaysBlock(Builder b) {
        this.clock = b.clock;
        this.reset = b.reset;
        this.resetActiveLow = b.resetActiveLow;
        this.onReset = List.copyOf(b.onReset);
        this.body = List.copyOf(b.body);
        this.comment = b.comment;
    }

    /** {@code always @(posedge clock)}. */
    public static Builder clocked(String clock) {
        return new Builder(Identifiers.check("always block clock", clock));
    }

    /** {@code always @*}. */
    public static Builder combinational() {
        return new Builder(null);
    }

    public boolean isClocked() {
        return clock != null;
    }

    @Override
    public void emit(VerilogWriter w) {
        if (!comment.isEmpty()) {
            w.comment(comment);
        }
        w.line(clock == null ? "always @* begin" : "always @(posedge " + clock + ") begin");
        w.indent();
        if (reset != null) {
            Stmt.If r = new Stmt.If(resetActiveLow ? "!" + reset : reset, onReset, body);
            r.emit(w);
        } else {
            for (Stmt s : body) {
                s.emit(w);
            }
        }
        w.outdent();
        w.line("end");
    }

    public static final class Builder {
        private final String clock;
        private String reset;
        private boolean resetActiveLow;
        private final List<Stmt> onReset = new ArrayList<>();
        private final List<Stmt> body = new ArrayList<>();
        private String comment = "";

        private Builder(String clock) {
            this.clock = clock;
        }

        /** A synchronous, active-high reset. */
        public Builder reset(String signal) {
            this.reset = Identifiers.check("always block reset", signal);
            return this;
        }

        /** A synchronous, active-low reset ({@code if (!signal)}). */
        public Builder resetActiveLow(String signal) {
            reset(signal);
            this.resetActiveLow = true;
            return this;
        }

        /** Statements executed while reset is asserted. */
        public Builder onReset(Stmt... stmts) {
            onReset.addAll(List.of(stmts));
            return this;
        }

        /** Statements of the block (after reset, if any). */
        public Builder add(Stmt... stmts) {
            body.addAll(List.of(stmts));
            return this;
        }

        public Builder add(List<Stmt> stmts) {
            body.addAll(stmts);
            return this;
        }

        /** A comment written above the block (one or more lines). */
        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        public AlwaysBlock build() {
            String what = clock == null ? "always @*" : "always @(posedge " + clock + ")";
            if (clock == null && reset != null) {
                throw new VerilogSpecException(what + ": a combinational block has no reset");
            }
            if (reset != null && onReset.isEmpty()) {
                throw new VerilogSpecException(what + ": reset '" + reset + "' given but no reset statements");
            }
            if (body.isEmpty() && onReset.isEmpty()) {
                throw new VerilogSpecException(what + ": the block is empty");
            }
            List<Stmt> all = new ArrayList<>(onReset);
            all.addAll(body);
            Stmt.walk(all, s -> {
                if (clock != null && s instanceof Stmt.Blocking b) {
                    throw new VerilogSpecException(what + ": blocking assignment to '" + b.target()
                            + "' in a clocked block (use nonBlocking)");
                }
                if (clock == null && s instanceof Stmt.NonBlocking n) {
                    throw new VerilogSpecException(what + ": non-blocking assignment to '" + n.target()
                            + "' in a combinational block (use blocking)");
                }
            });
            return new AlwaysBlock(this);
        }
    }
}
