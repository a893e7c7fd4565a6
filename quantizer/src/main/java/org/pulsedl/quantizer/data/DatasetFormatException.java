package org.pulsedl.quantizer.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A dataset or capture file that does not follow its documented layout ({@code docs/datasets.md}).
 *
 * <p>The message is meant for the user as is, in the compiler style {@code file:line: column 'name': expected
 * X, found 'Y'}; the line is 1-based and omitted for formats without lines (HDF5), the column is omitted
 * when the problem concerns a whole line.
 */
public final class DatasetFormatException extends IOException {
    private final String file;
    private final long line;
    private final String column;
    private final String detail;

    private DatasetFormatException(String file, long line, String column, String detail) {
        super(format(file, line, column, detail));
        this.file = file;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    /** A problem with the file as a whole (or with a non-line-based file such as HDF5). */
    public static DatasetFormatException inFile(Path file, String detail) {
        return new DatasetFormatException(file.toString(), 0, null, detail);
    }

    /** A problem with a whole line ({@code line} is 1-based). */
    public static DatasetFormatException atLine(Path file, long line, String detail) {
        return new DatasetFormatException(file.toString(), line, null, detail);
    }

    /** A problem with one cell: the column is named by its header text. */
    public static DatasetFormatException atCell(Path file, long line, String column, String detail) {
        return new DatasetFormatException(file.toString(), line, column, detail);
    }

    /** The file as the user named it. */
    public String file() { return file; }
    /** The 1-based line, or 0 when the problem is not tied to a line. */
    public long line() { return line; }
    /** The column name, or {@code null}. */
    public String column() { return column; }
    /** The message without the location prefix. */
    public String detail() { return detail; }

    private static String format(String file, long line, String column, String detail) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) sb.append(':').append(line);
        sb.append(": ");
        if (column != null) sb.append("column '").append(column).append("': ");
        return sb.append(detail).toString();
    }
}
