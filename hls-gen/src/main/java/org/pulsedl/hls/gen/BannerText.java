package org.pulsedl.hls.gen;

import org.pulsedl.hls.verilog.Banner;

/**
 * The generated-file banner (STYLE item 6: command, tool version, input hash, no date) in the comment syntax of
 * each kind of file {@code pulsedl generate} writes.
 */
public final class BannerText {
    private BannerText() {}

    /** C block comment. */
    public static String c(Banner banner) {
        StringBuilder b = new StringBuilder("/*\n");
        for (String l : banner.lines()) {
            b.append(" * ").append(l).append('\n');
        }
        return b.append(" */\n").toString();
    }

    /**
     * Line comments with {@code prefix}: {@code "// "} for {@code $readmemh} files (Verilog comments are allowed
     * there), {@code "# "} for shell and properties.
     */
    public static String lines(Banner banner, String prefix) {
        StringBuilder b = new StringBuilder();
        for (String l : banner.lines()) {
            b.append(prefix).append(l).append('\n');
        }
        return b.toString();
    }

    /** HTML comment at the top of a Markdown file, followed by a blank line. */
    public static String markdown(Banner banner) {
        StringBuilder b = new StringBuilder("<!--\n");
        for (String l : banner.lines()) {
            b.append("  ").append(l).append('\n');
        }
        return b.append("-->\n\n").toString();
    }

    /**
     * A JSON member {@code "generated": {...}} (with trailing comma and newline) to put first in a JSON object that
     * is indented by two spaces, as the register-map JSON does.
     */
    public static String jsonMember(Banner banner) {
        return "  \"generated\": {\n"
                + "    \"note\": " + jsonString(banner.lines().get(0)) + ",\n"
                + "    \"command\": " + jsonString(banner.command()) + ",\n"
                + "    \"tool\": " + jsonString(banner.tool()) + ",\n"
                + "    \"input_hash\": " + jsonString(banner.inputHash()) + "\n"
                + "  },\n";
    }

    /** A JSON string literal (the banner is printable ASCII, so only quotes and backslashes need escaping). */
    static String jsonString(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
