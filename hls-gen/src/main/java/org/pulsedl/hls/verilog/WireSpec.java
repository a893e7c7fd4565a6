package org.pulsedl.hls.verilog;

/** A {@code wire} declaration; drive it with an {@link Assign} or an instance output. */
public final class WireSpec extends Variable {
    private WireSpec(Builder b) {
        super("wire", b.name, b.width, b.signed, b.dims, b.comment);
    }

    public static Builder builder(String name, Width width) {
        return new Builder(name, width);
    }

    /** A plain wire with a comment. */
    public static WireSpec of(String name, Width width, String comment) {
        return builder(name, width).comment(comment).build();
    }

    public static final class Builder extends Variable.Builder<Builder> {
        private Builder(String name, Width width) {
            super(name, width);
        }

        @Override
        Builder self() {
            return this;
        }

        public WireSpec build() {
            return new WireSpec(this);
        }
    }
}
