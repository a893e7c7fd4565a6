package org.pulsedl.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * The UDP path: each datagram stands alone, so a cut-off frame is truncated at once and never waits for the next
 * datagram; lost datagrams show as sequence gaps.
 */
class DatagramDecodeTest {
    @Test
    void eachDatagramIsJudgedAlone() {
        long seed = TestSeed.of("DatagramDecodeTest", 1309);
        Random r = new Random(seed);
        List<Frame> got = new ArrayList<>();
        FrameDecoder d = new FrameDecoder(got::add);
        long sequence = 0;
        int intact = 0;
        int crc = 0;
        int truncated = 0;
        int oversize = 0;
        int lost = 0;
        int gaps = 0;
        boolean previousLost = false;
        for (int i = 0; i < 3000; i++) {
            byte[] payload;
            byte[] f;
            do {                                   // no stray sync word, so every damage has one right count
                payload = new byte[r.nextInt(FrameHeader.MAX_PAYLOAD + 1)];
                r.nextBytes(payload);
                f = new FrameEncoder(sequence).encode(MessageType.RESULT, 0, payload);
            } while (straySync(f));
            sequence++;
            int kind = i == 0 ? 0 : r.nextInt(5);
            if (kind == 1) {                       // datagram lost in the network
                lost++;
                gaps += previousLost ? 0 : 1;
                previousLost = true;
                continue;
            }
            if (kind == 2) {                       // cut short: at once truncated
                f = Arrays.copyOf(f, 2 + r.nextInt(f.length - 2));
                truncated++;
            } else if (kind == 3) {                // one flipped bit after the version byte
                int at = 3 + r.nextInt(f.length - 3);
                int bit = r.nextInt(8);
                f[at] ^= (byte) (1 << bit);
                int length = (f[6] & 0xff) | (f[7] & 0xff) << 8;
                if (length > FrameHeader.MAX_PAYLOAD) {
                    oversize++;
                } else if (length > payload.length) {
                    truncated++;
                } else {
                    crc++;
                }
            } else {
                intact++;
            }
            d.decodeDatagram(f, 0, f.length);
            // A damaged frame's sequence is lost too; the gap shows at the next intact one.
            boolean damaged = kind == 2 || kind == 3;
            if (damaged) {
                lost++;
                gaps += previousLost ? 0 : 1;
            }
            previousLost = damaged;
        }
        byte[] last = new FrameEncoder(sequence).encode(MessageType.STOP, 0, new byte[0]);
        d.decodeDatagram(last, 0, last.length);
        intact++;
        LinkCounters c = d.counters();
        assertEquals(intact, c.frames(), c.toString());
        assertEquals(crc, c.crcErrors(), c.toString());
        assertEquals(truncated, c.truncatedFrames(), c.toString());
        assertEquals(oversize, c.oversizeFrames(), c.toString());
        assertEquals(lost, c.missingFrames(), c.toString());
        assertEquals(gaps, c.sequenceGaps(), c.toString());
        assertEquals(intact, got.size());
    }

    private static boolean straySync(byte[] f) {
        for (int i = 1; i + 1 < f.length; i++) {
            if (f[i] == 'P' && f[i + 1] == 'D') {
                return true;
            }
        }
        return false;
    }
}
