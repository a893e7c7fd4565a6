package org.pulsedl.quantizer.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The check every command runs on its output paths before the work starts, so that a path that cannot be
 * written fails at once with one line saying why — not after a long run (issue 8: {@code bench --json} failed
 * only at the end; {@code simulate --out dir.h5} replaced an empty folder; read-only folders printed the bare
 * path). Missing folders are not created here: the write creates them; here the nearest existing folder above
 * must take new files, which is proven by creating and deleting a hidden file in it.
 *
 * <p>Failures are {@link IllegalArgumentException}s worded {@code "<option> <path>: <what is wrong>"}.
 */
public final class OutputPaths {
    private OutputPaths() {}

    /** {@code file} (given by {@code option}) will be written as a file. */
    public static void file(String option, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) throw refuse(option, file, "is an existing folder; choose a file name");
        if (absolute.getParent() == null) throw refuse(option, file, "is not a file name");
        writableFolderAbove(option, file, absolute.getParent());
    }

    /** {@code folder} (given by {@code option}) will be created if needed and files written into it. */
    public static void folder(String option, Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw refuse(option, folder, "is an existing file; choose a folder name");
        }
        writableFolderAbove(option, folder, absolute);
    }

    /** The nearest existing folder at or above {@code start} must be a folder that takes new files. */
    private static void writableFolderAbove(String option, Path given, Path start) {
        Path existing = start;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) throw refuse(option, given, "no folder of it exists");
        if (!Files.isDirectory(existing)) {
            throw refuse(option, given, shown(existing) + " is a file, not a folder");
        }
        try {
            AtomicOutput.probe(existing);
        } catch (IOException e) {
            String why = AtomicOutput.reason(e);
            String folder = "folder " + shown(existing) + "/";
            throw refuse(option, given, switch (why) {
                case "permission denied" -> folder + " is read-only (permission denied)";
                case "read-only file system" -> folder + " is on a read-only file system";
                case "no such file or folder" -> folder + " takes no new files";   // e.g. /proc
                default -> "cannot write in " + folder + ": " + why;
            } + (existing.equals(start) ? "" : " (the missing folders below it cannot be created)"));
        }
    }

    /** A path as the user would write it: relative to the working folder when it lies below it. */
    private static String shown(Path absolute) {
        Path cwd = Path.of("").toAbsolutePath();
        if (absolute.equals(cwd)) return ".";
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
    }

    private static IllegalArgumentException refuse(String option, Path given, String what) {
        return new IllegalArgumentException(option + " " + given + ": " + what);
    }
}
