package org.pulsedl.protocol;

/** The {@code type} byte of a frame and the payload layout it implies (DESIGN §5). */
public enum MessageType implements Coded {
    INFO(0x01, Payloads.INFO, "board identity and capabilities; REQUEST with an empty payload asks for it"),
    CONFIG(0x02, Payloads.CONFIG, "get or set board settings"),
    WAVEFORM(0x03, Payloads.WAVEFORM, "raw samples of one event window"),
    RESULT(0x04, Payloads.RESULT, "a batch of results: timestamp, channel, flags, raw network outputs"),
    STATS(0x05, Payloads.STATS, "board counters incl. drops, overruns and CRC errors; REQUEST with an empty "
            + "payload asks for them"),
    MODEL_LOAD(0x06, Payloads.MODEL_LOAD, "chunked model image, each chunk acknowledged, CRC-checked before use"),
    START(0x07, Payloads.EMPTY, "start acquisition: timestamps restart at 0, counters are cleared"),
    STOP(0x08, Payloads.EMPTY, "stop acquisition; the board then sends a final STATS"),
    ACK(0x09, Payloads.ACK, "positive answer to a frame"),
    NACK(0x0A, Payloads.ACK, "negative answer to a frame, with a reason code");

    private final int code;
    private final Layout payload;
    private final String description;

    MessageType(int code, Layout payload, String description) {
        this.code = code;
        this.payload = payload;
        this.description = description;
    }

    @Override
    public int code() {
        return code;
    }

    public Layout payload() {
        return payload;
    }

    @Override
    public String description() {
        return description;
    }

    /** The type with wire value {@code code}, or null for one this host does not know. */
    public static MessageType of(int code) {
        return Coded.of(MessageType.class, code);
    }
}
