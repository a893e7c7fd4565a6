package org.pulsedl.daq.link;

import java.io.Closeable;
import java.io.IOException;
import org.pulsedl.protocol.FrameDecoder;
import org.pulsedl.protocol.FrameEncoder;
import org.pulsedl.protocol.FrameListener;
import org.pulsedl.protocol.LinkCounters;
import org.pulsedl.protocol.MessageType;

/**
 * Frames over a {@link Transport}: numbers outgoing frames (one sequence per direction, DESIGN §5), decodes
 * incoming ones into a listener and keeps the receive counters. Above this class nothing knows the transport.
 */
public final class FrameLink implements Closeable {
    private final Transport transport;
    private final FrameEncoder encoder = new FrameEncoder();
    private final FrameDecoder decoder;

    public FrameLink(Transport transport, FrameListener listener) {
        this.transport = transport;
        this.decoder = new FrameDecoder(listener);
    }

    public Transport transport() {
        return transport;
    }

    /** What was received and how much was lost or damaged on the way in. */
    public LinkCounters counters() {
        return decoder.counters();
    }

    /** Sends one frame; returns its sequence number (to match an ACK's {@code acked_sequence}). */
    public long send(MessageType type, int flags, byte[] payload) throws IOException {
        byte[] frame;
        long sequence;
        synchronized (encoder) {
            sequence = encoder.nextSequence();
            frame = encoder.encode(type, flags, payload);
            transport.send(frame, 0, frame.length);
        }
        return sequence;
    }

    /** Receives for up to {@code timeoutMillis}; frames go to the listener on this thread. See {@link Transport#receive}. */
    public int poll(int timeoutMillis) throws IOException {
        return transport.receive(decoder, timeoutMillis);
    }

    @Override
    public void close() {
        transport.close();
    }
}
