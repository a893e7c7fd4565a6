package org.pulsedl.protocol;

/**
 * One intact frame as received: header fields and the payload (the receiver's own copy). {@code type} is the raw
 * byte, so a frame of a type this host does not know is still delivered; {@link #messageType()} names it.
 */
public record Frame(int type, int flags, long sequence, byte[] payload) {
    /** The message type, or null when the code is unknown to this host. */
    public MessageType messageType() {
        return MessageType.of(type);
    }

    public boolean has(FrameFlag flag) {
        return flag.in(flags);
    }

    /** Bytes on the wire: header, payload and CRC. */
    public int wireSize() {
        return FrameHeader.SIZE + payload.length + FrameHeader.CRC_SIZE;
    }

    @Override
    public String toString() {
        MessageType t = messageType();
        return (t == null ? "type 0x" + Integer.toHexString(type) : t.name()) + " seq " + sequence + " flags 0x"
                + Integer.toHexString(flags) + " " + payload.length + " B";
    }
}
