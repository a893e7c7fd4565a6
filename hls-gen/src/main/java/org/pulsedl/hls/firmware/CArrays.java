package org.pulsedl.hls.firmware;

/** Small helpers for writing C: hex words, string literals. */
final class CArrays {
    private CArrays() {}

    /** {@code 0x0000abcdu}: an unsigned 32-bit literal, eight hex digits. */
    static String word(int w) {
        return String.format("0x%08xu", w);
    }

    /** Words {@code [from, to)} of {@code words} on one indented line, each followed by a comma. */
    static String row(int[] words, int from, int to) {
        StringBuilder b = new StringBuilder("    ");
        for (int i = from; i < to; i++) {
            b.append(word(words[i])).append(i + 1 < to ? ", " : ",");
        }
        return b.append('\n').toString();
    }

    /** A C string literal of {@code s}: printable ASCII kept, quotes and backslashes escaped, anything else as \ooo. */
    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (byte c : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int u = c & 0xFF;
            if (u == '"' || u == '\\') {
                b.append('\\').append((char) u);
            } else if (u >= 0x20 && u < 0x7F && u != '?') {
                b.append((char) u);
            } else {
                b.append(String.format("\\%03o", u));
            }
        }
        return b.append('"').toString();
    }

    /** {@code s} safe inside a C block comment (no comment terminator, printable ASCII). */
    static String comment(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return b.toString().replace("*/", "* /").replace("/*", "/ *");
    }
}
