package org.pulsedl.hls.verilog;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place that decides layout: two-space indentation (never tabs), no trailing spaces, at most one
 * blank line in a row, aligned columns for port lists, connections and declaration runs, and the file frame
 * (banner, {@code `default_nettype none} ... {@code `default_nettype wire}). Specs emit into a writer; they
 * never build indentation themselves.
 */
public final class VerilogWriter {
    private static final String INDENT = "  ";
    private final StringBuilder out = new StringBuilder();
    private int level;
    private boolean lastBlank = true;

    /** Writes one line at the current indentation. */
    public VerilogWriter line(String text) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\t') >= 0) {
            throw new VerilogSpecException("writer: line '" + text.strip() + "' contains a newline or tab");
        }
        String body = stripTrailing(text);
        if (body.isEmpty()) {
            return blank();
        }
        out.append(INDENT.repeat(level)).append(body).append('\n');
        lastBlank = false;
        return this;
    }

    /** A blank line, unless the previous line is blank or this is the start of a block. */
    public VerilogWriter blank() {
        if (!lastBlank) {
            out.append('\n');
            lastBlank = true;
        }
        return this;
    }

    /** One {@code //} comment line per line of {@code text}. */
    public VerilogWriter comment(String text) {
        for (String l : text.split("\n", -1)) {
            line(l.isEmpty() ? "//" : "// " + l);
        }
        return this;
    }

    public VerilogWriter indent() {
        level++;
        return this;
    }

    public VerilogWriter outdent() {
        if (level == 0) {
            throw new IllegalStateException("writer: outdent below column 0");
        }
        level--;
        return this;
    }

    /**
     * Writes rows of cells with every column padded to its widest cell; a column empty in all rows is
     * dropped. {@code comments} (same size as rows, entries may be empty) are aligned after the last column.
     */
    public VerilogWriter aligned(List<List<String>> rows, List<String> comments) {
        for (String row : alignRows(rows, comments)) {
            line(row);
        }
        return this;
    }

    static List<String> alignRows(List<List<String>> rows, List<String> comments) {
        int cols = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[cols];
        for (List<String> r : rows) {
            for (int c = 0; c < r.size(); c++) {
                widths[c] = Math.max(widths[c], r.get(c).length());
            }
        }
        List<String> body = new ArrayList<>();
        for (List<String> r : rows) {
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                if (widths[c] == 0) {
                    continue;
                }
                if (b.length() > 0) {
                    b.append(' ');
                }
                String cell = c < r.size() ? r.get(c) : "";
                b.append(cell).append(" ".repeat(widths[c] - cell.length()));
            }
            body.add(b.toString());
        }
        boolean anyComment = comments.stream().anyMatch(s -> !s.isEmpty());
        int width = body.stream().mapToInt(s -> stripTrailing(s).length()).max().orElse(0);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            String c = comments.get(i);
            String b = anyComment && !c.isEmpty() ? pad(stripTrailing(body.get(i)), width) + "  // " + c : body.get(i);
            lines.add(stripTrailing(b));
        }
        return lines;
    }

    /** The text written so far. */
    @Override
    public String toString() {
        return out.toString();
    }

    /** A complete Verilog source file: banner, {@code `default_nettype none}, modules, {@code `default_nettype wire}. */
    public static String file(Banner banner, List<ModuleSpec> modules) {
        VerilogWriter w = new VerilogWriter();
        for (String l : banner.lines()) {
            w.line("// " + l);
        }
        w.blank();
        // Undeclared names become errors instead of implicit 1-bit wires; restored at the end so files
        // that follow in a compilation unit keep the default (DESIGN §4 dialect).
        w.line("`default_nettype none");
        for (ModuleSpec m : modules) {
            w.blank();
            m.emit(w);
        }
        w.blank();
        w.line("`default_nettype wire");
        return w.toString();
    }

    /** An include file ({@code .vh}): banner and declarations only, to be {@code `include}d inside a module. */
    public static String include(Banner banner, List<? extends ModuleItem> items) {
        VerilogWriter w = new VerilogWriter();
        for (String l : banner.lines()) {
            w.line("// " + l);
        }
        w.blank();
        ModuleSpec.emitItems(w, items);
        return w.toString();
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }
}
