package org.pulsedl.protocol;

/**
 * The sequence rule of DESIGN §5 for one direction of one stream: each frame carries the previous one's sequence
 * + 1 (mod 2^32). A forward jump by n + 1 is a gap of n missing frames; a sequence behind the expected one (less
 * than 2^31 behind) is a late frame (reordered or duplicated) and does not move the expectation, so a swapped pair
 * costs one gap and one late frame, not two gaps.
 */
final class SequenceTracker {
    private static final long MASK = 0xffff_ffffL;
    private boolean started;
    private long expected;

    void accept(long sequence, LinkCounters c) {
        if (!started) {
            started = true;
            expected = (sequence + 1) & MASK;
            return;
        }
        long ahead = (sequence - expected) & MASK;
        if (ahead == 0) {
            expected = (sequence + 1) & MASK;
        } else if (ahead < 1L << 31) {
            c.sequenceGaps++;
            c.missingFrames += ahead;
            expected = (sequence + 1) & MASK;
        } else {
            c.lateFrames++;
        }
    }

    /** Forgets the expectation: the next frame starts a new stream (e.g. a new peer). */
    void reset() {
        started = false;
    }
}
