package org.pulsedl.protocol;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The receiving half of one direction of one stream (DESIGN §5). Fed byte chunks of any size (serial, TCP) or
 * whole datagrams (UDP), it hunts for the sync word, checks version, length and CRC-32, hands every intact frame
 * to the listener in wire order and counts everything else in {@link LinkCounters}. No input makes it throw or
 * stop: after a bad candidate it resumes the hunt one byte further, so a frame that follows damage is still found.
 * Not thread-safe: one thread feeds it.
 */
public final class FrameDecoder {
    private static final byte SYNC_LO = (byte) (FrameHeader.SYNC & 0xff);
    private static final byte SYNC_HI = (byte) (FrameHeader.SYNC >> 8);
    private static final int LENGTH_AT = FrameHeader.LENGTH.offset();

    private final FrameListener listener;
    private final LinkCounters counters = new LinkCounters();
    private final SequenceTracker sequence = new SequenceTracker();
    private final CRC32 crc = new CRC32();
    /** Stream bytes not yet consumed: [head, tail). Large enough for a whole frame plus a read. */
    private final byte[] buffer = new byte[4 * FrameHeader.MAX_FRAME];
    private final ByteBuffer view = ByteBuffer.wrap(buffer).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    private int head;
    private int tail;

    public FrameDecoder(FrameListener listener) {
        this.listener = listener;
    }

    public LinkCounters counters() {
        return counters;
    }

    /** Bytes held back because they may start a frame whose rest has not arrived. */
    public int pendingBytes() {
        return tail - head;
    }

    /** Stream input: the next {@code len} bytes, in any chunking. */
    public void feed(byte[] bytes, int off, int len) {
        while (len > 0) {
            if (tail == buffer.length) {
                System.arraycopy(buffer, head, buffer, 0, tail - head);
                tail -= head;
                head = 0;
            }
            int n = Math.min(len, buffer.length - tail);
            System.arraycopy(bytes, off, buffer, tail, n);
            tail += n;
            off += n;
            len -= n;
            head = scan(buffer, view, head, tail, false);
        }
    }

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    /** Stream input from a buffer's remaining bytes (consumed). */
    public void feed(ByteBuffer bytes) {
        if (bytes.hasArray()) {
            feed(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            bytes.position(bytes.limit());
            return;
        }
        byte[] chunk = new byte[Math.min(bytes.remaining(), FrameHeader.MAX_FRAME)];
        while (bytes.hasRemaining()) {
            int n = Math.min(chunk.length, bytes.remaining());
            bytes.get(chunk, 0, n);
            feed(chunk, 0, n);
        }
    }

    /**
     * The stream ended (disconnect, end of file): a frame still waiting for its rest counts as truncated, and the
     * bytes after its start are hunted through like any others. The sequence expectation is kept, so frames lost
     * while the link was down show as a gap when it is back.
     */
    public void endOfStream() {
        scan(buffer, view, head, tail, true);
        head = 0;
        tail = 0;
    }

    /** Forgets held bytes and the sequence expectation: the next byte starts a new stream from a new peer. */
    public void reset() {
        head = 0;
        tail = 0;
        sequence.reset();
    }

    /**
     * Datagram input: one UDP datagram holds whole frames (normally one); nothing carries over to the next
     * datagram, so a cut-off frame counts as truncated at once. Shares the sequence rule with the stream input.
     */
    public void decodeDatagram(byte[] datagram, int off, int len) {
        scan(datagram, ByteBuffer.wrap(datagram).order(java.nio.ByteOrder.LITTLE_ENDIAN), off, off + len, true);
    }

    /**
     * Consumes frames and garbage from {@code b[pos, end)}; returns where the unconsumed rest starts (a possible
     * frame start waiting for more bytes). With {@code atEnd} nothing will follow, so everything is consumed.
     */
    private int scan(byte[] b, ByteBuffer v, int pos, int end, boolean atEnd) {
        while (pos < end) {
            int sync = findSync(b, pos, end);
            counters.garbageBytes += sync - pos;
            pos = sync;
            int available = end - pos;
            if (available < FrameHeader.SIZE) {
                if (!atEnd) {
                    return pos;
                }
                if (available >= 2) {
                    counters.truncatedFrames++;
                }
                counters.garbageBytes += available;
                return end;
            }
            if ((b[pos + 2] & 0xff) != FrameHeader.VERSION) {
                counters.garbageBytes++;
                pos++;
                continue;
            }
            int length = (b[pos + LENGTH_AT] & 0xff) | (b[pos + LENGTH_AT + 1] & 0xff) << 8;
            if (length > FrameHeader.MAX_PAYLOAD) {
                // Its extent is unknown, so only the sync is skipped; the hunt goes on inside the claimed payload.
                counters.oversizeFrames++;
                counters.garbageBytes += 2;
                pos += 2;
                continue;
            }
            int total = FrameHeader.SIZE + length + FrameHeader.CRC_SIZE;
            if (available < total) {
                if (!atEnd) {
                    return pos;
                }
                counters.truncatedFrames++;
                counters.garbageBytes++;
                pos++;
                continue;
            }
            crc.reset();
            crc.update(b, pos, total - FrameHeader.CRC_SIZE);
            if ((int) crc.getValue() != v.getInt(pos + total - FrameHeader.CRC_SIZE)) {
                counters.crcErrors++;
                counters.garbageBytes++;
                pos++;
                continue;
            }
            deliver(b, v, pos, length, total);
            pos += total;
        }
        return pos;
    }

    private void deliver(byte[] b, ByteBuffer v, int pos, int length, int total) {
        byte[] payload = new byte[length];
        System.arraycopy(b, pos + FrameHeader.SIZE, payload, 0, length);
        long seq = FrameHeader.SEQUENCE.get(v, pos);
        Frame f = new Frame(FrameHeader.TYPE.getInt(v, pos), FrameHeader.FLAGS.getInt(v, pos), seq, payload);
        counters.frames++;
        counters.frameBytes += total;
        sequence.accept(seq, counters);
        listener.onFrame(f);
    }

    /** The first index in [pos, end) where the sync word starts, or where a last lone low sync byte is, or end. */
    private static int findSync(byte[] b, int pos, int end) {
        for (int i = pos; i < end; i++) {
            if (b[i] == SYNC_LO && (i + 1 == end || b[i + 1] == SYNC_HI)) {
                return i;
            }
        }
        return end;
    }
}
