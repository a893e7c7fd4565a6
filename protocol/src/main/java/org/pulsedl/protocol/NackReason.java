package org.pulsedl.protocol;

/** Why a frame was refused: the {@code reason} of a NACK (0 in an ACK). */
public enum NackReason implements Coded {
    NONE(0, "accepted (ACK)"),
    UNKNOWN_TYPE(1, "the message type is not known to the receiver"),
    BAD_PAYLOAD(2, "the payload length does not match the message's layout"),
    UNKNOWN_KEY(3, "CONFIG names a key the board does not have; detail = the key"),
    BAD_VALUE(4, "CONFIG value out of range; detail = the key"),
    BAD_STATE(5, "not allowed now (e.g. MODEL_LOAD while running, CHUNK without BEGIN)"),
    CHUNK_OUT_OF_ORDER(6, "MODEL_LOAD chunk index or offset is not the next expected; detail = the expected index"),
    IMAGE_TOO_LARGE(7, "MODEL_LOAD image larger than the board's model memory; detail = the limit in bytes"),
    IMAGE_CRC_MISMATCH(8, "MODEL_LOAD COMMIT: the received image's CRC-32 differs; the running model is kept; "
            + "detail = the CRC computed"),
    BUSY(9, "the board cannot take the request now; retry later"),
    BAD_IMAGE(10, "MODEL_LOAD COMMIT: the image passed its CRC but is not a model this board can run (wrong format, "
            + "window length or ADC width); the running model is kept");

    private final int code;
    private final String description;

    NackReason(int code, String description) {
        this.code = code;
        this.description = description;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public String description() {
        return description;
    }
}
