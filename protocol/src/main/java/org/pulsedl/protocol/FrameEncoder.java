package org.pulsedl.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

/**
 * Builds frames for one direction of one stream: it numbers them (sequence +1 per frame from {@code
 * firstSequence}) so the receiver can count gaps. Not thread-safe; one encoder per sending thread and stream.
 */
public final class FrameEncoder {
    private final CRC32 crc = new CRC32();
    private long nextSequence;

    public FrameEncoder() {
        this(0);
    }

    public FrameEncoder(long firstSequence) {
        this.nextSequence = firstSequence & 0xffff_ffffL;
    }

    /** The sequence number the next frame will carry. */
    public long nextSequence() {
        return nextSequence;
    }

    /** A whole frame of {@code type} with the next sequence number. */
    public byte[] encode(MessageType type, int flags, byte[] payload) {
        return encode(type, flags, payload, 0, payload.length);
    }

    public byte[] encode(MessageType type, int flags, byte[] payload, int off, int len) {
        ByteBuffer out = ByteBuffer.allocate(FrameHeader.SIZE + len + FrameHeader.CRC_SIZE);
        encode(type.code(), flags, payload, off, len, out);
        return out.array();
    }

    /**
     * Appends a whole frame at {@code out}'s position (any byte order; the frame is little-endian regardless) and
     * advances the sequence. A payload longer than {@link FrameHeader#MAX_PAYLOAD} is a bug of the caller.
     */
    public void encode(int type, int flags, byte[] payload, int off, int len, ByteBuffer out) {
        if (len < 0 || len > FrameHeader.MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + len + " bytes; a frame carries at most "
                    + FrameHeader.MAX_PAYLOAD);
        }
        int start = out.position();
        ByteOrder order = out.order();
        out.order(ByteOrder.LITTLE_ENDIAN);
        writeHeader(out, start, type, flags, len, nextSequence);
        out.position(start + FrameHeader.SIZE);
        out.put(payload, off, len);
        out.putInt((int) crcOf(out, start, FrameHeader.SIZE + len));
        out.order(order);
        nextSequence = (nextSequence + 1) & 0xffff_ffffL;
    }

    private static void writeHeader(ByteBuffer out, int at, int type, int flags, int length, long sequence) {
        FrameHeader.SYNC_FIELD.put(out, at, FrameHeader.SYNC);
        FrameHeader.VERSION_FIELD.put(out, at, FrameHeader.VERSION);
        FrameHeader.TYPE.put(out, at, type);
        FrameHeader.FLAGS.put(out, at, flags);
        FrameHeader.LENGTH.put(out, at, length);
        FrameHeader.SEQUENCE.put(out, at, sequence);
    }

    private long crcOf(ByteBuffer b, int start, int len) {
        crc.reset();
        if (b.hasArray()) {
            crc.update(b.array(), b.arrayOffset() + start, len);
        } else {
            crc.update(b.duplicate().position(start).limit(start + len));
        }
        return crc.getValue();
    }
}
