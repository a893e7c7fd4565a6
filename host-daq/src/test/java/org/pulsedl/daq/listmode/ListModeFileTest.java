package org.pulsedl.daq.listmode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list-mode file: round trip, and each kind of damage reported where it is with everything before it intact. */
class ListModeFileTest {
    @TempDir
    Path dir;

    /** 10 blocks of 100 records plus a last block of 37, closed normally. */
    private Path written() throws Exception {
        Path file = dir.resolve("run.pdl");
        try (ListModeWriter w = ListModeWriter.create(file, Records.header(), 100, Long.MAX_VALUE)) {
            for (long j = 0; j < 1037; j += 61) w.add(Records.batch(j, (int) Math.min(61, 1037 - j)));
        }
        return file;
    }

    private static ListModeReader.Report read(Path file, long[] records) throws Exception {
        try (ListModeReader r = ListModeReader.open(file)) {
            assertEquals("pdl2", r.header().model().name());
            assertEquals(8.0, r.header().tickNs());
            return r.read(b -> {
                assertNull(Records.mismatch(b, records[0]));
                records[0] += b.size();
            });
        }
    }

    @Test
    void roundTrip() throws Exception {
        long[] n = {0};
        ListModeReader.Report report = read(written(), n);
        assertTrue(report.intact(), report.toString());
        assertEquals(11, report.blocks());
        assertEquals(1037, report.records());
        assertEquals(1037, n[0]);
    }

    @Test
    void aCutOffBlockIsReportedAndEverythingBeforeItIsRead() throws Exception {
        Path file = written();
        long size = Files.size(file);
        int block = 16 + 100 * 20 + 4;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size - 24 /* end block */ - (16 + 37 * 20 + 4) /* last block */ - block / 2);  // half of block 9
        }
        long[] n = {0};
        ListModeReader.Report report = read(file, n);
        assertEquals(9, report.blocks());
        assertEquals(900, n[0]);
        assertTrue(report.damage().startsWith("block 9 at byte ") && report.damage().contains("is cut off")
                && report.damage().contains("the 9 blocks before it are intact"), report.damage());
    }

    @Test
    void aCorruptBlockFailsItsCrcAndStopsTheReading() throws Exception {
        Path file = written();
        long headerEnd = Files.size(file) - 24 - (16 + 37 * 20 + 4) - 10L * (16 + 100 * 20 + 4);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long at = headerEnd + 3L * (16 + 100 * 20 + 4) + 16 + 55;   // a byte inside block 3's records
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x10);
        }
        long[] n = {0};
        ListModeReader.Report report = read(file, n);
        assertEquals(3, report.blocks());
        assertEquals(300, n[0]);
        assertTrue(report.damage().contains("block 3") && report.damage().contains("fails its CRC check"), report.damage());
    }

    @Test
    void aDamagedHeaderIsRefusedInOneLine() throws Exception {
        Path file = written();
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(40);
            int b = f.read();
            f.seek(40);
            f.write(b ^ 1);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ListModeReader.open(file));
        assertEquals("list-mode file '" + file + "': the header fails its CRC check (the file is damaged)", e.getMessage());
        Path other = Files.writeString(dir.resolve("notes.txt"), "hello");
        e = assertThrows(IllegalArgumentException.class, () -> ListModeReader.open(other));
        assertEquals("'" + other + "' is not a pulsedl list-mode file (it does not start with PDL-LIST)", e.getMessage());
    }
}
