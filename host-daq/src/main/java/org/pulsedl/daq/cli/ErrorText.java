package org.pulsedl.daq.cli;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.pulsedl.quantizer.cli.InputFiles;
import picocli.CommandLine;

/**
 * Turns a failure into text a user can act on: finds the cause that carries the meaning under the wrappers
 * that threads, reflection and I/O put around it, and removes Java class names from its message.
 */
final class ErrorText {
    /** Longest message printed; a message quoting a whole input file must not flood the terminal. */
    static final int MAX_LENGTH = 600;

    /** A qualified class name such as {@code java.lang.String} or {@code io.jhdf.exceptions.HdfException}. */
    private static final Pattern QUALIFIED = Pattern.compile(
            "\\b(?:java|javax|jdk|sun|com|org|io|picocli)\\.(?:[a-z_][a-z0-9_]*\\.)*([A-Z][\\w$]*)");
    /** A class name ending in Exception or Error, with the ": " that follows it in {@code Throwable.toString()}. */
    private static final Pattern THROWABLE_NAME = Pattern.compile("\\b[A-Z]\\w*(?:Exception|Error)\\b(?::\\s*)?");

    private ErrorText() {}

    /**
     * The cause that carries the meaning: unwraps picocli's and the JDK's wrappers, a parallel stream's copy of a
     * worker's exception (its message is the original's {@code toString()}), and any wrapper without its own message.
     */
    static Throwable rootOf(Throwable t) {
        for (int depth = 0; depth < 20 && t.getCause() != null && t.getCause() != t; depth++) {
            Throwable c = t.getCause();
            boolean wrapper = t instanceof CommandLine.ExecutionException || t instanceof UncheckedIOException
                    || t instanceof ExecutionException || t instanceof CompletionException
                    || t instanceof InvocationTargetException || t instanceof UndeclaredThrowableException
                    || t instanceof ExceptionInInitializerError;
            String m = t.getMessage();
            if (!wrapper && m != null && !m.isBlank() && !m.equals(c.toString())) return t;
            t = c;
        }
        return t;
    }

    /** The message of a user error in the user's terms, on one line; never empty. */
    static String userMessage(Throwable t) {
        String m = t.getMessage() == null ? "" : t.getMessage();
        String text;
        if (t instanceof InputFiles.Refused r) {
            text = r.file() + ": " + userMessage(rootOf(r.getCause()));
        } else if (t instanceof NoSuchFileException e) {
            text = (isFolder(e.getFile()) ? "a folder, not a file: " : "no such file or folder: ")
                    + e.getFile() + reasonOf(e);
        } else if (t instanceof AccessDeniedException e) {
            text = "permission denied: " + e.getFile() + reasonOf(e);
        } else if (t instanceof FileAlreadyExistsException e) {
            text = "already exists: " + e.getFile() + reasonOf(e);
        } else if (t instanceof DirectoryNotEmptyException e) {
            text = "folder is not empty: " + e.getFile();
        } else if (t instanceof NotDirectoryException e) {
            text = "not a folder: " + e.getFile();
        } else if (t instanceof FileSystemException e && e.getFile() != null) {
            text = e.getFile() + (e.getOtherFile() != null ? " -> " + e.getOtherFile() : "") + ": "
                    + (e.getReason() != null ? e.getReason() : "cannot be read or written");
        } else if (t instanceof FileNotFoundException) {
            text = "cannot open " + m; // "FILE (No such file or directory)", "FILE (Is a directory)"
        } else if (t instanceof CharacterCodingException) {
            text = "not UTF-8 text (binary data, or another encoding)"; // the decoder's "Input length = 1" says nothing
        } else if (t instanceof EOFException) {
            text = "ends early (truncated file?)" + (clean(m).isEmpty() ? "" : ": " + clean(m));
        } else if (t instanceof NumberFormatException) {
            text = clean(m).replaceFirst("^For input string: (.*)$", "not a number: $1");
        } else {
            text = clean(m);
        }
        return oneLine(text.isEmpty() ? describe(t) + " (no details given" + where(t) + ")" : text);
    }

    /** A message without Java class names: qualified names become simple ones, exception-type prefixes go. */
    static String clean(String message) {
        if (message == null) return "";
        String s = QUALIFIED.matcher(message).replaceAll("$1");
        s = THROWABLE_NAME.matcher(s).replaceAll("");
        return s.strip();
    }

    /** One line, at most {@link #MAX_LENGTH} characters. */
    static String oneLine(String s) {
        String line = s.replaceAll("\\s*[\\r\\n]+\\s*", "; ").strip();
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH) + " …";
    }

    /** What a failure without a message was, in words. */
    static String describe(Throwable t) {
        if (t instanceof NullPointerException) return "a value was missing";
        if (t instanceof ArrayIndexOutOfBoundsException || t instanceof IndexOutOfBoundsException) return "an index was out of range";
        if (t instanceof ArithmeticException) return "an arithmetic error";
        if (t instanceof ClassCastException) return "a value of the wrong kind";
        if (t instanceof NumberFormatException) return "not a number";
        if (t instanceof IllegalArgumentException) return "invalid input";
        if (t instanceof java.io.IOException) return "input/output error";
        String name = t.getClass().getSimpleName().replaceAll("(Exception|Error)$", "");
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code " at File.java:42"} for the frame that threw, or nothing. */
    static String where(Throwable t) {
        StackTraceElement[] s = t.getStackTrace();
        return s.length == 0 || s[0].getFileName() == null ? "" : " at " + s[0].getFileName() + ":" + s[0].getLineNumber();
    }

    private static boolean isFolder(String file) {
        try {
            return file != null && Files.isDirectory(Path.of(file));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String reasonOf(FileSystemException e) {
        return e.getReason() == null ? "" : " (" + e.getReason() + ")";
    }
}
