package org.pulsedl.protocol;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** The MODEL_LOAD payload ({@link Payloads#MODEL_LOAD}): one step of a chunked, CRC-checked image load. */
public record ModelLoadMessage(ModelLoadPhase phase, int chunkIndex, long offset, long imageSize, long imageCrc,
                               byte[] data) {
    private static final Layout L = Payloads.MODEL_LOAD;

    /** Most image bytes one CHUNK frame carries (1,384). */
    public static final int MAX_CHUNK = FrameHeader.MAX_PAYLOAD - L.fixedSize();

    public byte[] encode() {
        ByteBuffer b = PayloadBuffer.allocate(L.fixedSize() + data.length);
        L.field("phase").put(b, 0, phase.code());
        L.field("chunk_index").put(b, 0, chunkIndex);
        L.field("offset").put(b, 0, offset);
        L.field("image_size").put(b, 0, imageSize);
        L.field("image_crc").put(b, 0, imageCrc);
        b.position(L.fixedSize());
        b.put(data);
        return b.array();
    }

    public static ModelLoadMessage decode(byte[] payload) {
        PayloadBuffer.expectFixed(MessageType.MODEL_LOAD, payload);
        ByteBuffer b = PayloadBuffer.wrap(payload);
        int code = L.field("phase").getInt(b, 0);
        ModelLoadPhase phase = Coded.of(ModelLoadPhase.class, code);
        if (phase == null) {
            throw new PayloadException("MODEL_LOAD phase " + code + " is not known to this host");
        }
        return new ModelLoadMessage(phase, L.field("chunk_index").getInt(b, 0), L.field("offset").get(b, 0),
                L.field("image_size").get(b, 0), L.field("image_crc").get(b, 0),
                Arrays.copyOfRange(payload, L.fixedSize(), payload.length));
    }
}
