package org.pulsedl.hls.verilog;

import java.util.regex.Pattern;

/**
 * Checks for the Verilog code fragments specs accept as text (expressions, assignment targets, case
 * labels). A fragment must be one line, free of tabs, comments and semicolons, with balanced brackets: the
 * writer owns layout and statement ends, the fragment only says what is computed.
 */
public final class Expr {
    private static final Pattern LVALUE_HEAD = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private Expr() {
    }

    /** Checks {@code text} as an expression used by {@code where}; returns it unchanged. */
    public static String check(String where, String text) {
        if (text == null || text.isBlank()) {
            throw new VerilogSpecException(where + ": expression is empty");
        }
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\t') >= 0) {
            throw new VerilogSpecException(where + ": expression '" + text.strip() + "' must be one line without tabs");
        }
        if (text.indexOf(';') >= 0) {
            throw new VerilogSpecException(where + ": expression '" + text + "' must not contain ';'");
        }
        if (text.contains("//") || text.contains("/*")) {
            throw new VerilogSpecException(where + ": expression '" + text + "' must not contain a comment");
        }
        checkBalanced(where, text);
        return text;
    }

    /** Checks an assignment target: an identifier, optionally followed by selects ({@code x_r[3:0]}). */
    public static String checkTarget(String where, String text) {
        check(where, text);
        if (text.startsWith("{")) {
            return text;
        }
        var m = LVALUE_HEAD.matcher(text);
        if (!m.lookingAt() || (m.end() < text.length() && text.charAt(m.end()) != '[')) {
            throw new VerilogSpecException(where + ": '" + text + "' is not an assignable name or select");
        }
        return text;
    }

    /** The identifier an assignment target starts with ({@code mem[addr]} gives {@code mem}), or "" for a concatenation. */
    public static String targetName(String target) {
        var m = LVALUE_HEAD.matcher(target);
        return m.lookingAt() ? m.group() : "";
    }

    private static void checkBalanced(String where, String text) {
        StringBuilder stack = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                inString = !inString;
            } else if (inString) {
                continue;
            } else if (c == '(' || c == '[' || c == '{') {
                stack.append(c);
            } else if (c == ')' || c == ']' || c == '}') {
                char open = c == ')' ? '(' : c == ']' ? '[' : '{';
                if (stack.length() == 0 || stack.charAt(stack.length() - 1) != open) {
                    throw new VerilogSpecException(where + ": expression '" + text + "' has unbalanced '" + c + "'");
                }
                stack.setLength(stack.length() - 1);
            }
        }
        if (inString) {
            throw new VerilogSpecException(where + ": expression '" + text + "' has an unterminated string");
        }
        if (stack.length() > 0) {
            throw new VerilogSpecException(where + ": expression '" + text + "' has unbalanced '"
                    + stack.charAt(stack.length() - 1) + "'");
        }
    }
}
