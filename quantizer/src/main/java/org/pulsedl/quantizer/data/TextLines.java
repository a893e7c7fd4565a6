package org.pulsedl.quantizer.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Line-by-line reading of a UTF-8 text file that keeps the 1-based line number for error messages, plus the
 * comma splitting shared by the CSV readers (no quoting: none of our CSV layouts need it).
 *
 * <p>Untrusted input is refused in the user's terms (issue 8): bytes that are not UTF-8 are reported with their
 * line and position instead of a decoder's "Input length = 1", and a line longer than {@link #MAX_LINE_BYTES}
 * (a binary file, or one without line breaks) is refused before it can fill the memory.
 */
final class TextLines implements Closeable {
    /** Longest line accepted: far above any dataset row (65,536 cells of a few digits) and bounded in memory. */
    static final int MAX_LINE_BYTES = 8 << 20;
    /** Longest excerpt of the file quoted in a message. */
    private static final int QUOTE_CHARS = 60;

    private final Path file;
    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkEnd;
    private byte[] line = new byte[256];
    private long lineNumber;
    private boolean lastTerminated = true;
    private long bytesRead;

    TextLines(Path file) throws IOException {
        requireFile(file);
        this.file = file;
        this.in = Files.newInputStream(file);
    }

    /** The next line without its terminator (a leading byte-order mark removed), or {@code null} at the end. */
    String next() throws IOException {
        int length = 0;
        boolean any = false;
        boolean terminated = false;
        while (!terminated) {
            if (chunkPos == chunkEnd) {
                chunkEnd = in.read(chunk);
                chunkPos = 0;
                if (chunkEnd <= 0) {
                    chunkEnd = 0;
                    break;
                }
            }
            any = true;
            int start = chunkPos;
            while (chunkPos < chunkEnd && chunk[chunkPos] != '\n') chunkPos++;
            int n = chunkPos - start;
            if (chunkPos < chunkEnd) {
                terminated = true;
                chunkPos++;
            }
            bytesRead += chunkPos - start;
            if ((long) length + n > MAX_LINE_BYTES) {
                throw DatasetFormatException.atLine(file, lineNumber + 1, "expected a text line of at most "
                        + (MAX_LINE_BYTES >> 20) + " MiB, found a longer one (is this a CSV text file?)");
            }
            if (length + n > line.length) line = Arrays.copyOf(line, Math.max(length + n, Math.min(2 * line.length, MAX_LINE_BYTES)));
            System.arraycopy(chunk, start, line, length, n);
            length += n;
        }
        if (!any) return null;
        lineNumber++;
        lastTerminated = terminated;
        if (length > 0 && line[length - 1] == '\r') length--;
        String text = decode(length);
        if (lineNumber == 1 && text.startsWith("\uFEFF")) text = text.substring(1);
        return text;
    }

    private String decode(int length) throws DatasetFormatException {
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        CharBuffer chars = CharBuffer.allocate(length);
        utf8.reset();
        CoderResult result = utf8.decode(bytes, chars, true);
        if (!result.isError()) result = utf8.flush(chars);
        if (result.isError()) {
            throw error("expected UTF-8 text, found the byte 0x" + String.format("%02X", line[bytes.position()] & 0xff)
                    + " at byte " + (bytes.position() + 1) + " of the line (is this a CSV text file?)");
        }
        return chars.flip().toString();
    }

    /** The next line that is not blank, or {@code null} at the end. */
    String nextNonBlank() throws IOException {
        String text;
        do {
            text = next();
        } while (text != null && text.isBlank());
        return text;
    }

    /** The 1-based number of the line last returned. */
    long lineNumber() { return lineNumber; }

    /** Whether the line last returned ended with a line break (false for a last line cut short). */
    boolean lastLineTerminated() { return lastTerminated; }

    /** Bytes consumed so far, line breaks included. */
    long bytesRead() { return bytesRead; }

    Path file() { return file; }

    DatasetFormatException error(String detail) {
        return DatasetFormatException.atLine(file, lineNumber, detail);
    }

    DatasetFormatException error(String column, String detail) {
        return DatasetFormatException.atCell(file, lineNumber, quote(column), detail);
    }

    @Override
    public void close() throws IOException { in.close(); }

    /** Most cells a line may have: far above any real layout (a few channels, a few thousand samples). */
    static final int MAX_COLUMNS = 1 << 16;

    /** Splits the current line on every comma, keeping empty cells; refuses more than {@link #MAX_COLUMNS}. */
    String[] cells(String text) throws DatasetFormatException {
        String[] cells = text.split(",", -1);
        if (cells.length > MAX_COLUMNS) throw error("expected at most " + MAX_COLUMNS + " columns, found " + cells.length);
        return cells;
    }

    /**
     * Text from the file made fit for a one-line message: control characters shown as {@code \xNN}, and cut to
     * {@value #QUOTE_CHARS} characters with an ellipsis.
     */
    static String quote(String text) {
        return quote(text, QUOTE_CHARS);
    }

    /** As {@link #quote(String)}, cut to {@code max} characters (for lists the user must see whole). */
    static String quote(String text, int max) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (; i < text.length() && i < max; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) sb.append(String.format("\\x%02X", (int) c));
            else sb.append(c);
        }
        if (i < text.length()) sb.append('…');
        return sb.toString();
    }

    /** A missing input file as {@link NoSuchFileException}, whose message is the path. */
    static void requireFile(Path file) throws NoSuchFileException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString());
    }
}
