package org.pulsedl.hls.regmap;

import java.util.ArrayList;
import java.util.List;

/**
 * A bit range {@code [msb:lsb]} of a 32-bit register with its own access and reset value. The rules
 * (range inside the register, reset fits, unique names...) are checked by {@link RegisterMapValidator}
 * when the map is built, so the message can name the register too.
 *
 * @param access null means "the register's access"
 */
public record Field(String name, int msb, int lsb, Access access, long reset, String description,
                    List<EnumValue> enumValues) {
    public Field {
        enumValues = List.copyOf(enumValues);
    }

    public int width() {
        return msb - lsb + 1;
    }

    /** The field's bits in the 32-bit register word. */
    public long mask() {
        return ((1L << width()) - 1) << lsb;
    }

    /** A field builder for bits {@code [msb:lsb]}. */
    public static Builder builder(String name, int msb, int lsb) {
        return new Builder(name, msb, lsb);
    }

    /** A one-bit field. */
    public static Builder bit(String name, int bit) {
        return new Builder(name, bit, bit);
    }

    public static final class Builder {
        private final String name;
        private final int msb;
        private final int lsb;
        private Access access;
        private long reset;
        private String description = "";
        private final List<EnumValue> enumValues = new ArrayList<>();

        private Builder(String name, int msb, int lsb) {
            this.name = name;
            this.msb = msb;
            this.lsb = lsb;
        }

        public Builder access(Access access) {
            this.access = access;
            return this;
        }

        public Builder reset(long reset) {
            this.reset = reset;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** A named value of the field. */
        public Builder value(String name, long value, String description) {
            enumValues.add(new EnumValue(name, value, description));
            return this;
        }

        public Field build() {
            return new Field(name, msb, lsb, access, reset, description, enumValues);
        }
    }
}
