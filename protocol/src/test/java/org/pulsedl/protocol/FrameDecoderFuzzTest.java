package org.pulsedl.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * DESIGN §5's receiver rules under seeded damage: random, truncated, bit-flipped, reordered, oversized and
 * other-version frames with garbage between them, fed in random chunks. No exception escapes, every intact frame
 * arrives in order, and each counter equals the number of damaged pieces of its kind.
 */
class FrameDecoderFuzzTest {
    private static final FuzzStream.Damage[] DAMAGE = FuzzStream.Damage.values();

    private static FuzzStream stream(Random r, int pieces, boolean swaps) {
        // Start near 2^32 so the sequence wraps inside the stream.
        FuzzStream s = new FuzzStream(r, 0xffff_ffffL - pieces / 2);
        for (int i = 0; i < pieces; i++) {
            int k = r.nextInt(100);
            if (k < 55) {
                s.addIntact();
            } else if (swaps && k < 62) {
                s.addSwappedPair();
            } else {
                s.addDamaged(DAMAGE[1 + r.nextInt(DAMAGE.length - 1)]);
            }
        }
        s.addIntact();
        return s;
    }

    /** Feeds {@code bytes} in random chunks of 1..max bytes, then ends the stream. */
    private static FrameDecoder decode(byte[] bytes, Random r, int max, List<Frame> out) {
        FrameDecoder d = new FrameDecoder(out::add);
        int pos = 0;
        while (pos < bytes.length) {
            int n = Math.min(bytes.length - pos, 1 + r.nextInt(max));
            d.feed(bytes, pos, n);
            pos += n;
        }
        d.endOfStream();
        return d;
    }

    private static void assertDelivered(FuzzStream s, List<Frame> got) {
        assertEquals(s.intact.size(), got.size(), "intact frames delivered");
        for (int i = 0; i < got.size(); i++) {
            FuzzStream.Sent want = s.intact.get(i);
            Frame f = got.get(i);
            assertEquals(want.sequence(), f.sequence(), "frame " + i + " sequence");
            assertEquals(want.type(), f.type(), "frame " + i + " type");
            assertEquals(want.flags(), f.flags(), "frame " + i + " flags");
            assertArrayEquals(want.payload(), f.payload(), "frame " + i + " payload");
        }
    }

    @Test
    void damagedStreamCountsEachDamageExactlyAndDeliversEveryIntactFrame() {
        long seed = TestSeed.of("FrameDecoderFuzzTest.damagedStream", 1305);
        Random r = new Random(seed);
        for (int round = 0; round < 20; round++) {
            FuzzStream s = stream(r, 400, false);
            byte[] bytes = s.bytes.toByteArray();
            List<Frame> got = new ArrayList<>();
            LinkCounters c = decode(bytes, r, round % 2 == 0 ? 7 : 3000, got).counters();
            String where = "round " + round + " (seed " + seed + "): " + c;
            assertDelivered(s, got);
            assertEquals(s.crcOrTruncated, c.crcErrors() + c.truncatedFrames(), where);
            assertEquals(s.oversize, c.oversizeFrames(), where);
            assertEquals(bytes.length - s.intactBytes, c.garbageBytes(), where);
            assertEquals(s.intactBytes, c.frameBytes(), where);
            assertEquals(0, c.lateFrames(), where);
            // Ground truth of the sequence rule: each run of damaged frames between intact ones is one gap.
            long gaps = 0;
            long missing = 0;
            long run = 0;
            boolean seenIntact = false;
            for (long q : s.sequenceOrDamaged) {
                if (q < 0) {
                    run++;
                } else {
                    if (seenIntact && run > 0) {
                        gaps++;
                        missing += run;
                    }
                    seenIntact = true;
                    run = 0;
                }
            }
            assertEquals(gaps, c.sequenceGaps(), where);
            assertEquals(missing, c.missingFrames(), where);
            assertTrue(s.flippedPieces > 0 && s.truncatedPieces > 0 && s.oversize > 0, "every kind of damage occurs");
        }
    }

    @Test
    void reorderedFramesCountAsOneGapAndOneLateFrameEach() {
        long seed = TestSeed.of("FrameDecoderFuzzTest.reordered", 1306);
        Random r = new Random(seed);
        FuzzStream s = new FuzzStream(r, 10);
        s.addIntact(); // the first frame received sets the expectation; a swap before it would be no gap
        int pairs = 0;
        for (int i = 0; i < 300; i++) {
            if (r.nextBoolean()) {
                s.addSwappedPair();
                pairs++;
            } else {
                s.addIntact();
            }
        }
        s.addIntact();
        List<Frame> got = new ArrayList<>();
        LinkCounters c = decode(s.bytes.toByteArray(), r, 500, got).counters();
        assertDelivered(s, got);
        assertEquals(pairs, c.sequenceGaps(), c.toString());
        assertEquals(pairs, c.missingFrames(), c.toString());
        assertEquals(pairs, c.lateFrames(), c.toString());
        assertEquals(0, c.crcErrors() + c.truncatedFrames() + c.oversizeFrames() + c.garbageBytes(), c.toString());
    }

    @Test
    void chunkingNeverChangesTheOutcome() {
        long seed = TestSeed.of("FrameDecoderFuzzTest.chunking", 1307);
        Random r = new Random(seed);
        FuzzStream s = stream(r, 600, true);
        byte[] bytes = s.bytes.toByteArray();
        List<Frame> whole = new ArrayList<>();
        FrameDecoder d = new FrameDecoder(whole::add);
        d.feed(bytes);
        d.endOfStream();
        String expected = d.counters().toString();
        for (int max : new int[] {1, 2, 13, 1416, 9000}) {
            List<Frame> got = new ArrayList<>();
            assertEquals(expected, decode(bytes, r, max, got).counters().toString(), "chunks of up to " + max);
            assertDelivered(s, got);
        }
        assertDelivered(s, whole);
    }

    @Test
    void randomBytesNeverThrowAndEveryByteIsAccountedFor() {
        long seed = TestSeed.of("FrameDecoderFuzzTest.randomBytes", 1308);
        Random r = new Random(seed);
        // Bytes drawn mostly from the header's own values so candidate headers are frequent.
        byte[] alphabet = {'P', 'D', 1, 0, 4, 5, (byte) 0xff};
        for (int round = 0; round < 50; round++) {
            byte[] bytes = new byte[20_000];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = r.nextInt(4) == 0 ? (byte) r.nextInt(256) : alphabet[r.nextInt(alphabet.length)];
            }
            List<Frame> got = new ArrayList<>();
            LinkCounters c = decode(bytes, r, 1 + r.nextInt(4000), got).counters();
            assertEquals(bytes.length, c.garbageBytes() + c.frameBytes(), c.toString());
            FrameDecoder datagrams = new FrameDecoder(f -> { });
            for (int pos = 0; pos < bytes.length; pos += 1500) {
                datagrams.decodeDatagram(bytes, pos, Math.min(1500, bytes.length - pos));
            }
            LinkCounters dc = datagrams.counters();
            assertEquals(bytes.length, dc.garbageBytes() + dc.frameBytes(), dc.toString());
        }
    }
}
