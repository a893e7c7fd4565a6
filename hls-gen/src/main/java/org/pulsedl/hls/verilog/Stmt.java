package org.pulsedl.hls.verilog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Procedural statements for always blocks: a small typed tree (assignments, {@code if/else}, {@code case},
 * task calls, comments) whose leaves are checked expression fragments. The writer adds {@code begin/end},
 * semicolons and indentation, so statements cannot come out unbalanced.
 */
public sealed interface Stmt {
    void emit(VerilogWriter w);

    /** {@code target <= expr;} (clocked blocks). */
    static Stmt nonBlocking(String target, String expr) {
        return new NonBlocking(target, expr);
    }

    /** {@code target = expr;} (combinational blocks). */
    static Stmt blocking(String target, String expr) {
        return new Blocking(target, expr);
    }

    /** {@code if (cond) begin ... end}; add an else branch with {@link If#orElse(Stmt...)}. */
    static If ifThen(String cond, Stmt... then) {
        return new If(cond, List.of(then), List.of());
    }

    /** A {@code case} statement builder. */
    static Case.Builder caseOf(String expr) {
        return new Case.Builder(expr);
    }

    /** A task or system-task call, e.g. {@code call("$display(\"done\")")}. */
    static Stmt call(String call) {
        return new Call(call);
    }

    /** A {@code //} comment line inside a block. */
    static Stmt comment(String text) {
        return new Comment(text);
    }

    /** Visits {@code stmts} and every statement nested in them. */
    static void walk(List<Stmt> stmts, Consumer<Stmt> visitor) {
        for (Stmt s : stmts) {
            visitor.accept(s);
            if (s instanceof If i) {
                walk(i.then(), visitor);
                walk(i.otherwise(), visitor);
            } else if (s instanceof Case c) {
                for (Case.Branch b : c.branches()) {
                    walk(b.body(), visitor);
                }
                walk(c.otherwise(), visitor);
            }
        }
    }

    record NonBlocking(String target, String expr) implements Stmt {
        public NonBlocking {
            Expr.checkTarget("non-blocking assignment", target);
            Expr.check("non-blocking assignment to '" + target + "'", expr);
        }

        @Override
        public void emit(VerilogWriter w) {
            w.line(target + " <= " + expr + ";");
        }
    }

    record Blocking(String target, String expr) implements Stmt {
        public Blocking {
            Expr.checkTarget("blocking assignment", target);
            Expr.check("blocking assignment to '" + target + "'", expr);
        }

        @Override
        public void emit(VerilogWriter w) {
            w.line(target + " = " + expr + ";");
        }
    }

    record Call(String call) implements Stmt {
        public Call {
            Expr.check("call", call);
            if (!call.startsWith("$") && !Character.isLetter(call.charAt(0))) {
                throw new VerilogSpecException("call: '" + call + "' is not a task call");
            }
        }

        @Override
        public void emit(VerilogWriter w) {
            w.line(call + ";");
        }
    }

    record Comment(String text) implements Stmt {
        public Comment {
            if (text.contains("\n") || text.contains("\t")) {
                throw new VerilogSpecException("comment: '" + text.strip() + "' must be one line without tabs");
            }
        }

        @Override
        public void emit(VerilogWriter w) {
            w.comment(text);
        }
    }

    /** {@code if / else if / else}; a single nested {@code If} as the else branch prints as {@code else if}. */
    record If(String cond, List<Stmt> then, List<Stmt> otherwise) implements Stmt {
        public If {
            Expr.check("if condition", cond);
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
            if (then.isEmpty()) {
                throw new VerilogSpecException("if (" + cond + "): the then-branch is empty");
            }
        }

        public If orElse(Stmt... stmts) {
            if (!otherwise.isEmpty()) {
                throw new VerilogSpecException("if (" + cond + "): already has an else branch");
            }
            return new If(cond, then, List.of(stmts));
        }

        @Override
        public void emit(VerilogWriter w) {
            w.line("if (" + cond + ") begin");
            emitTail(w);
        }

        private void emitTail(VerilogWriter w) {
            block(w, then);
            if (otherwise.isEmpty()) {
                w.line("end");
            } else if (otherwise.size() == 1 && otherwise.get(0) instanceof If nested) {
                w.line("end else if (" + nested.cond() + ") begin");
                nested.emitTail(w);
            } else {
                w.line("end else begin");
                block(w, otherwise);
                w.line("end");
            }
        }
    }

    /** {@code case (expr) ... endcase}; one-assignment branches are written on one aligned line. */
    record Case(String expr, List<Branch> branches, List<Stmt> otherwise) implements Stmt {
        public record Branch(String label, List<Stmt> body) {
        }

        @Override
        public void emit(VerilogWriter w) {
            w.line("case (" + expr + ")");
            w.indent();
            List<String> labels = new ArrayList<>();
            List<List<Stmt>> bodies = new ArrayList<>();
            for (Branch b : branches) {
                labels.add(b.label() + ":");
                bodies.add(b.body());
            }
            if (!otherwise.isEmpty()) {
                labels.add("default:");
                bodies.add(otherwise);
            }
            int width = labels.stream().mapToInt(String::length).max().orElse(0);
            for (int i = 0; i < labels.size(); i++) {
                List<Stmt> body = bodies.get(i);
                if (body.size() == 1 && (body.get(0) instanceof Blocking || body.get(0) instanceof NonBlocking)) {
                    VerilogWriter one = new VerilogWriter();
                    body.get(0).emit(one);
                    w.line(VerilogWriter.pad(labels.get(i), width) + " " + one.toString().strip());
                } else {
                    w.line(labels.get(i) + " begin");
                    block(w, body);
                    w.line("end");
                }
            }
            w.outdent();
            w.line("endcase");
        }

        public static final class Builder {
            private final String expr;
            private final List<Branch> branches = new ArrayList<>();
            private List<Stmt> otherwise = List.of();

            Builder(String expr) {
                this.expr = Expr.check("case", expr);
            }

            /** A branch; {@code label} may list several values separated by commas. */
            public Builder when(String label, Stmt... body) {
                Expr.check("case (" + expr + ") label", label);
                if (body.length == 0) {
                    throw new VerilogSpecException("case (" + expr + "): branch '" + label + "' is empty");
                }
                for (Branch b : branches) {
                    if (b.label().equals(label)) {
                        throw new VerilogSpecException("case (" + expr + "): label '" + label + "' appears twice");
                    }
                }
                branches.add(new Branch(label, List.of(body)));
                return this;
            }

            /** The {@code default} branch. */
            public Builder otherwise(Stmt... body) {
                otherwise = List.of(body);
                return this;
            }

            public Case build() {
                if (branches.isEmpty() && otherwise.isEmpty()) {
                    throw new VerilogSpecException("case (" + expr + "): no branches");
                }
                return new Case(expr, List.copyOf(branches), otherwise);
            }
        }
    }

    private static void block(VerilogWriter w, List<Stmt> stmts) {
        w.indent();
        for (Stmt s : stmts) {
            s.emit(w);
        }
        w.outdent();
    }
}
