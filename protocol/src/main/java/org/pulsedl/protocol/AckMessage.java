package org.pulsedl.protocol;

import java.nio.ByteBuffer;

/** The ACK and NACK payload ({@link Payloads#ACK}): which frame is answered and, for a NACK, why not. */
public record AckMessage(int ackedType, NackReason reason, long ackedSequence, long detail) {
    private static final Layout L = Payloads.ACK;

    /** ACK of {@code frame}. */
    public static AckMessage accept(Frame frame) {
        return new AckMessage(frame.type(), NackReason.NONE, frame.sequence(), 0);
    }

    /** NACK of {@code frame} for {@code reason}. */
    public static AckMessage refuse(Frame frame, NackReason reason, long detail) {
        return new AckMessage(frame.type(), reason, frame.sequence(), detail);
    }

    /** The frame type to send this as: ACK when the reason is NONE, else NACK. */
    public MessageType messageType() {
        return reason == NackReason.NONE ? MessageType.ACK : MessageType.NACK;
    }

    public byte[] encode() {
        ByteBuffer b = PayloadBuffer.allocate(L.fixedSize());
        L.field("acked_type").put(b, 0, ackedType);
        L.field("reason").put(b, 0, reason.code());
        L.field("acked_sequence").put(b, 0, ackedSequence);
        L.field("detail").put(b, 0, detail);
        return b.array();
    }

    /** Decodes an ACK or NACK payload; an unknown reason code is a payload error. */
    public static AckMessage decode(byte[] payload) {
        PayloadBuffer.expect(MessageType.ACK, payload, L.fixedSize());
        ByteBuffer b = PayloadBuffer.wrap(payload);
        int code = L.field("reason").getInt(b, 0);
        NackReason reason = Coded.of(NackReason.class, code);
        if (reason == null) {
            throw new PayloadException("NACK reason " + code + " is not known to this host");
        }
        return new AckMessage(L.field("acked_type").getInt(b, 0), reason, L.field("acked_sequence").get(b, 0),
                L.field("detail").get(b, 0));
    }
}
