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

    @Test
    void aBatchIsCommittedWholeOrNotAtAll() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        AtomicOutput.writeString(a, "a1");
        AtomicOutput.writeString(b, "b1");
        assertThrows(IllegalStateException.class, () -> {
            try (AtomicOutput.Batch batch = AtomicOutput.batch()) {
                batch.writeString(a, "a2");
                batch.write(b, out -> {
                    throw new IllegalStateException("second part failed (simulated)");
                });
                batch.commit();
            }
        });
        assertEquals("a1", Files.readString(a));
        assertEquals("b1", Files.readString(b));
        assertEquals(List.of("a.json", "b.json"), names());
    }

    @Test
    void aBatchRemovesTheStalePartsItIsToldOfAndNothingElse() throws IOException {
        Path model = dir.resolve("model.qmodel");
        Path saved = Files.createDirectories(dir.resolve("saved_model/variables"));
        Files.writeString(saved.resolve("v.index"), "old");
        Files.writeString(dir.resolve("notes.txt"), "mine");
        try (AtomicOutput.Batch batch = AtomicOutput.batch()) {
            batch.writeString(model, "new");
            batch.remove(dir.resolve("saved_model"));
            batch.remove(dir.resolve("qat-float-model.json"));     // absent: nothing to do
            batch.commit();
        }
        assertEquals(List.of("model.qmodel", "notes.txt"), names());
    }

    @Test
    void aFolderMovedAsideByAKilledSwapComesBack() throws IOException {
        Path model = dir.resolve("model");
        long deadPid = ProcessHandle.current().pid() + 4_000_000;
        Path previous = Files.createDirectory(dir.resolve(".model.previous-" + deadPid + "-7"));
        Files.writeString(previous.resolve("model.qmodel"), "v1");
        assertThrows(IOException.class, () -> AtomicOutput.writeDirectory(model, p -> {
            throw new IOException("export failed (simulated)");
        }));
        assertEquals("v1", Files.readString(model.resolve("model.qmodel")));
        assertEquals(List.of("model"), names());
    }

    @Test
    void missingFoldersAreCreatedAndLinksAreWrittenThrough() throws IOException {
        Path deep = dir.resolve("out/a/b/bench.json");
        AtomicOutput.writeString(deep, "x");
        assertEquals("x", Files.readString(deep));

        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
        AtomicOutput.writeString(link, "new");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
    }

    @Test
    void aStreamBodyMayCloseItsStream() throws IOException {
        Path f = dir.resolve("j.json");
        AtomicOutput.write(f, out -> {
            out.write("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.close();   // Jackson's writeValue closes the stream it is given
        });
        assertEquals("{}", Files.readString(f));
    }

    @Test
    void aFailureOnThePartialIsReportedWithTheTargetsName() throws IOException {
        Path f = dir.resolve("m.qmodel");
        IOException e = assertThrows(IOException.class, () -> AtomicOutput.writeFile(f, partial -> {
            throw new java.nio.file.AccessDeniedException(partial.toString());
        }));
        assertEquals(f.toAbsolutePath() + ": cannot write: permission denied", e.getMessage());
        assertEquals(List.of(), names());
    }
}
