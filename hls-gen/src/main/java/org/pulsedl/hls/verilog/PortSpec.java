package org.pulsedl.hls.verilog;

import java.util.List;

/**
 * One module port: direction, width, signedness and a comment saying what it carries. Names follow the
 * project convention (STYLE item 7): inputs start with {@code i_}, outputs with {@code o_}, inouts with
 * {@code io_}. {@link Builder#foreign()} lifts the rule for describing modules we did not write (vendor
 * primitives), so instances of them can still be checked.
 */
public final class PortSpec implements Signal {
    /** Port direction and its Verilog keyword. */
    public enum Direction {
        INPUT("input", "i_"), OUTPUT("output", "o_"), INOUT("inout", "io_");

        final String keyword;
        final String prefix;

        Direction(String keyword, String prefix) {
            this.keyword = keyword;
            this.prefix = prefix;
        }
    }

    private final String name;
    private final Direction direction;
    private final Width width;
    private final boolean signed;
    private final boolean reg;
    private final String comment;

    private PortSpec(Builder b) {
        this.name = b.name;
        this.direction = b.direction;
        this.width = b.width;
        this.signed = b.signed;
        this.reg = b.reg;
        this.comment = b.comment;
    }

    public static Builder input(String name, Width width) {
        return new Builder(name, Direction.INPUT, width);
    }

    public static Builder output(String name, Width width) {
        return new Builder(name, Direction.OUTPUT, width);
    }

    public static Builder inout(String name, Width width) {
        return new Builder(name, Direction.INOUT, width);
    }

    @Override
    public String name() {
        return name;
    }

    public Direction direction() {
        return direction;
    }

    @Override
    public Width width() {
        return width;
    }

    @Override
    public boolean signed() {
        return signed;
    }

    /** True for {@code output reg}. */
    public boolean isReg() {
        return reg;
    }

    public String comment() {
        return comment;
    }

    /** Columns of the port line, without the separating comma. */
    List<String> cells() {
        return List.of(direction.keyword, reg ? "reg" : "wire", signed ? "signed" : "", width.render(), name);
    }

    /** Builds a {@link PortSpec}; {@link #build()} checks the name, prefix and comment. */
    public static final class Builder {
        private final String name;
        private final Direction direction;
        private final Width width;
        private boolean signed;
        private boolean reg;
        private boolean foreign;
        private String comment = "";

        private Builder(String name, Direction direction, Width width) {
            this.name = name;
            this.direction = direction;
            this.width = width;
        }

        public Builder signed() {
            this.signed = true;
            return this;
        }

        /** Declares an {@code output reg} (driven from an always block). */
        public Builder reg() {
            this.reg = true;
            return this;
        }

        /** What the port carries (required; one line). */
        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        /** Skips the prefix rule, for ports of modules that are not ours. */
        public Builder foreign() {
            this.foreign = true;
            return this;
        }

        public PortSpec build() {
            Identifiers.check("port", name);
            if (width == null) {
                throw new VerilogSpecException("port '" + name + "': width is missing");
            }
            if (!foreign && !name.startsWith(direction.prefix)) {
                throw new VerilogSpecException("port '" + name + "': " + direction.keyword + " ports start with '"
                        + direction.prefix + "'");
            }
            if (reg && direction != Direction.OUTPUT) {
                throw new VerilogSpecException("port '" + name + "': only outputs can be declared reg");
            }
            if (comment == null || comment.isBlank() || comment.contains("\n")) {
                throw new VerilogSpecException("port '" + name + "': needs a one-line comment saying what it carries");
            }
            return new PortSpec(this);
        }
    }
}
