package org.pulsedl.quantizer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One negative test per output-path problem, with the exact message; the good cases create and leave nothing. */
class OutputPathsTest {
    @TempDir Path dir;

    private String refusalOfFile(Path p) {
        return assertThrows(IllegalArgumentException.class, () -> OutputPaths.file("--out", p)).getMessage();
    }

    private String refusalOfFolder(Path p) {
        return assertThrows(IllegalArgumentException.class, () -> OutputPaths.folder("--out", p)).getMessage();
    }

    @Test
    void anExistingFolderIsNotAFile() throws IOException {
        Path h5 = Files.createDirectory(dir.resolve("pdl2.h5"));
        assertEquals("--out " + h5 + ": is an existing folder; choose a file name", refusalOfFile(h5));
        assertTrue(Files.isDirectory(h5));
    }

    @Test
    void anExistingFileIsNotAFolder() throws IOException {
        Path f = Files.writeString(dir.resolve("models"), "x");
        assertEquals("--out " + f + ": is an existing file; choose a folder name", refusalOfFolder(f));
    }

    @Test
    void aFileCannotHoldFolders() throws IOException {
        Path f = Files.writeString(dir.resolve("notes.txt"), "x");
        assertEquals("--out " + f.resolve("out/bench.json") + ": " + f + " is a file, not a folder",
                refusalOfFile(f.resolve("out/bench.json")));
        assertEquals("--out " + f.resolve("gen") + ": " + f + " is a file, not a folder", refusalOfFolder(f.resolve("gen")));
    }

    @Test
    void missingFoldersAreFineAndNothingIsCreatedByTheCheck() throws IOException {
        OutputPaths.file("--json", dir.resolve("out/deeper/bench.json"));
        OutputPaths.folder("--out", dir.resolve("gen/split"));
        OutputPaths.file("--json", dir.resolve("bench.json"));
        OutputPaths.folder("--out", dir);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.toList(), "the check leaves no folder and no probe file behind");
        }
    }

    /** Works as root too: a kernel file system that refuses new files whatever the user. */
    @Test
    void aFolderThatTakesNoFilesIsRefusedAtOnce() {
        Path sys = Path.of("/sys");
        assumeTrue(Files.isDirectory(sys) && !Files.exists(sys.resolve("bench.json")), "needs Linux /sys");
        String m = refusalOfFile(sys.resolve("bench.json"));
        assertTrue(m.equals("--out /sys/bench.json: folder /sys/ is read-only (permission denied)")
                || m.equals("--out /sys/bench.json: folder /sys/ is on a read-only file system"), m);
        String below = refusalOfFile(sys.resolve("out/bench.json"));
        assertTrue(below.startsWith("--out /sys/out/bench.json: folder /sys/ is ")
                && below.endsWith(" (the missing folders below it cannot be created)"), below);
    }

    @Test
    void aFolderWithoutWritePermissionIsRefusedAtOnce() throws IOException {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(ro), "running as root, which ignores permission bits (the /sys test covers root)");
            assertEquals("--out " + ro.resolve("bench.json") + ": folder " + ro + "/ is read-only (permission denied)",
                    refusalOfFile(ro.resolve("bench.json")));
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertFalse(Files.exists(ro.resolve("bench.json")));
    }

    @Test
    void relativePathsAreShownAsGiven() throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        Path f = Files.createTempFile(cwd.resolve("target"), "plain", ".txt");
        try {
            Path rel = cwd.relativize(f).resolve("bench.json");
            assertEquals("--out " + rel + ": " + cwd.relativize(f) + " is a file, not a folder", refusalOfFile(rel));
        } finally {
            Files.delete(f);
        }
    }
}
