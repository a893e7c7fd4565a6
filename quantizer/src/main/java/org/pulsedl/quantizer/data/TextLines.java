package org.pulsedl.quantizer.data;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Line-by-line reading of a UTF-8 text file that keeps the 1-based line number for error messages, plus the
 * comma splitting shared by the CSV readers (no quoting: none of our CSV layouts need it).
 */
final class TextLines implements Closeable {
    private final Path file;
    private final BufferedReader reader;
    private long lineNumber;

    TextLines(Path file) throws IOException {
        requireFile(file);
        this.file = file;
        this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    /** The next line without its terminator (a leading byte-order mark removed), or {@code null} at the end. */
    String next() throws IOException {
        String line = reader.readLine();
        if (line == null) return null;
        lineNumber++;
        if (lineNumber == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
        return line;
    }

    /** The next line that is not blank, or {@code null} at the end. */
    String nextNonBlank() throws IOException {
        String line;
        do {
            line = next();
        } while (line != null && line.isBlank());
        return line;
    }

    /** The 1-based number of the line last returned. */
    long lineNumber() { return lineNumber; }

    Path file() { return file; }

    DatasetFormatException error(String detail) {
        return DatasetFormatException.atLine(file, lineNumber, detail);
    }

    DatasetFormatException error(String column, String detail) {
        return DatasetFormatException.atCell(file, lineNumber, column, detail);
    }

    @Override
    public void close() throws IOException { reader.close(); }

    /** Splits on every comma, keeping empty cells. */
    static String[] split(String line) {
        return line.split(",", -1);
    }

    /** A missing input file as {@link NoSuchFileException}, whose message is the path. */
    static void requireFile(Path file) throws NoSuchFileException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString());
    }
}
