package org.pulsedl.quantizer.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PlainCsvCaptureImporterTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void withHeaderGroupsRowsIntoEvents() throws IOException {
        Path file = write("cap.csv", "# scope dump\nadc0, adc1\n1,-1\n2,-2\n3,-3\n\n4,-4\n");
        CaptureImport result = new PlainCsvCaptureImporter(2, 2, false).read(file);
        Dataset d = result.dataset();
        assertEquals(2, d.events());
        assertArrayEquals(new short[] {1, 2}, d.waveform(0, 0));
        assertArrayEquals(new short[] {-1, -2}, d.waveform(0, 1));
        assertArrayEquals(new short[] {3, 4}, d.waveform(1, 0));
        assertArrayEquals(new short[] {-3, -4}, d.waveform(1, 1));
        assertEquals("adc0,adc1", d.attributes().get("signals"));
        assertEquals("plain-csv", d.attributes().get("source_format"));
        assertEquals(0, d.labelNames().size());
    }

    @Test
    void withoutHeaderInfersTheChannels() throws IOException {
        Path file = write("raw.csv", "-32768,0,32767\n+5,007,-0\n");
        Dataset d = new PlainCsvCaptureImporter(0, 1, false).read(file).dataset();
        assertEquals(2, d.events());
        assertEquals(3, d.channels());
        assertArrayEquals(new short[] {-32768}, d.waveform(0, 0));
        assertArrayEquals(new short[] {32767}, d.waveform(0, 2));
        assertArrayEquals(new short[] {7}, d.waveform(1, 1));
        assertFalse(d.attributes().containsKey("signals"));
    }

    @Test
    void partialTail() throws IOException {
        Path file = write("tail.csv", "1\n2\n3\n4\n5\n");
        String m = assertThrows(DatasetFormatException.class, () -> new PlainCsvCaptureImporter(1, 2, false).read(file)).getMessage();
        assertEquals(file + ":5: expected 2 samples per event, found the capture ending after 1 sample of event 2"
                + " (skip partial events to drop them)", m);
        CaptureImport skipped = new PlainCsvCaptureImporter(1, 2, true).read(file);
        assertEquals(2, skipped.dataset().events());
        assertEquals(1, skipped.discardedRows());
        assertEquals("dropped 1 rows of 1 partial event", skipped.warning());
    }

    @Test
    void badValueNamesTheColumn() throws IOException {
        Path named = write("named.csv", "a,b\n1,2\n3,4.5\n");
        assertEquals(named + ":3: column 'b': expected an int16 integer (-32768..32767), found '4.5'",
                assertThrows(DatasetFormatException.class, () -> new PlainCsvCaptureImporter(2, 1, false).read(named)).getMessage());
        Path unnamed = write("unnamed.csv", "1,2\n3,32768\n");
        assertEquals(unnamed + ":2: column 'channel 1': expected an int16 integer (-32768..32767), found '32768'",
                assertThrows(DatasetFormatException.class, () -> new PlainCsvCaptureImporter(2, 1, false).read(unnamed)).getMessage());
        Path partlyNumeric = write("first.csv", "1,x\n");
        assertEquals(partlyNumeric + ":1: column 'channel 1': expected an int16 integer (-32768..32767), found 'x'",
                assertThrows(DatasetFormatException.class, () -> new PlainCsvCaptureImporter(2, 1, false).read(partlyNumeric)).getMessage(),
                "a partly numeric first row is data, not a header");
    }

    @Test
    void wrongColumnCountAndEmptyFile() throws IOException {
        Path cols = write("cols.csv", "1,2\n3,4,5\n");
        assertEquals(cols + ":2: expected 2 columns (one per channel), found 3",
                assertThrows(DatasetFormatException.class, () -> new PlainCsvCaptureImporter(0, 1, false).read(cols)).getMessage());
        Path header = write("header.csv", "a,b,c\n1,2,3\n");
        assertEquals(header + ":1: expected 2 header columns (one per channel), found 3",
                assertThrows(DatasetFormatException.class, () -> new PlainCsvCaptureImporter(2, 1, false).read(header)).getMessage());
        Path empty = write("empty.csv", "# nothing\n\n");
        assertEquals(empty + ":2: expected at least one row of samples, found none",
                assertThrows(DatasetFormatException.class, () -> new PlainCsvCaptureImporter(1, 1, false).read(empty)).getMessage());
    }
}
