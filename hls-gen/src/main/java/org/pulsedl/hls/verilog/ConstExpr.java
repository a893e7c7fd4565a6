package org.pulsedl.hls.verilog;

import java.util.Map;
import java.util.OptionalLong;

/**
 * Evaluates the small constant expressions that appear in widths and parameter values: decimal integers,
 * parameter names, {@code + - * / %}, parentheses and {@code $clog2(...)}. Anything else (sized literals,
 * unknown names, division by zero) makes the value unknown, never wrong: callers then skip the check.
 */
public final class ConstExpr {
    private final String text;
    private final Map<String, Long> env;
    private int pos;

    private ConstExpr(String text, Map<String, Long> env) {
        this.text = text;
        this.env = env;
    }

    /** The value of {@code text} with parameter values from {@code env}, or empty if it cannot be known. */
    public static OptionalLong eval(String text, Map<String, Long> env) {
        ConstExpr e = new ConstExpr(text, env);
        try {
            long v = e.sum();
            e.skipSpace();
            return e.pos == text.length() ? OptionalLong.of(v) : OptionalLong.empty();
        } catch (Unknown | ArithmeticException ex) {
            return OptionalLong.empty();
        }
    }

    private static final class Unknown extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unknown() {
            super(null, null, false, false);
        }
    }

    private long sum() {
        long v = product();
        while (true) {
            if (accept('+')) {
                v = Math.addExact(v, product());
            } else if (accept('-')) {
                v = Math.subtractExact(v, product());
            } else {
                return v;
            }
        }
    }

    private long product() {
        long v = unary();
        while (true) {
            if (accept('*')) {
                v = Math.multiplyExact(v, unary());
            } else if (accept('/')) {
                v = v / unary();
            } else if (accept('%')) {
                v = v % unary();
            } else {
                return v;
            }
        }
    }

    private long unary() {
        if (accept('-')) {
            return Math.negateExact(unary());
        }
        if (accept('(')) {
            long v = sum();
            expect(')');
            return v;
        }
        skipSpace();
        int start = pos;
        if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            if (pos < text.length() && text.charAt(pos) == '\'') {
                throw new Unknown();
            }
            return Long.parseLong(text.substring(start, pos).replace("_", ""));
        }
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                || text.charAt(pos) == '$')) {
            pos++;
        }
        String word = text.substring(start, pos);
        if (word.equals("$clog2")) {
            expect('(');
            long v = sum();
            expect(')');
            return clog2(v);
        }
        Long v = env.get(word);
        if (v == null) {
            throw new Unknown();
        }
        return v;
    }

    /** Verilog's {@code $clog2}: the number of bits to address {@code n} items ({@code $clog2(1) = 0}). */
    public static int clog2(long n) {
        if (n <= 1) {
            return 0;
        }
        return 64 - Long.numberOfLeadingZeros(n - 1);
    }

    private boolean accept(char c) {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw new Unknown();
        }
    }

    private void skipSpace() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }
}
