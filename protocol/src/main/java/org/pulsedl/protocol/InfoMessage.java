package org.pulsedl.protocol;

import java.nio.ByteBuffer;

/** The INFO payload ({@link Payloads#INFO}). */
public record InfoMessage(int protocolVersion, int channels, int adcBits, int outputCount, long adcClockHz,
                          int windowSamples, int maxPayload, long firmwareVersion, long modelCrc, long boardId) {
    private static final Layout L = Payloads.INFO;

    public byte[] encode() {
        ByteBuffer b = PayloadBuffer.allocate(L.fixedSize());
        L.field("protocol_version").put(b, 0, protocolVersion);
        L.field("channels").put(b, 0, channels);
        L.field("adc_bits").put(b, 0, adcBits);
        L.field("output_count").put(b, 0, outputCount);
        L.field("adc_clock_hz").put(b, 0, adcClockHz);
        L.field("window_samples").put(b, 0, windowSamples);
        L.field("max_payload").put(b, 0, maxPayload);
        L.field("firmware_version").put(b, 0, firmwareVersion);
        L.field("model_crc").put(b, 0, modelCrc);
        L.field("board_id").put(b, 0, boardId);
        return b.array();
    }

    public static InfoMessage decode(byte[] payload) {
        PayloadBuffer.expect(MessageType.INFO, payload, L.fixedSize());
        ByteBuffer b = PayloadBuffer.wrap(payload);
        return new InfoMessage(L.field("protocol_version").getInt(b, 0), L.field("channels").getInt(b, 0),
                L.field("adc_bits").getInt(b, 0), L.field("output_count").getInt(b, 0),
                L.field("adc_clock_hz").get(b, 0), L.field("window_samples").getInt(b, 0),
                L.field("max_payload").getInt(b, 0), L.field("firmware_version").get(b, 0),
                L.field("model_crc").get(b, 0), L.field("board_id").get(b, 0));
    }
}
