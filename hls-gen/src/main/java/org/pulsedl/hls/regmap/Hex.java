package org.pulsedl.hls.regmap;

/** Hex formatting shared by the emitters, so every output spells numbers the same way. */
final class Hex {
    private Hex() {
    }

    /** {@code 0x1f}; negative values keep their sign ({@code -0x1}) so error messages stay truthful. */
    static String of(long v) {
        return v < 0 ? "-0x" + Long.toHexString(-v) : "0x" + Long.toHexString(v);
    }

    /** {@code 0x0000001f}: a 32-bit word. */
    static String word(long v) {
        return String.format("0x%08x", v);
    }

    /** {@code 0x1000_2000}: an address written for humans (Markdown). */
    static String address(long v) {
        String h = String.format("%08x", v);
        return "0x" + h.substring(0, 4) + "_" + h.substring(4);
    }

    /** A Verilog literal of {@code bits} bits: {@code 8'h1f}. */
    static String verilog(int bits, long v) {
        return bits + "'h" + Long.toHexString(v);
    }
}
