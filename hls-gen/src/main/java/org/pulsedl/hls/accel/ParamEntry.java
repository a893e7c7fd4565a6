package org.pulsedl.hls.accel;

/**
 * One entry of the parameter table (docs/accelerator.md §4.3): what the requantiser needs for one output channel,
 * or the input stage for one input channel. Four 32-bit words:
 *
 * <pre>
 * p0  bias[31:0]    p1  bias[63:32]     folded bias, two's complement, already reduced mod 2^acc_bits
 * p2  m             multiplier, unsigned (DOUBLE/SINGLE: m0 · 2^(m_bits_hw − m_bits_model); INT64: 15-bit m0')
 * p3  [5:0] shr  [12:8] shl            DOUBLE: right, left; SINGLE/INT64: k (total right shift)
 * </pre>
 */
public record ParamEntry(long bias, int m, int shr, int shl) {

    public static final int WORDS = 4;

    public int[] encode() {
        return new int[] {(int) bias, (int) (bias >>> 32), m, (shr & 0x3F) | (shl & 0x1F) << 8};
    }

    public static ParamEntry decode(int[] words, int entry) {
        int o = entry * WORDS;
        long bias = (words[o] & 0xFFFFFFFFL) | (long) words[o + 1] << 32;
        return new ParamEntry(bias, words[o + 2], words[o + 3] & 0x3F, words[o + 3] >>> 8 & 0x1F);
    }
}
