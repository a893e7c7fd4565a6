package org.pulsedl.daq.link;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.pulsedl.protocol.Frame;

/** The host end of a link test: a {@link FrameLink} whose received frames are collected. */
final class FrameLinkProbe implements AutoCloseable {
    final List<Frame> frames = new ArrayList<>();
    final FrameLink link;

    FrameLinkProbe(Transport t) {
        this.link = new FrameLink(t, frames::add);
    }

    /** Receives for about {@code millis} ms. */
    void drain(int millis) throws IOException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            link.poll(10);
        }
    }

    @Override
    public void close() {
        link.close();
    }
}
