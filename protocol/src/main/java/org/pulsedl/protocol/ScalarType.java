package org.pulsedl.protocol;

import java.nio.ByteBuffer;

/** The fixed-width integers a frame is made of, all little-endian on the wire (DESIGN §5). */
public enum ScalarType {
    U8(1, false, "uint8_t"),
    I8(1, true, "int8_t"),
    U16(2, false, "uint16_t"),
    I16(2, true, "int16_t"),
    U32(4, false, "uint32_t"),
    I32(4, true, "int32_t"),
    U64(8, false, "uint64_t"),
    I64(8, true, "int64_t");

    private final int size;
    private final boolean signed;
    private final String cType;

    ScalarType(int size, boolean signed, String cType) {
        this.size = size;
        this.signed = signed;
        this.cType = cType;
    }

    public int size() {
        return size;
    }

    public boolean signed() {
        return signed;
    }

    /** The {@code <stdint.h>} type. */
    public String cType() {
        return cType;
    }

    /** The lowercase name used in the documentation tables, e.g. {@code u16}. */
    public String docName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Reads the value at absolute {@code index} of a little-endian buffer (unsigned types zero-extend). */
    public long get(ByteBuffer b, int index) {
        return switch (this) {
            case U8 -> b.get(index) & 0xffL;
            case I8 -> b.get(index);
            case U16 -> b.getShort(index) & 0xffffL;
            case I16 -> b.getShort(index);
            case U32 -> b.getInt(index) & 0xffff_ffffL;
            case I32 -> b.getInt(index);
            case U64, I64 -> b.getLong(index);
        };
    }

    /** Writes the low {@link #size()} bytes of {@code value} at absolute {@code index}. */
    public void put(ByteBuffer b, int index, long value) {
        switch (size) {
            case 1 -> b.put(index, (byte) value);
            case 2 -> b.putShort(index, (short) value);
            case 4 -> b.putInt(index, (int) value);
            default -> b.putLong(index, value);
        }
    }

    /** True if {@code value} is representable (U64 takes any long as its bit pattern). */
    public boolean fits(long value) {
        if (size == 8) {
            return true;
        }
        int bits = size * 8;
        return signed ? value >= -(1L << (bits - 1)) && value < (1L << (bits - 1)) : value >= 0 && value < (1L << bits);
    }
}
