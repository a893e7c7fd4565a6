package org.pulsedl.hls.accel;

/**
 * One layer of the layer program: eight 32-bit words the CPU writes into the descriptor memory
 * (docs/accelerator.md §4.2). Dense is executed as a Conv1D with {@code inLen = 1, K = 1, S = 1, C_in = inputs};
 * Flatten and Reshape are not executed at all (activations are stored row-major {@code [length][channels]}, so a
 * flattened index is already the buffer address).
 *
 * <pre>
 * w0  [3:0] opcode  [5:4] src  [7:6] dst  [8] in16  [9] out16  [11:10] rq_mode  [12] last
 * w1  [15:0] in_len     [31:16] in_ch
 * w2  [15:0] out_len    [31:16] out_ch
 * w3  [7:0] kernel  [15:8] stride  [23:16] pad_left
 * w4  [23:0] weight_base (weight-memory words)
 * w5  [15:0] param_base (parameter-table entries)  [31:16] groups
 * w6  [15:0] z_in (signed)     [31:16] z_out (signed)
 * w7  [15:0] act_min (signed)  [31:16] act_max (signed)
 * </pre>
 */
public record Descriptor(int opcode, int src, int dst, boolean in16, boolean out16, int rqMode, boolean last,
                         int inLen, int inCh, int outLen, int outCh, int kernel, int stride, int padLeft,
                         int weightBase, int paramBase, int groups, int zIn, int zOut, int actMin, int actMax) {

    public static final int WORDS = 8;

    public static final int OP_CONV1D = 1;
    public static final int OP_DENSE = 2;
    public static final int OP_MAXPOOL = 3;
    public static final int OP_AVGPOOL = 4;

    /** Source / destination of a layer. */
    public static final int BUF_STAGING = 0;
    public static final int BUF_REGION0 = 1;
    public static final int BUF_REGION1 = 2;
    public static final int BUF_RESULT = 3;

    /** Requantisation variant (docs §3.5). */
    public static final int RQ_DOUBLE = 0;
    public static final int RQ_SINGLE = 1;
    public static final int RQ_INT64 = 2;
    public static final int RQ_RAW = 3;

    public boolean isMac() { return opcode == OP_CONV1D || opcode == OP_DENSE; }

    public boolean isPool() { return opcode == OP_MAXPOOL || opcode == OP_AVGPOOL; }

    /** Issue cycles of one group: the fan-in {@code K·C_in} for MAC layers, the pool window for pools. */
    public int fanIn() { return isMac() ? kernel * inCh : kernel; }

    public int[] encode() {
        int[] w = new int[WORDS];
        w[0] = (opcode & 0xF) | (src & 3) << 4 | (dst & 3) << 6 | (in16 ? 1 << 8 : 0) | (out16 ? 1 << 9 : 0)
                | (rqMode & 3) << 10 | (last ? 1 << 12 : 0);
        w[1] = (inLen & 0xFFFF) | inCh << 16;
        w[2] = (outLen & 0xFFFF) | outCh << 16;
        w[3] = (kernel & 0xFF) | (stride & 0xFF) << 8 | (padLeft & 0xFF) << 16;
        w[4] = weightBase & 0xFFFFFF;
        w[5] = (paramBase & 0xFFFF) | groups << 16;
        w[6] = (zIn & 0xFFFF) | zOut << 16;
        w[7] = (actMin & 0xFFFF) | actMax << 16;
        return w;
    }

    /** Decodes the eight words at {@code offset}. */
    public static Descriptor decode(int[] words, int offset) {
        int w0 = words[offset];
        int w1 = words[offset + 1];
        int w2 = words[offset + 2];
        int w3 = words[offset + 3];
        int w5 = words[offset + 5];
        int w6 = words[offset + 6];
        int w7 = words[offset + 7];
        return new Descriptor(w0 & 0xF, w0 >>> 4 & 3, w0 >>> 6 & 3, (w0 >>> 8 & 1) != 0, (w0 >>> 9 & 1) != 0,
                w0 >>> 10 & 3, (w0 >>> 12 & 1) != 0, w1 & 0xFFFF, w1 >>> 16, w2 & 0xFFFF, w2 >>> 16, w3 & 0xFF,
                w3 >>> 8 & 0xFF, w3 >>> 16 & 0xFF, words[offset + 4] & 0xFFFFFF, w5 & 0xFFFF, w5 >>> 16,
                (short) w6, w6 >> 16, (short) w7, w7 >> 16);
    }
}
