package org.pulsedl.daq.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pulsedl.protocol.Frame;
import org.pulsedl.protocol.FrameDecoder;
import org.pulsedl.protocol.FrameFlag;
import org.pulsedl.protocol.MessageType;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * The serial transport over a real pty pair from socat, opened by jSerialComm at both ends: frames cross at
 * several baud rates, and when socat dies (the cable is pulled) and comes back, the host reconnects by itself and
 * counts the frames it missed as a sequence gap.
 */
class SerialTransportTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} baud")
    @ValueSource(ints = {115_200, 921_600, 3_000_000})
    void framesCrossAPtyPair(int baud) throws Exception {
        Random r = new Random(TestSeed.of("SerialTransportTest.baud" + baud, 1312));
        LinkTestFrames frames = new LinkTestFrames(r, 200, 0);
        try (SocatPtyPair pair = new SocatPtyPair(dir);
             SerialTransport board = SerialTransport.open(pair.board.toString(), baud);
             FrameLinkProbe host = new FrameLinkProbe(SerialTransport.open(pair.host.toString(), baud))) {
            assertTrue(pair.devices().stream().allMatch(d -> d.startsWith("/dev/pts/")), pair.devices().toString());
            assertEquals("serial " + pair.host + " @ " + baud + " baud", host.link.transport().name());
            host.link.send(MessageType.INFO, FrameFlag.REQUEST.mask(), new byte[0]);
            List<Frame> requests = new ArrayList<>();
            FrameDecoder d = new FrameDecoder(requests::add);
            long deadline = System.currentTimeMillis() + 10_000;
            while (requests.isEmpty() && System.currentTimeMillis() < deadline) {
                board.receive(d, 100);
            }
            assertEquals(MessageType.INFO, requests.get(0).messageType());
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try {
                    board.send(frames.wire, 0, frames.wire.length);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            frames.receiveAll(host.link, host.frames, 30_000);
            sent.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void reconnectsAfterTheDeviceVanishesAndCountsWhatWasLost() throws Exception {
        Random r = new Random(TestSeed.of("SerialTransportTest.reconnect", 1313));
        LinkTestFrames before = new LinkTestFrames(r, 20, 0);
        // The board keeps numbering while the cable is out: frames 20..29 are never seen.
        LinkTestFrames after = new LinkTestFrames(r, 20, 30);
        SocatPtyPair pair = new SocatPtyPair(dir);
        try (FrameLinkProbe host = new FrameLinkProbe(SerialTransport.open(pair.host.toString(), 921_600))) {
            SerialTransport hostPort = (SerialTransport) host.link.transport();
            try (SerialTransport board = SerialTransport.open(pair.board.toString(), 921_600)) {
                board.send(before.wire, 0, before.wire.length);
                before.receiveAll(host.link, host.frames, 10_000);
            }
            pair.stop();
            long deadline = System.currentTimeMillis() + 10_000;
            while (hostPort.connected() && System.currentTimeMillis() < deadline) {
                host.link.poll(50);
            }
            assertTrue(!hostPort.connected(), "the host noticed that the device is gone");
            host.link.poll(300);                                  // retries while nothing is there
            assertEquals(0, hostPort.reconnects());

            pair.start();
            deadline = System.currentTimeMillis() + 10_000;
            while (!hostPort.connected() && System.currentTimeMillis() < deadline) {
                host.link.poll(50);
            }
            assertEquals(1, hostPort.reconnects(), "reopened the same path once socat was back");
            try (SerialTransport board = SerialTransport.open(pair.board.toString(), 921_600)) {
                board.send(after.wire, 0, after.wire.length);
                deadline = System.currentTimeMillis() + 10_000;
                while (host.frames.size() < 40 && System.currentTimeMillis() < deadline) {
                    host.link.poll(100);
                }
            }
            assertEquals(40, host.frames.size(), host.link.counters().toString());
            assertEquals(30, host.frames.get(20).sequence());
            assertEquals(1, host.link.counters().sequenceGaps());
            assertEquals(10, host.link.counters().missingFrames());
            assertEquals(0, host.link.counters().crcErrors());
        } finally {
            pair.stop();
        }
    }
}
