package org.pulsedl.protocol;

/** The steps of loading a model image (program + weights) in chunks; the board ACKs or NACKs each frame. */
public enum ModelLoadPhase implements Coded {
    BEGIN(0, "announces image_size and image_crc; discards any unfinished load (the running model stays)"),
    CHUNK(1, "carries bytes [offset, offset + data length) of the image, chunks in order from index 0"),
    COMMIT(2, "all bytes sent: the board checks the whole image's CRC-32 and only then activates it"),
    ABORT(3, "discard the unfinished load; the running model stays");

    private final int code;
    private final String description;

    ModelLoadPhase(int code, String description) {
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
