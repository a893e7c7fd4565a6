package org.pulsedl.daq.sim;

import java.nio.file.Path;

/** Shared parsing helpers for the small numeric text files the simulator reads (templates, spectra). */
final class TextFileErrors {
    private TextFileErrors() {}

    /** The project's one error form for a bad line: {@code file:line: expected X, found Y}. */
    static IllegalArgumentException malformed(Path file, int line, String expected, String found) {
        return new IllegalArgumentException(file + ":" + line + ": expected " + expected + ", found " + found);
    }

    static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
