package org.pulsedl.quantizer.data;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The checksum framing of our own files (issue 8: a truncated HDF5 file was read as valid) and the messages a
 * damaged or foreign file gets, one test per case, asserting the whole message.
 */
class DatasetIntegrityTest {
    @TempDir
    Path dir;

    private static final Dataset TINY = new Dataset(new short[][][] {{{1, -2}}}, List.of("t"), new double[][] {{0.5}}, Map.of("k", "v"));

    private String error(Path file) {
        return assertThrows(DatasetFormatException.class, () -> DatasetIo.read(file)).getMessage();
    }

    @Test
    void checksumIsTheDocumentedCrc32() {
        // Computed independently with Python's zlib.crc32 over the byte layout in docs/datasets.md.
        assertEquals("8167bb82", DatasetChecksum.of(TINY));
    }

    @Test
    void csvCutAtARowBoundaryIsTruncated() throws IOException {
        Path file = dir.resolve("cut.csv");
        DatasetIo.write(DatasetRoundTripTest.sample(10, 2, 4, 7), file);
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, lines.size() - 4));
        assertEquals(file + ": truncated: the file ends after 7 complete events without the end line "
                + "'# end events=N crc32=XXXXXXXX' that pulsedl writes last (the write was interrupted or the file was cut); "
                + "write it again", error(file));
    }

    @Test
    void csvCutInsideARowIsTruncated() throws IOException {
        Path file = dir.resolve("mid.csv");
        DatasetIo.write(DatasetRoundTripTest.sample(10, 2, 4, 7), file);
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int fourthRow = text.indexOf('\n', text.indexOf("ch0_s0"));
        for (int i = 0; i < 3; i++) fourthRow = text.indexOf('\n', fourthRow + 1);
        Files.write(file, Arrays.copyOf(bytes, fourthRow + 5));
        assertEquals(file + ": truncated: the file ends after 3 complete events without the end line "
                + "'# end events=N crc32=XXXXXXXX' that pulsedl writes last (the write was interrupted or the file was cut); "
                + "write it again", error(file));
    }

    @Test
    void csvChangedSampleFailsTheChecksum() throws IOException {
        Path file = dir.resolve("flip.csv");
        DatasetIo.write(TINY, file);
        String text = Files.readString(file).replace("\n1,-2,0.5\n", "\n1,-3,0.5\n");
        Files.writeString(file, text);
        assertEquals(file + ":5: the content checksum is " + DatasetChecksum.of(new Dataset(new short[][][] {{{1, -3}}},
                List.of("t"), new double[][] {{0.5}}, Map.of("k", "v"))) + ", but the end line records 8167bb82: "
                + "the file was damaged or changed after it was written", error(file));
    }

    @Test
    void csvEndLineWithWrongCountOrShape() throws IOException {
        Path count = dir.resolve("count.csv");
        Files.writeString(count, "# format=pulsedl-dataset\nch0_s0,t\n1,0.5\n# end events=2 crc32=00000000\n");
        assertEquals(count + ":4: the end line records 2 events, but the file holds 1: the file is damaged", error(count));
        Path shape = dir.resolve("shape.csv");
        Files.writeString(shape, "ch0_s0,t\n1,0.5\n# a comment\n");
        assertEquals(shape + ":3: expected a data row or the end line '# end events=N crc32=XXXXXXXX' "
                + "(comments are allowed only before the header), found '# a comment'", error(shape));
        Path after = dir.resolve("after.csv");
        DatasetIo.write(TINY, after);
        Files.writeString(after, Files.readString(after) + "2,3,0.5\n");
        assertEquals(after + ":6: expected nothing after the end line, found '2,3,0.5'", error(after));
    }

    @Test
    void csvWithoutMarkerFromOtherToolsIsRead() throws IOException {
        Path file = dir.resolve("hand.csv");
        Files.writeString(file, "# k=v\nch0_s0,ch0_s1,t\n1,-2,0.5");
        assertEquals(TINY, DatasetIo.read(file));
    }

    @Test
    void binaryCsvNamesLineAndByte() throws IOException {
        Path file = dir.resolve("random.csv");
        Files.write(file, new byte[] {'c', 'h', '0', '_', 's', '0', '\n', '1', (byte) 0x9c, 'x', '\n'});
        assertEquals(file + ":2: expected UTF-8 text, found the byte 0x9C at byte 2 of the line (is this a CSV text file?)",
                error(file));
    }

    @Test
    void csvLineTooLongOrTooManyColumns() throws IOException {
        Path wide = dir.resolve("wide.csv");
        Files.writeString(wide, ",".repeat(TextLines.MAX_COLUMNS) + "\n");
        assertEquals(wide + ":1: expected at most 65536 columns, found 65537", error(wide));
        Path lone = dir.resolve("long.csv");
        Files.write(lone, new byte[TextLines.MAX_LINE_BYTES + 10]);
        assertEquals(lone + ":1: expected a text line of at most 8 MiB, found a longer one (is this a CSV text file?)", error(lone));
    }

    @Test
    void hdf5CutShortNamesTheMissingBytes() throws IOException {
        Path file = dir.resolve("cut.h5");
        DatasetIo.write(DatasetRoundTripTest.sample(500, 2, 32, 9), file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length * 9 / 10));
        String m = error(file);
        assertEquals(file + ": truncated or damaged: dataset 'labels' [500, 3]", m.substring(0, m.indexOf(" declares")));
        assertEquals(", beyond the end of the file (" + bytes.length * 9 / 10 + " bytes)", m.substring(m.lastIndexOf(',')));
    }

    @Test
    void hdf5ChecksumMismatchAndEventCount() throws IOException {
        Path crc = hdf5("crc.h5", 1L, "deadbeef");
        assertEquals(crc + ": the content checksum is 8167bb82, but root attribute 'content_crc32' records deadbeef: "
                + "the file was damaged or changed after it was written", error(crc));
        Path events = hdf5("events.h5", 3L, "8167bb82");
        assertEquals(events + ": root attribute 'events' records 3 events, but dataset 'waveforms' holds 1: the file is damaged",
                error(events));
        Path missing = hdf5("missing.h5", null, null);
        assertEquals(missing + ": root attribute 'events': expected an integer, found none", error(missing));
    }

    @Test
    void hdf5VersionOneWithoutChecksumIsStillRead() throws IOException {
        Path file = dir.resolve("v1.h5");
        try (WritableHdfFile out = HdfFile.write(file)) {
            out.putAttribute("format", "pulsedl-dataset");
            out.putAttribute("format_version", 1);
            out.putAttribute("k", "v");
            out.putDataset("waveforms", new short[][][] {{{1, -2}}});
            out.putDataset("labels", new double[][] {{0.5}}).putAttribute("names", new String[] {"t"});
        }
        assertEquals(TINY, DatasetIo.read(file));
    }

    /** A version-2 file of {@link #TINY} with the given checksum attributes (null leaves one out). */
    private Path hdf5(String name, Long events, String crc) throws IOException {
        Path file = dir.resolve(name);
        try (WritableHdfFile out = HdfFile.write(file)) {
            out.putAttribute("format", "pulsedl-dataset");
            out.putAttribute("format_version", 2);
            if (events != null) out.putAttribute("events", events);
            if (crc != null) out.putAttribute("content_crc32", crc);
            out.putAttribute("k", "v");
            out.putDataset("waveforms", new short[][][] {{{1, -2}}});
            out.putDataset("labels", new double[][] {{0.5}}).putAttribute("names", new String[] {"t"});
        }
        return file;
    }
}
