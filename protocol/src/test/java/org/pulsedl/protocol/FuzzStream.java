package org.pulsedl.protocol;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded stream of frames, damaged frames and garbage, with the ground truth of what a correct receiver must
 * report. Every frame, damaged or not, takes the next sequence number (as a sender's would; the damage happens on
 * the wire). No sync word appears anywhere except at the start of a frame-like piece, so each kind of damage has
 * exactly one correct count (DESIGN §5's resynchronisation rule).
 */
final class FuzzStream {
    enum Damage { NONE, BIT_FLIP, TRUNCATED, OVERSIZE, GARBAGE, OTHER_VERSION }

    /** A frame the receiver must deliver, as sent. */
    record Sent(int type, int flags, long sequence, byte[] payload) {
    }

    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final List<Sent> intact = new ArrayList<>();
    /** Damaged frames that must count as a CRC error or (if the stream ends inside their claim) truncated. */
    int crcOrTruncated;
    int oversize;
    int truncatedPieces;
    int flippedPieces;
    long intactBytes;
    /** For each frame piece in order: its sequence, or -1 when damaged. */
    final List<Long> sequenceOrDamaged = new ArrayList<>();

    private final Random random;
    private long sequence;

    FuzzStream(Random random, long firstSequence) {
        this.random = random;
        this.sequence = firstSequence & 0xffff_ffffL;
    }

    /** A random frame (known or unknown type) with the next sequence number, not yet appended. */
    private Sent nextFrame() {
        int type = random.nextInt(20) == 0 ? 0x40 + random.nextInt(0x40) : MessageType.values()[random.nextInt(10)].code();
        int len = random.nextInt(8) == 0 ? random.nextInt(FrameHeader.MAX_PAYLOAD + 1) : random.nextInt(120);
        byte[] payload = new byte[len];
        random.nextBytes(payload);
        Sent s = new Sent(type, random.nextInt(1 << 16), sequence, payload);
        sequence = (sequence + 1) & 0xffff_ffffL;
        return s;
    }

    static byte[] wire(Sent s) {
        byte[] f = new FrameEncoder(s.sequence()).encode(MessageType.INFO, s.flags(), s.payload());
        f[3] = (byte) s.type();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(f, 0, f.length - 4);
        java.nio.ByteBuffer.wrap(f).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(f.length - 4, (int) crc.getValue());
        return f;
    }

    /** Appends one intact frame (retrying its random content until no stray sync word appears). */
    void addIntact() {
        while (true) {
            Sent s = nextFrame();
            if (append(wire(s), true)) {
                intact.add(s);
                intactBytes += wire(s).length;
                sequenceOrDamaged.add(s.sequence());
                return;
            }
            sequence = s.sequence();
        }
    }

    /** Appends two intact frames in swapped order. */
    void addSwappedPair() {
        long first = sequence;
        Sent a;
        Sent b;
        do {
            sequence = first;
            a = nextFrame();
            b = nextFrame();
        } while (!clean(wire(a)) || !clean(wire(b)));
        long end = sequence;
        sequence = b.sequence();
        addExact(b);
        sequence = a.sequence();
        addExact(a);
        sequence = end;
    }

    private void addExact(Sent s) {
        if (!append(wire(s), true)) {
            throw new IllegalStateException("a clean frame made a stray sync at a piece boundary");
        }
        intact.add(s);
        intactBytes += wire(s).length;
        sequenceOrDamaged.add(s.sequence());
    }

    void addDamaged(Damage d) {
        while (true) {
            long seq = sequence;
            byte[] piece = damaged(d);
            if (append(piece, d != Damage.GARBAGE)) {
                if (d == Damage.BIT_FLIP || d == Damage.TRUNCATED || d == Damage.OTHER_VERSION) {
                    sequenceOrDamaged.add(-1L);
                }
                return;
            }
            sequence = seq;
            undoCounts(d);
        }
    }

    private Damage pendingFlipClass;

    private byte[] damaged(Damage d) {
        pendingFlipClass = null;
        switch (d) {
            case BIT_FLIP -> {
                byte[] f = wire(nextFrame());
                int bit = random.nextInt(f.length * 8);
                int at = bit / 8;
                f[at] ^= (byte) (1 << (bit % 8));
                int length = (f[6] & 0xff) | (f[7] & 0xff) << 8;
                if (at < 3) {
                    pendingFlipClass = Damage.GARBAGE;     // sync or version broken: not a candidate at all
                } else if (length > FrameHeader.MAX_PAYLOAD) {
                    pendingFlipClass = Damage.OVERSIZE;
                    oversize++;
                } else {
                    pendingFlipClass = Damage.BIT_FLIP;
                    crcOrTruncated++;
                }
                flippedPieces++;
                return f;
            }
            case TRUNCATED -> {
                byte[] f = wire(nextFrame());
                truncatedPieces++;
                crcOrTruncated++;
                return java.util.Arrays.copyOf(f, FrameHeader.SIZE + random.nextInt(f.length - FrameHeader.SIZE));
            }
            case OVERSIZE -> {
                byte[] f = new byte[FrameHeader.SIZE + random.nextInt(300)];
                random.nextBytes(f);
                f[0] = 'P';
                f[1] = 'D';
                f[2] = 1;
                int length = FrameHeader.MAX_PAYLOAD + 1 + random.nextInt(0x10000 - FrameHeader.MAX_PAYLOAD - 1);
                f[6] = (byte) length;
                f[7] = (byte) (length >> 8);
                oversize++;
                return f;
            }
            case OTHER_VERSION -> {
                byte[] f = wire(nextFrame());
                f[2] = (byte) (2 + random.nextInt(254));
                return f;
            }
            default -> {
                byte[] g = new byte[1 + random.nextInt(200)];
                random.nextBytes(g);
                return g;
            }
        }
    }

    private void undoCounts(Damage d) {
        if (d == Damage.BIT_FLIP) {
            flippedPieces--;
            if (pendingFlipClass == Damage.OVERSIZE) {
                oversize--;
            } else if (pendingFlipClass == Damage.BIT_FLIP) {
                crcOrTruncated--;
            }
        } else if (d == Damage.TRUNCATED) {
            truncatedPieces--;
            crcOrTruncated--;
        } else if (d == Damage.OVERSIZE) {
            oversize--;
        }
    }

    /** No sync word inside the frame except at its start. */
    private static boolean clean(byte[] f) {
        for (int i = 1; i + 1 < f.length; i++) {
            if (f[i] == 'P' && f[i + 1] == 'D') {
                return false;
            }
        }
        return true;
    }

    /** Appends the piece unless a sync word would appear other than at its start (when {@code syncAtStart}). */
    private boolean append(byte[] piece, boolean syncAtStart) {
        byte[] all = bytes.toByteArray();
        byte last = all.length == 0 ? 0 : all[all.length - 1];
        if (last == 'P' && piece.length > 0 && piece[0] == 'D') {
            return false;
        }
        for (int i = 0; i + 1 < piece.length; i++) {
            if (piece[i] == 'P' && piece[i + 1] == 'D' && !(i == 0 && syncAtStart)) {
                return false;
            }
        }
        bytes.write(piece, 0, piece.length);
        return true;
    }
}
