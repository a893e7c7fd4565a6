package org.pulsedl.protocol;

import java.nio.ByteBuffer;

/**
 * A fixed-position integer in a {@link Layout}: its byte offset from the start of the layout, its type and, if
 * its values are named, the enum that names them (documentation and C constants).
 */
public record Field(String name, ScalarType type, int offset, String description,
                    Class<? extends Coded> values) {
    /** The value at {@code base + offset()} of a little-endian buffer. */
    public long get(ByteBuffer b, int base) {
        return type.get(b, base + offset);
    }

    /** The value as an int (for the u8/u16/i32 fields whose every value is one). */
    public int getInt(ByteBuffer b, int base) {
        return (int) type.get(b, base + offset);
    }

    public void put(ByteBuffer b, int base, long value) {
        type.put(b, base + offset, value);
    }

    public int end() {
        return offset + type.size();
    }
}
