package org.pulsedl.daq.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pulsedl.protocol.Frame;
import org.pulsedl.protocol.FrameDecoder;
import org.pulsedl.protocol.FrameFlag;
import org.pulsedl.protocol.MessageType;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * Real sockets on 127.0.0.1: a board end and a host end talk through {@link TcpTransport} and
 * {@link UdpTransport}; a request goes out, a burst of RESULT frames comes back, all intact and in sequence.
 */
class TcpUdpTransportTest {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @Test
    void tcpCarriesFramesBothWays() throws Exception {
        Random r = new Random(TestSeed.of("TcpUdpTransportTest.tcp", 1310));
        LinkTestFrames frames = new LinkTestFrames(r, 2000, 5);
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(LOOPBACK)) {
            CompletableFuture<List<Frame>> request = new CompletableFuture<>();
            CompletableFuture<Void> board = CompletableFuture.runAsync(() -> {
                try (TcpTransport t = TcpTransport.of(server.accept())) {
                    List<Frame> requests = new ArrayList<>();
                    FrameDecoder d = new FrameDecoder(requests::add);
                    while (requests.isEmpty() && t.receive(d, 100) >= 0) {
                        // wait for the host's request
                    }
                    request.complete(requests);
                    t.send(frames.wire, 0, frames.wire.length);   // blocks until the host has read most of it
                } catch (Exception e) {
                    request.completeExceptionally(e);
                    throw new IllegalStateException(e);
                }
            });
            try (FrameLinkProbe host = new FrameLinkProbe(TcpTransport.connect((InetSocketAddress) server.getLocalAddress(), 5000))) {
                assertTrue(host.link.transport().name().startsWith("tcp 127.0.0.1:"), host.link.transport().name());
                host.link.send(MessageType.INFO, FrameFlag.REQUEST.mask(), new byte[0]);
                List<Frame> requests = request.get(20, TimeUnit.SECONDS);
                assertEquals(MessageType.INFO, requests.get(0).messageType());
                assertTrue(requests.get(0).has(FrameFlag.REQUEST));
                frames.receiveAll(host.link, host.frames, 20_000);
                board.get(20, TimeUnit.SECONDS);
                // The board closed its end: the host sees the end of the stream.
                assertEquals(-1, host.link.poll(2000));
            }
        }
    }

    @Test
    void udpCarriesFramesBothWays() throws Exception {
        Random r = new Random(TestSeed.of("TcpUdpTransportTest.udp", 1311));
        LinkTestFrames frames = new LinkTestFrames(r, 300, 0);
        try (UdpTransport boardEnd = UdpTransport.bind(LOOPBACK);
             FrameLinkProbe host = new FrameLinkProbe(UdpTransport.connect(boardEnd.localAddress()))) {
            host.link.send(MessageType.STATS, FrameFlag.REQUEST.mask(), new byte[0]);
            List<Frame> requests = new ArrayList<>();
            FrameDecoder d = new FrameDecoder(requests::add);
            long deadline = System.currentTimeMillis() + 10_000;
            while (requests.isEmpty() && System.currentTimeMillis() < deadline) {
                boardEnd.receive(d, 100);
            }
            assertEquals(MessageType.STATS, requests.get(0).messageType());
            // The board answers whoever asked; in slices so the loopback's socket buffer never overflows.
            int half = frames.wire.length / 2;
            int cut = cutAtFrame(frames.wire, half);
            boardEnd.send(frames.wire, 0, cut);
            host.drain(50);
            boardEnd.send(frames.wire, cut, frames.wire.length - cut);
            frames.receiveAll(host.link, host.frames, 20_000);
        }
    }

    /** The first frame boundary at or after {@code at}. */
    private static int cutAtFrame(byte[] wire, int at) {
        int pos = 0;
        while (pos < at) {
            pos += 16 + ((wire[pos + 6] & 0xff) | (wire[pos + 7] & 0xff) << 8);
        }
        return pos;
    }
}
