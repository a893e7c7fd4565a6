package org.pulsedl.protocol;

/**
 * What a {@link FrameDecoder} saw on one direction of one stream (DESIGN §5: receivers count CRC errors, sequence
 * gaps and oversize frames). Written by the decoding thread only; any thread may read (the fields are volatile).
 * Every received byte ends up either in a delivered frame or in {@link #garbageBytes()}.
 */
public final class LinkCounters {
    volatile long frames;
    volatile long frameBytes;
    volatile long garbageBytes;
    volatile long crcErrors;
    volatile long oversizeFrames;
    volatile long truncatedFrames;
    volatile long sequenceGaps;
    volatile long missingFrames;
    volatile long lateFrames;

    /** Intact frames delivered. */
    public long frames() {
        return frames;
    }

    /** Bytes of the delivered frames (header, payload and CRC). */
    public long frameBytes() {
        return frameBytes;
    }

    /** Bytes skipped while hunting for the next frame (noise, damaged frames, unknown versions). */
    public long garbageBytes() {
        return garbageBytes;
    }

    /** Candidate frames (sync, version 1, length ≤ 1400) whose CRC-32 did not match. */
    public long crcErrors() {
        return crcErrors;
    }

    /** Headers claiming a payload longer than 1400 bytes. */
    public long oversizeFrames() {
        return oversizeFrames;
    }

    /** Candidate frames cut off by the end of the stream (disconnect) or of a datagram. */
    public long truncatedFrames() {
        return truncatedFrames;
    }

    /** Times the sequence jumped forward (frames went missing). */
    public long sequenceGaps() {
        return sequenceGaps;
    }

    /** Sequence numbers skipped by those jumps: frames sent but never received intact. */
    public long missingFrames() {
        return missingFrames;
    }

    /** Intact frames whose sequence was behind the expected one (reordered or duplicated). */
    public long lateFrames() {
        return lateFrames;
    }

    /** The counters in one line, e.g. for a status line or a failure message. */
    @Override
    public String toString() {
        return "frames " + frames + ", crc errors " + crcErrors + ", oversize " + oversizeFrames + ", truncated "
                + truncatedFrames + ", sequence gaps " + sequenceGaps + " (" + missingFrames + " frames missing), late "
                + lateFrames + ", garbage bytes " + garbageBytes;
    }
}
