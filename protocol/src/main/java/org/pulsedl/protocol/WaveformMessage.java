package org.pulsedl.protocol;

import java.nio.ByteBuffer;

/** The WAVEFORM payload ({@link Payloads#WAVEFORM}): one window of raw ADC samples. */
public record WaveformMessage(long timestamp, int channel, int flags, short[] samples) {
    private static final Layout L = Payloads.WAVEFORM;
    private static final int SAMPLE = Payloads.WAVEFORM.tail().elementFixedSize();

    /** Most samples one frame carries. */
    public static final int MAX_SAMPLES = (FrameHeader.MAX_PAYLOAD - L.fixedSize()) / SAMPLE;

    public byte[] encode() {
        if (samples.length > MAX_SAMPLES) {
            throw new IllegalArgumentException(samples.length + " samples; one WAVEFORM frame carries " + MAX_SAMPLES);
        }
        ByteBuffer b = PayloadBuffer.allocate(L.fixedSize() + samples.length * SAMPLE);
        L.field("timestamp").put(b, 0, timestamp);
        L.field("channel").put(b, 0, channel);
        L.field("flags").put(b, 0, flags);
        L.field("sample_count").put(b, 0, samples.length);
        b.position(L.fixedSize());
        b.asShortBuffer().put(samples);
        return b.array();
    }

    public static WaveformMessage decode(byte[] payload) {
        PayloadBuffer.expectFixed(MessageType.WAVEFORM, payload);
        ByteBuffer b = PayloadBuffer.wrap(payload);
        int n = L.field("sample_count").getInt(b, 0);
        PayloadBuffer.expect(MessageType.WAVEFORM, payload, L.fixedSize() + n * SAMPLE);
        short[] samples = new short[n];
        b.position(L.fixedSize());
        b.asShortBuffer().get(samples);
        return new WaveformMessage(L.field("timestamp").get(b, 0), L.field("channel").getInt(b, 0),
                L.field("flags").getInt(b, 0), samples);
    }
}
