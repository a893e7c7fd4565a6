package org.pulsedl.protocol;

/**
 * A named wire value of the protocol (a message type, a reason code, a flag bit...). Enums implementing it are
 * part of the declaration: the C header and docs/protocol.md list their constants from {@link #code()} and
 * {@link #description()}.
 */
public interface Coded {
    /** The value on the wire (for a flag: its bit number). */
    int code();

    String description();

    /** The constant's name as in the enum, e.g. {@code BAD_CRC}. */
    String name();

    /** The constant of {@code type} with wire value {@code code}, or null when the peer sent an unknown one. */
    static <E extends Enum<E> & Coded> E of(Class<E> type, int code) {
        for (E e : type.getEnumConstants()) {
            if (e.code() == code) {
                return e;
            }
        }
        return null;
    }
}
