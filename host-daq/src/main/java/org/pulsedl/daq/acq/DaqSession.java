package org.pulsedl.daq.acq;

import java.io.IOException;
import org.pulsedl.daq.link.FrameLink;
import org.pulsedl.daq.link.Transport;
import org.pulsedl.protocol.LinkCounters;

/**
 * The host's connection to one board: a {@link FrameLink} on the transport, a thread receiving into the
 * {@link Acquisition}, and the {@link BoardClient} that talks to the board. Nothing here knows which transport.
 */
public final class DaqSession implements AutoCloseable {
    private final FrameLink link;
    private final BoardClient client;
    private final Acquisition acquisition;
    private final Thread receiver;
    private volatile boolean closed;
    private volatile IOException failure;
    private volatile String ended;

    public DaqSession(Transport transport) {
        this(transport, BoardClient.TIMEOUT_MS);
    }

    /** A session whose client waits {@code answerMs} for each answer of the board (a simulated SoC is slow). */
    public DaqSession(Transport transport, long answerMs) {
        FrameLink[] self = new FrameLink[1];
        this.client = new BoardClient((type, flags, payload) -> self[0].send(type, flags, payload), answerMs);
        this.acquisition = new Acquisition(client);
        this.link = new FrameLink(transport, acquisition);
        self[0] = link;
        this.receiver = new Thread(this::receive, "daq-receive");
        receiver.setDaemon(true);
        receiver.start();
    }

    private void receive() {
        try {
            while (!closed) {
                if (link.poll(100) < 0) {
                    if (!closed) ended = "the board closed the link";
                    return;
                }
            }
        } catch (IOException e) {
            if (!closed) {
                failure = e;
                ended = "receiving failed: " + e.getMessage();
            }
        }
    }

    public BoardClient client() { return client; }

    public Acquisition acquisition() { return acquisition; }

    public LinkCounters counters() { return link.counters(); }

    public String name() { return link.transport().name(); }

    /** Why receiving stopped, or null while it runs. */
    public IOException failure() { return failure; }

    /** Why the link ended before this session closed it (the peer closed it, or a read failed); null while up. */
    public String linkEnded() { return ended; }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        receiver.join(2000);
        link.close();
    }
}
