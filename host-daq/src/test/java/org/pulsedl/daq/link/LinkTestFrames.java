package org.pulsedl.daq.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.pulsedl.protocol.Frame;
import org.pulsedl.protocol.FrameEncoder;
import org.pulsedl.protocol.LinkCounters;
import org.pulsedl.protocol.MessageType;
import org.pulsedl.protocol.ResultBatchWriter;

/** Seeded RESULT frames to push through a transport, and the check that all of them arrived intact. */
final class LinkTestFrames {
    final List<byte[]> payloads = new ArrayList<>();
    final byte[] wire;

    LinkTestFrames(Random r, int frames, long firstSequence) {
        FrameEncoder enc = new FrameEncoder(firstSequence);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int[] outputs = new int[2];
        for (int i = 0; i < frames; i++) {
            ResultBatchWriter w = new ResultBatchWriter(2, 1 + r.nextInt(50));
            while (!w.isFull()) {
                outputs[0] = r.nextInt();
                outputs[1] = r.nextInt();
                w.add(r.nextLong() >>> 1, r.nextInt(2), r.nextInt(16), outputs, 0);
            }
            byte[] p = w.payload();
            payloads.add(p);
            out.writeBytes(enc.encode(MessageType.RESULT, 0, p));
        }
        wire = out.toByteArray();
    }

    /** Receives until all frames are in (or the time is up) and checks them and the counters. */
    void receiveAll(FrameLink link, List<Frame> got, long timeoutMillis) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (got.size() < payloads.size() && System.currentTimeMillis() < deadline) {
            if (link.poll(100) < 0) {
                break;
            }
        }
        check(got, link.counters());
    }

    void check(List<Frame> got, LinkCounters c) {
        assertEquals(payloads.size(), got.size(), "frames received over the link; " + c);
        for (int i = 0; i < got.size(); i++) {
            assertEquals(MessageType.RESULT, got.get(i).messageType());
            assertArrayEquals(payloads.get(i), got.get(i).payload(), "frame " + i);
        }
        assertEquals(0, c.crcErrors() + c.garbageBytes() + c.sequenceGaps() + c.truncatedFrames(), c.toString());
    }
}
