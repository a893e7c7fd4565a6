package org.pulsedl.hls.regmap;

import java.util.ArrayList;
import java.util.List;

/**
 * A 32-bit register at a byte offset in its map. A register without explicit fields has one implicit field
 * of the same name covering {@code [31:0]} with the register's access and reset. Registers may ask for a
 * write strobe ({@code o_<reg>_wr}, automatic when a field is WO) or a read strobe ({@code o_<reg>_rd},
 * e.g. to pop a FIFO), each a one-cycle pulse in the cycle the bus sees {@code o_ready}.
 */
public record Register(String name, long offset, Access access, Long reset, String description,
                       List<Field> declaredFields, boolean writeStrobe, boolean readStrobe) {
    public Register {
        declaredFields = List.copyOf(declaredFields);
    }

    public static Builder builder(String name, long offset) {
        return new Builder(name, offset);
    }

    /** The fields the hardware implements (the implicit whole-register field if none were declared). */
    public List<Field> fields() {
        if (!declaredFields.isEmpty()) {
            List<Field> out = new ArrayList<>();
            for (Field f : declaredFields) {
                out.add(f.access() != null ? f
                        : new Field(f.name(), f.msb(), f.lsb(), access, f.reset(), f.description(), f.enumValues()));
            }
            return out;
        }
        return List.of(new Field(name, 31, 0, access, reset == null ? 0 : reset, description, List.of()));
    }

    /** True if this register has no declared fields (one implicit 32-bit field). */
    public boolean isWhole() {
        return declaredFields.isEmpty();
    }

    /** The reset value of the whole word, composed from the fields. */
    public long resetValue() {
        long v = 0;
        for (Field f : fields()) {
            v |= (f.reset() << f.lsb()) & f.mask();
        }
        return v;
    }

    /** The fields' accesses, e.g. {@code RW} or {@code RO/W1C} for a mixed register, in declaration order. */
    public String accessSummary() {
        return String.join("/", fields().stream().map(f -> f.access().name()).distinct().toList());
    }

    public boolean hasWriteStrobe() {
        return writeStrobe || fields().stream().anyMatch(f -> f.access() == Access.WO);
    }

    public boolean readable() {
        return fields().stream().anyMatch(f -> f.access().readable());
    }

    public boolean writable() {
        return fields().stream().anyMatch(f -> f.access().writable());
    }

    public static final class Builder {
        private final String name;
        private final long offset;
        private Access access = Access.RW;
        private Long reset;
        private String description = "";
        private final List<Field> fields = new ArrayList<>();
        private boolean writeStrobe;
        private boolean readStrobe;

        private Builder(String name, long offset) {
            this.name = name;
            this.offset = offset;
        }

        /** The register's access, and the default for fields that do not set their own (default RW). */
        public Builder access(Access access) {
            this.access = access;
            return this;
        }

        /** The reset value of the whole register; with fields it must equal theirs combined. */
        public Builder reset(long reset) {
            this.reset = reset;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder field(Field field) {
            fields.add(field);
            return this;
        }

        public Builder field(Field.Builder field) {
            return field(field.build());
        }

        /** Adds {@code o_<reg>_wr}, a pulse after each write. */
        public Builder writeStrobe() {
            this.writeStrobe = true;
            return this;
        }

        /** Adds {@code o_<reg>_rd}, a pulse after each read. */
        public Builder readStrobe() {
            this.readStrobe = true;
            return this;
        }

        public Register build() {
            return new Register(name, offset, access, reset, description, fields, writeStrobe, readStrobe);
        }
    }
}
