package org.pulsedl.daq.link;

import java.io.Closeable;
import java.io.IOException;
import org.pulsedl.protocol.FrameDecoder;

/**
 * One connection to a board, whatever carries it (STYLE item 14): serial, TCP or UDP. Frames go out as encoded
 * bytes; incoming bytes go straight into a {@link FrameDecoder}, which the transport feeds the right way (a byte
 * stream, or datagram by datagram), so nothing above a transport knows which one it is. One thread may send while
 * another receives.
 */
public interface Transport extends Closeable {
    /** What it is connected to, for status lines and messages, e.g. {@code tcp 127.0.0.1:5000}. */
    String name();

    /** Sends whole encoded frames (one or more back to back); returns when the operating system has them. */
    void send(byte[] frames, int off, int len) throws IOException;

    /**
     * Waits up to {@code timeoutMillis} for input and feeds what arrived to {@code decoder}. Returns the bytes
     * received (0 on a timeout, or while a serial port is being reconnected), or -1 once the peer has closed a
     * stream for good (the decoder has then seen the end of the stream).
     */
    int receive(FrameDecoder decoder, int timeoutMillis) throws IOException;

    /** Times the transport lost its device and got it back (serial); 0 for the others. */
    default long reconnects() {
        return 0;
    }

    @Override
    void close();
}
