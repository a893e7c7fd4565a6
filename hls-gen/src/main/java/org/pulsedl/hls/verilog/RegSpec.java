package org.pulsedl.hls.verilog;

/**
 * A {@code reg} declaration. A flip-flop (the default) must be named {@code ..._r} (STYLE item 7), so a
 * reader tells state from logic at a glance; a reg driven by {@code always @*} is declared with
 * {@link #comb(String, Width)} and must not end in {@code _r}.
 */
public final class RegSpec extends Variable {
    private final boolean flop;

    private RegSpec(Builder b) {
        super("reg", b.name, b.width, b.signed, b.dims, b.comment);
        this.flop = b.flop;
        if (flop && !b.name.endsWith("_r")) {
            throw new VerilogSpecException("reg '" + b.name + "': a flip-flop's name ends in '_r'");
        }
        if (!flop && b.name.endsWith("_r")) {
            throw new VerilogSpecException("reg '" + b.name + "': a combinational reg's name must not end in '_r'");
        }
    }

    /** A flip-flop (assigned in a clocked always block). */
    public static Builder builder(String name, Width width) {
        return new Builder(name, width, true);
    }

    /** A reg assigned in {@code always @*} (combinational logic, not state). */
    public static Builder comb(String name, Width width) {
        return new Builder(name, width, false);
    }

    /** A flip-flop with a comment. */
    public static RegSpec of(String name, Width width, String comment) {
        return builder(name, width).comment(comment).build();
    }

    public boolean isFlop() {
        return flop;
    }

    public static final class Builder extends Variable.Builder<Builder> {
        private final boolean flop;

        private Builder(String name, Width width, boolean flop) {
            super(name, width);
            this.flop = flop;
        }

        @Override
        Builder self() {
            return this;
        }

        public RegSpec build() {
            return new RegSpec(this);
        }
    }
}
