package org.pulsedl.hls.verilog;

import java.util.ArrayList;
import java.util.List;

/** What wires and regs share: name, packed width, signedness, unpacked array dimensions, comment. */
abstract class Variable implements Declaration, Signal {
    private final String keyword;
    private final String name;
    private final Width width;
    private final boolean signed;
    private final List<String> dims;
    private final String comment;

    Variable(String keyword, String name, Width width, boolean signed, List<String> dims, String comment) {
        String what = keyword + " '" + name + "'";
        Identifiers.check(keyword, name);
        if (width == null) {
            throw new VerilogSpecException(what + ": width is missing");
        }
        for (String d : dims) {
            Expr.check(what + " array size", d);
        }
        if (comment == null || comment.contains("\n")) {
            throw new VerilogSpecException(what + ": comment must be one line (or empty)");
        }
        this.keyword = keyword;
        this.name = name;
        this.width = width;
        this.signed = signed;
        this.dims = List.copyOf(dims);
        this.comment = comment;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Width width() {
        return width;
    }

    @Override
    public boolean signed() {
        return signed;
    }

    /** Unpacked array sizes ({@code [0:size-1]} each), outermost first; empty for a plain vector. */
    public List<String> dims() {
        return dims;
    }

    @Override
    public String comment() {
        return comment;
    }

    @Override
    public List<String> cells() {
        StringBuilder decl = new StringBuilder(name);
        for (String d : dims) {
            decl.append(" [0:").append(d.matches("[0-9]+") ? Long.toString(Long.parseLong(d) - 1) : d + "-1").append(']');
        }
        return List.of(keyword, signed ? "signed" : "", width.render(), decl + ";");
    }

    @Override
    public List<String> declaredNames() {
        return List.of(name);
    }

    /** Shared builder state. */
    abstract static class Builder<B extends Builder<B>> {
        final String name;
        final Width width;
        boolean signed;
        final List<String> dims = new ArrayList<>();
        String comment = "";

        Builder(String name, Width width) {
            this.name = name;
            this.width = width;
        }

        abstract B self();

        public B signed() {
            this.signed = true;
            return self();
        }

        /** Adds an unpacked dimension of {@code size} elements (a constant expression). */
        public B array(String size) {
            dims.add(size);
            return self();
        }

        public B array(int size) {
            return array(Integer.toString(size));
        }

        /** A short trailing comment. */
        public B comment(String comment) {
            this.comment = comment;
            return self();
        }
    }
}
