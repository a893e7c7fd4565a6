package org.pulsedl.daq.emulator;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.pulsedl.protocol.ModelLoadMessage;
import org.pulsedl.protocol.NackReason;
import org.pulsedl.quantizer.qmodel.QModelFormat;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/**
 * One MODEL_LOAD in progress on the emulated board (DESIGN §5): BEGIN announces size and CRC, CHUNKs arrive in
 * order, COMMIT checks the whole image's CRC-32 and parses it. The emulator's image is the model's
 * {@code .qmodel} text (UTF-8), so its CRC is the model identity the list-mode header records. Nothing here
 * touches the running model: the board swaps only a model that {@link #commit} returned.
 */
final class ModelImageLoad {
    /** The emulated board's model memory. */
    static final int MAX_IMAGE_BYTES = 16 << 20;

    /** A refusal: the NACK reason and its detail. */
    static final class Refused extends Exception {
        final NackReason reason;
        final long detail;

        Refused(NackReason reason, long detail, String why) {
            super(why);
            this.reason = reason;
            this.detail = detail;
        }
    }

    private final long size;
    private final long crc;
    private final byte[] image;
    private int received;
    private int nextChunk;

    private ModelImageLoad(long size, long crc) {
        this.size = size;
        this.crc = crc;
        this.image = new byte[(int) size];
    }

    static ModelImageLoad begin(ModelLoadMessage m) throws Refused {
        if (m.imageSize() > MAX_IMAGE_BYTES) {
            throw new Refused(NackReason.IMAGE_TOO_LARGE, MAX_IMAGE_BYTES, "image of " + m.imageSize() + " bytes");
        }
        return new ModelImageLoad(m.imageSize(), m.imageCrc());
    }

    void chunk(ModelLoadMessage m) throws Refused {
        if (m.imageSize() != size || m.imageCrc() != crc) {
            throw new Refused(NackReason.BAD_STATE, 0, "chunk of another image than the one begun");
        }
        if (m.chunkIndex() != nextChunk || m.offset() != received) {
            throw new Refused(NackReason.CHUNK_OUT_OF_ORDER, nextChunk, "chunk " + m.chunkIndex() + " at " + m.offset());
        }
        if (received + (long) m.data().length > size) {
            throw new Refused(NackReason.BAD_PAYLOAD, size, "chunk beyond the announced image size");
        }
        System.arraycopy(m.data(), 0, image, received, m.data().length);
        received += m.data().length;
        nextChunk = (nextChunk + 1) & 0xFFFF;
    }

    /** The model of the complete, CRC-checked image; refused when bytes are missing, the CRC differs or it is no model. */
    QuantizedModel commit() throws Refused {
        if (received != size) throw new Refused(NackReason.BAD_STATE, received, "COMMIT after " + received + " of " + size + " bytes");
        CRC32 c = new CRC32();
        c.update(image);
        if (c.getValue() != crc) throw new Refused(NackReason.IMAGE_CRC_MISMATCH, c.getValue(), "image CRC mismatch");
        try {
            return QModelFormat.fromJson(new String(image, StandardCharsets.UTF_8));
        } catch (RuntimeException notAModel) {
            throw new Refused(NackReason.BAD_IMAGE, 0, "the image is not a valid .qmodel: " + notAModel.getMessage());
        }
    }
}
