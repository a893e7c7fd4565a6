package org.pulsedl.hls.accel;

/**
 * The eight words in front of the descriptors (docs/accelerator.md §4.1).
 *
 * <pre>
 * h0  magic 0x50444C01 ("PDL", version 1)
 * h1  [7:0] layers  [8] input_stage  [9] in16  [10] input_single (input stage rounds SINGLE, else DOUBLE)
 *     [20:16] adc_bits
 * h2  [15:0] in_len     [31:16] in_ch
 * h3  [15:0] z_input (signed)  [31:16] input_param_base
 * h4  [15:0] outputs per window  [16] wide (each output is two words, int64)  [17] raw
 * h5..h7  0
 * </pre>
 */
public record ProgramHeader(int layers, boolean inputStage, boolean in16, boolean inputSingle, int adcBits, int inLen,
                            int inCh, int zInput, int inputParamBase, int outputs, boolean wideOutputs,
                            boolean rawOutputs) {

    public static final int MAGIC = 0x50444C01;
    public static final int WORDS = 8;

    /** Input values per window, {@code in_len · in_ch}. */
    public int inputSize() { return inLen * inCh; }

    /** Result-FIFO words per window ({@link ResultHeader}): header and timestamp words, then the outputs. */
    public int resultWordsPerWindow() { return ResultHeader.wordsPerWindow(outputs, wideOutputs); }

    public int[] encode() {
        int[] w = new int[WORDS];
        w[0] = MAGIC;
        w[1] = (layers & 0xFF) | (inputStage ? 1 << 8 : 0) | (in16 ? 1 << 9 : 0) | (inputSingle ? 1 << 10 : 0)
                | (adcBits & 0x1F) << 16;
        w[2] = (inLen & 0xFFFF) | inCh << 16;
        w[3] = (zInput & 0xFFFF) | inputParamBase << 16;
        w[4] = (outputs & 0xFFFF) | (wideOutputs ? 1 << 16 : 0) | (rawOutputs ? 1 << 17 : 0);
        return w;
    }

    /** Decodes and checks the magic word. */
    public static ProgramHeader decode(int[] words) {
        if (words.length < WORDS || words[0] != MAGIC) {
            throw new IllegalArgumentException(String.format("program header: magic 0x%08X, expected 0x%08X",
                    words.length == 0 ? 0 : words[0], MAGIC));
        }
        int w1 = words[1];
        return new ProgramHeader(w1 & 0xFF, (w1 >>> 8 & 1) != 0, (w1 >>> 9 & 1) != 0, (w1 >>> 10 & 1) != 0,
                w1 >>> 16 & 0x1F, words[2] & 0xFFFF, words[2] >>> 16, (short) words[3], words[3] >>> 16,
                words[4] & 0xFFFF, (words[4] >>> 16 & 1) != 0, (words[4] >>> 17 & 1) != 0);
    }
}
