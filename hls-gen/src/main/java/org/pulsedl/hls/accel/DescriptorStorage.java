package org.pulsedl.hls.accel;

/**
 * Which bits of the 8 descriptor-memory words (docs §4.1–4.2; line 0 the header, lines 1.. the layers) the hardware
 * stores: only as many as the configuration's limits allow in each field, so a small build keeps few descriptor
 * flip-flops (on an iCE40 they are most of the controller). One definition for the RTL's write path and the
 * compiler's check that every program it emits fits.
 *
 * <p>Word k of every line is stored as {@code word & mask(k)}; with 8-bit activations words 6 and 7 (zero points and
 * clamp bounds, two signed 16-bit halves) keep 8 bits per half, sign-extended. Banks 0 (magic / opcode) and 3
 * (header zero point / kernel, stride, pad) are stored whole.
 */
public final class DescriptorStorage {
    private DescriptorStorage() {}

    /** Bits to hold {@code 0 .. n} (at least 1). */
    private static int bits(long n) {
        return Math.max(1, 64 - Long.numberOfLeadingZeros(n));
    }

    private static long low(int b) {
        return b >= 32 ? 0xFFFF_FFFFL : (1L << b) - 1;
    }

    /** Mask of the stored bits of word {@code k} (header and descriptor fields together). */
    public static long mask(AcceleratorConfig c, int k) {
        int len = Math.min(16, bits(Math.max(c.maxLength(), c.stagingDepth())));
        int ch = Math.min(16, bits(Math.max(Math.max(c.maxChannels(), c.maxFanIn()), c.stagingDepth())));
        return switch (k) {
            // h1: layers, input-stage flags, ADC bits; w1: in_len, in_ch (Dense: inputs)
            case 1 -> low(len) | 0x7FFL | (low(ch) << 16) | (0x1FL << 16);
            // h2: input length, channels; w2: out_len, out_ch
            case 2 -> low(len) | (low(ch) << 16);
            // h4: outputs and the wide/raw flags; w4: weight base
            case 4 -> low(Math.min(24, Math.max(bits(c.weightWords()), bits(c.maxOutputs())))) | (0x3L << 16);
            // w5: parameter base, groups (lane groups, or channels of a pool)
            case 5 -> low(Math.min(16, bits(c.paramEntries()))) | (low(Math.min(16, bits(c.maxChannels()))) << 16);
            default -> 0xFFFF_FFFFL;
        };
    }

    /** Words 6 and 7 hold two signed 8-bit values (sign-extended halves) when activations are 8 bits wide. */
    public static boolean narrowSignedHalves(AcceleratorConfig c, int k) {
        return (k == 6 || k == 7) && c.activationBits() == 8;
    }

    /**
     * Refuses a program whose descriptor words do not fit the storage (a compiler limit not enforced elsewhere would
     * otherwise be truncated silently by the hardware).
     */
    static void check(AcceleratorConfig c, int[] words) {
        for (int i = 0; i < words.length; i++) {
            int k = i % Descriptor.WORDS;
            long w = words[i] & 0xFFFF_FFFFL;
            boolean fits = narrowSignedHalves(c, k)
                    ? (short) w == (byte) w && (short) (w >>> 16) == (byte) (w >>> 16)
                    : (w & ~mask(c, k)) == 0;
            if (!fits) {
                throw new ProgramException(String.format("descriptor line %d word %d = 0x%08X does not fit the "
                        + "configuration's descriptor storage (%s)", i / Descriptor.WORDS, k, w,
                        narrowSignedHalves(c, k) ? "two signed 8-bit halves" : String.format("bits 0x%08X", mask(c, k))));
            }
        }
    }
}
