package org.pulsedl.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * A packed little-endian structure: fixed fields at offsets assigned in declaration order (no padding, as on the
 * wire), optionally followed by a {@link Tail}. The frame header, every message payload and the records inside
 * payloads are layouts; the codec reads fields through them, and the emitters print the same offsets.
 */
public final class Layout {
    private final String name;
    private final String description;
    private final List<Field> fields;
    private final Tail tail;

    private Layout(String name, String description, List<Field> fields, Tail tail) {
        this.name = name;
        this.description = description;
        this.fields = List.copyOf(fields);
        this.tail = tail;
    }

    public static Builder builder(String name, String description) {
        return new Builder(name, description);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public List<Field> fields() {
        return fields;
    }

    /** The variable part, or null. */
    public Tail tail() {
        return tail;
    }

    /** Bytes of the fixed fields (the whole size when there is no tail). */
    public int fixedSize() {
        return fields.isEmpty() ? 0 : fields.get(fields.size() - 1).end();
    }

    /** The field called {@code name}; a wrong name is a bug in the codec, hence unchecked. */
    public Field field(String fieldName) {
        for (Field f : fields) {
            if (f.name().equals(fieldName)) {
                return f;
            }
        }
        throw new IllegalArgumentException("layout " + name + " has no field " + fieldName);
    }

    /** A canonical one-line-per-item text of the layout (for hashes of the declaration). */
    void canonical(StringBuilder b) {
        b.append("layout ").append(name).append('\n');
        for (Field f : fields) {
            b.append("  ").append(f.offset()).append(' ').append(f.type()).append(' ').append(f.name())
                    .append(f.values() == null ? "" : " values " + f.values().getSimpleName()).append('\n');
        }
        if (tail != null) {
            b.append("  tail ").append(tail.name()).append(' ').append(tail.elementName()).append(" count ")
                    .append(tail.countField() == null ? "rest" : tail.countField()).append('\n');
            if (tail.record() != null) {
                tail.record().canonical(b);
            }
        }
    }

    public static final class Builder {
        private final String name;
        private final String description;
        private final List<Field> fields = new ArrayList<>();
        private int offset;
        private Tail tail;

        private Builder(String name, String description) {
            this.name = name;
            this.description = description;
        }

        public Builder field(String fieldName, ScalarType type, String fieldDescription) {
            return field(fieldName, type, fieldDescription, null);
        }

        /** A field whose values are the constants of {@code values}. */
        public Builder field(String fieldName, ScalarType type, String fieldDescription, Class<? extends Coded> values) {
            if (tail != null) {
                throw new IllegalStateException("layout " + name + ": field " + fieldName + " after the tail");
            }
            fields.add(new Field(fieldName, type, offset, fieldDescription, values));
            offset += type.size();
            return this;
        }

        /** Reserved bytes: sent as zero, ignored on receipt (room for later versions). */
        public Builder reserved(String fieldName, ScalarType type) {
            return field(fieldName, type, "reserved, 0");
        }

        /** An array of scalars counted by {@code countField}, or filling the payload when it is null. */
        public Builder tail(String tailName, ScalarType scalar, String countField, String tailDescription) {
            tail = new Tail(tailName, scalar, null, countField, tailDescription);
            return this;
        }

        /** An array of records counted by {@code countField}. */
        public Builder tail(String tailName, Layout record, String countField, String tailDescription) {
            tail = new Tail(tailName, null, record, countField, tailDescription);
            return this;
        }

        public Layout build() {
            return new Layout(name, description, fields, tail);
        }
    }
}
