package org.pulsedl.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Little-endian views of payload bytes and the length checks every typed message shares. */
final class PayloadBuffer {
    private PayloadBuffer() {
    }

    static ByteBuffer allocate(int size) {
        if (size > FrameHeader.MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + size + " bytes; a frame carries at most "
                    + FrameHeader.MAX_PAYLOAD);
        }
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    static ByteBuffer wrap(byte[] payload) {
        return ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The payload is exactly {@code expected} bytes. */
    static void expect(MessageType type, byte[] payload, int expected) {
        if (payload.length != expected) {
            throw new PayloadException(type + " payload of " + payload.length + " bytes; its layout needs " + expected);
        }
    }

    /** The payload holds at least the fixed fields of {@code type}'s layout. */
    static void expectFixed(MessageType type, byte[] payload) {
        if (payload.length < type.payload().fixedSize()) {
            throw new PayloadException(type + " payload of " + payload.length + " bytes; its fixed fields need "
                    + type.payload().fixedSize());
        }
    }
}
