package org.pulsedl.quantizer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
    @TempDir Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesAFileWholeAndLeavesNoPartial() throws IOException {
        Path f = dir.resolve("a.csv");
        AtomicOutput.writeString(f, "old\n");
        AtomicOutput.writeString(f, "new\n");
        assertEquals("new\n", Files.readString(f));
        assertEquals(List.of("a.csv"), names());
    }

    @Test
    void aFailedBodyKeepsThePreviousFileByteForByte() throws IOException {
        Path f = dir.resolve("a.csv");
        AtomicOutput.writeString(f, "previous\n");
        IOException e = assertThrows(IOException.class, () -> AtomicOutput.write(f, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full (simulated)");
        }));
        assertEquals("disk full (simulated)", e.getMessage());
        assertEquals("previous\n", Files.readString(f));
        assertEquals(List.of("a.csv"), names());
    }

    @Test
    void aFolderIsNotReplacedByAFile() throws IOException {
        Path f = Files.createDirectory(dir.resolve("out.h5"));
        assertThrows(FileAlreadyExistsException.class, () -> AtomicOutput.writeString(f, "x"));
        assertTrue(Files.isDirectory(f));
        assertEquals(List.of("out.h5"), names());
    }

    @Test
    void aFolderIsReplacedWholeSoNoStalePartSurvives() throws IOException {
        Path model = dir.resolve("model");
        AtomicOutput.writeDirectory(model, p -> {
            Files.writeString(p.resolve("model.qmodel"), "v1");
            Files.createDirectories(p.resolve("saved_model/variables"));
            Files.writeString(p.resolve("saved_model/saved_model.pb"), "v1");
        });
        AtomicOutput.writeDirectory(model, p -> Files.writeString(p.resolve("model.qmodel"), "v2"));
        try (Stream<Path> s = Files.list(model)) {
            assertEquals(List.of("model.qmodel"), s.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals("v2", Files.readString(model.resolve("model.qmodel")));
        assertEquals(List.of("model"), names());
    }

    @Test
    void aFailedFolderBodyKeepsThePreviousFolder() throws IOException {
        Path model = dir.resolve("model");
        AtomicOutput.writeDirectory(model, p -> Files.writeString(p.resolve("model.qmodel"), "v1"));
        assertThrows(IllegalStateException.class, () -> AtomicOutput.writeDirectory(model, p -> {
            Files.writeString(p.resolve("model.qmodel"), "half");
            throw new IllegalStateException("training diverged (simulated)");
        }));
        assertEquals("v1", Files.readString(model.resolve("model.qmodel")));
        assertEquals(List.of("model"), names());
    }

    @Test
    void partialsOfAKilledWriterAreSweptByTheNextWrite() throws IOException {
        Path f = dir.resolve("a.csv");
        long deadPid = ProcessHandle.current().pid() + 4_000_000;   // above Linux's pid_max: never running
        Path stale = Files.writeString(dir.resolve(".a.csv.partial-" + deadPid + "-1"), "half");
        Path unrelated = Files.writeString(dir.resolve(".a.csv.notes"), "keep");
        AtomicOutput.writeString(f, "new");
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(unrelated));
        assertTrue(AtomicOutput.isPartialName(stale.getFileName().toString()));
    }
}
