package org.pulsedl.daq.emulator;

import java.io.IOException;

/** The sending side of a link as the emulated board sees it: whole frames out, in order. */
public interface FrameOutput {
    /** Sends one whole frame, bytes {@code [off, off + len)} of {@code frame} (one datagram on UDP). */
    void send(byte[] frame, int off, int len) throws IOException;

    /** Pushes out frames a stream transport buffered. */
    default void flush() throws IOException {}
}
