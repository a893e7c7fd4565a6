package org.pulsedl.hls.accel;

/**
 * Two int8 MACs on one DSP48E1 multiplier (docs/accelerator.md §2.2). Both AUs of a lane pair share the broadcast
 * activation {@code a}, so the pre-packed weight operand {@code A = w_hi · 2^17 + w_lo} (25-bit port) times
 * {@code a} (18-bit port) gives {@code P = w_hi·a·2^17 + w_lo·a}. Because {@code |w_lo·a| ≤ 127·128 < 2^16}, the
 * low product is the sign-extended low 17 bits of P and the high product is {@code (P >> 17) + P[16]} — the +1
 * undoes the borrow a negative low product takes from the high field. Exact for every
 * {@code w ∈ [−127, 127]}, {@code a ∈ [−128, 127]} (tested exhaustively).
 */
public final class PackedMac {
    /** Offset of the high weight in the packed operand. */
    public static final int SHIFT = 17;

    private PackedMac() {}

    /** The DSP product of the packed operand and the activation (at most 42 bits). */
    public static long product(int wLow, int wHigh, int a) {
        long packed = ((long) wHigh << SHIFT) + wLow;
        return packed * a;
    }

    /** {@code w_lo · a}: bits [16:0] of P, sign-extended. */
    public static int low(long p) {
        return (int) (p << (64 - SHIFT) >> (64 - SHIFT));
    }

    /** {@code w_hi · a}: {@code (P >>> 17 arithmetic) + P[16]}. */
    public static int high(long p) {
        return (int) ((p >> SHIFT) + ((p >> (SHIFT - 1)) & 1));
    }
}
