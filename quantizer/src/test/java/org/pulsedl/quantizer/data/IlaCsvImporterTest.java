package org.pulsedl.quantizer.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IlaCsvImporterTest {
    @TempDir
    Path dir;

    /** A small export with one column per radix, holding the two's-complement edge values. */
    private static final String EXPORT = """
            Sample in Buffer,Sample in Window,TRIGGER,adc_ch0[11:0],adc_ch1[11:0],flags[3:0],raw[7:0]
            Radix - UNSIGNED,UNSIGNED,UNSIGNED,HEX,SIGNED,BINARY,UNSIGNED
            0,0,0,7FF,-2048,0001,255
            1,1,0,800,2047,1000,0
            2,2,1,fff,-1,1111,17
            3,3,0,000,0,0000,1
            """;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static final List<String> ALL = List.of("adc_ch0", "adc_ch1", "flags[3:0]", "raw");

    @Test
    void eachRadixAsUnsignedPatterns() throws IOException {
        CaptureImport result = IlaCsvImporter.of(ALL, 2).read(write("ila.csv", EXPORT));
        Dataset d = result.dataset();
        assertEquals(2, d.events());
        assertEquals(4, d.channels());
        assertEquals(2, d.samples());
        assertArrayEquals(new short[] {2047, 2048}, d.waveform(0, 0));
        assertArrayEquals(new short[] {4095, 0}, d.waveform(1, 0));
        assertArrayEquals(new short[] {-2048, 2047}, d.waveform(0, 1));
        assertArrayEquals(new short[] {-1, 0}, d.waveform(1, 1));
        assertArrayEquals(new short[] {1, 8}, d.waveform(0, 2));
        assertArrayEquals(new short[] {15, 0}, d.waveform(1, 2));
        assertArrayEquals(new short[] {255, 0}, d.waveform(0, 3));
        assertArrayEquals(new short[] {17, 1}, d.waveform(1, 3));
        assertTrue(d.labelNames().isEmpty());
        assertEquals(0, d.labels()[0].length);
        assertEquals("ila.csv", d.attributes().get("source"));
        assertEquals("adc_ch0[11:0],adc_ch1[11:0],flags[3:0],raw[7:0]", d.attributes().get("signals"));
        assertEquals("HEX,SIGNED,BINARY,UNSIGNED", d.attributes().get("radix"));
        assertNull(result.warning());
    }

    @Test
    void twosComplementSignExtendsHexAndBinaryFromTheBusWidth() throws IOException {
        Dataset d = IlaCsvImporter.of(ALL, 4).withTwosComplement(true).read(write("ila.csv", EXPORT)).dataset();
        assertArrayEquals(new short[] {2047, -2048, -1, 0}, d.waveform(0, 0));
        assertArrayEquals(new short[] {-2048, 2047, -1, 0}, d.waveform(0, 1));
        assertArrayEquals(new short[] {1, -8, -1, 0}, d.waveform(0, 2));
        assertArrayEquals(new short[] {255, 0, 17, 1}, d.waveform(0, 3), "UNSIGNED is never sign-extended");
        assertEquals("true", d.attributes().get("twos_complement"));
    }

    @Test
    void sixteenBitBusNeedsTwosComplementToFitInt16() throws IOException {
        String export = "Sample in Buffer,d[15:0]\nRadix - UNSIGNED,HEX\n0,7FFF\n1,FFFF\n2,8000\n";
        Path file = write("wide.csv", export);
        Dataset d = IlaCsvImporter.of(List.of("d"), 3).withTwosComplement(true).read(file).dataset();
        assertArrayEquals(new short[] {32767, -1, -32768}, d.waveform(0, 0));
        String m = assertThrows(DatasetFormatException.class, () -> IlaCsvImporter.of(List.of("d"), 3).read(file)).getMessage();
        assertEquals(file + ":4: column 'd[15:0]': expected a value that fits int16 (-32768..32767), found 65535 ('FFFF')", m);
    }

    @Test
    void badHexValueNamesFileLineColumnExpectedAndFound() throws IOException {
        Path file = write("capture.csv", EXPORT.replace("0,0,0,7FF,-2048", "0,0,0,zz,-2048"));
        String m = assertThrows(DatasetFormatException.class, () -> IlaCsvImporter.of(ALL, 2).read(file)).getMessage();
        assertEquals(file + ":3: column 'adc_ch0[11:0]': expected a HEX value, found 'zz'", m);
    }

    @Test
    void valuesOutsideTheBusWidthAreErrors() throws IOException {
        Path hex = write("hex.csv", EXPORT.replace(",800,", ",1000,"));
        assertEquals(hex + ":4: column 'adc_ch0[11:0]': expected a HEX value of 12 bits, found '1000'",
                assertThrows(DatasetFormatException.class, () -> IlaCsvImporter.of(ALL, 2).read(hex)).getMessage());
        Path signed = write("signed.csv", EXPORT.replace(",-2048,", ",-2049,"));
        assertEquals(signed + ":3: column 'adc_ch1[11:0]': expected a SIGNED value of 12 bits, found '-2049'",
                assertThrows(DatasetFormatException.class, () -> IlaCsvImporter.of(ALL, 2).read(signed)).getMessage());
        Path unsigned = write("unsigned.csv", EXPORT.replace(",255\n", ",256\n"));
        assertEquals(unsigned + ":3: column 'raw[7:0]': expected an UNSIGNED value of 8 bits, found '256'",
                assertThrows(DatasetFormatException.class, () -> IlaCsvImporter.of(ALL, 2).read(unsigned)).getMessage());
        Path binary = write("binary.csv", EXPORT.replace(",1000,", ",10000,"));
        assertEquals(binary + ":4: column 'flags[3:0]': expected a BINARY value of 4 bits, found '10000'",
                assertThrows(DatasetFormatException.class, () -> IlaCsvImporter.of(ALL, 2).read(binary)).getMessage());
    }

    @Test
    void twosComplementNeedsABusWidth() throws IOException {
        Path file = write("nowidth.csv", "Sample in Buffer,d\nRadix - UNSIGNED,HEX\n0,7\n");
        String m = assertThrows(DatasetFormatException.class,
                () -> IlaCsvImporter.of(List.of("d"), 1).withTwosComplement(true).read(file)).getMessage();
        assertEquals(file + ":2: column 'd': expected a [msb:lsb] bus width in the name to read HEX values as two's complement, found none", m);
    }

    @Test
    void partialTailFailsOrIsSkippedWithACount() throws IOException {
        Path file = write("tail.csv", EXPORT);
        String m = assertThrows(DatasetFormatException.class, () -> IlaCsvImporter.of(ALL, 3).read(file)).getMessage();
        assertEquals(file + ":6: expected 3 samples per event, found the capture ending after 1 sample of event 1"
                + " (skip partial events to drop them)", m);
        CaptureImport skipped = IlaCsvImporter.of(ALL, 3).withSkipPartialEvents(true).read(file);
        assertEquals(1, skipped.dataset().events());
        assertEquals(1, skipped.discardedRows());
        assertEquals("dropped 1 rows of 1 partial event", skipped.warning());
        assertEquals("1", skipped.dataset().attributes().get("discarded_rows"));
    }

    @Test
    void newEventWhenSampleInWindowRestarts() throws IOException {
        String export = """
                Sample in Buffer,Sample in Window,TRIGGER,adc[11:0]
                Radix - UNSIGNED,UNSIGNED,UNSIGNED,UNSIGNED
                0,0,0,10
                1,1,0,11
                2,2,0,12
                3,0,0,20
                4,1,0,21
                5,2,0,22
                """;
        Path file = write("windows.csv", export);
        IlaCsvImporter importer = IlaCsvImporter.of(List.of("adc"), 2).withSplitOnWindowRestart(true);
        String m = assertThrows(DatasetFormatException.class, () -> importer.read(file)).getMessage();
        assertEquals(file + ":6: expected 2 samples per event, found 'Sample in Window' restarting at 0 after 1 sample of event 1"
                + " (skip partial events to drop them)", m);
        CaptureImport result = importer.withSkipPartialEvents(true).read(file);
        assertEquals(2, result.dataset().events());
        assertArrayEquals(new short[] {10, 11}, result.dataset().waveform(0, 0));
        assertArrayEquals(new short[] {20, 21}, result.dataset().waveform(1, 0), "second window starts a new event");
        assertEquals(2, result.discardedRows());
        assertEquals(2, result.discardedEvents());
        assertEquals(2, IlaCsvImporter.of(List.of("adc"), 3).withSplitOnWindowRestart(true).read(file).dataset().events());
    }

    @Test
    void headerProblems() throws IOException {
        Path file = write("ila.csv", EXPORT);
        assertEquals(file + ":1: signal 'adc_ch2': expected one matching column, found none among [Sample in Buffer, Sample in Window,"
                        + " TRIGGER, adc_ch0[11:0], adc_ch1[11:0], flags[3:0], raw[7:0]]",
                assertThrows(DatasetFormatException.class, () -> IlaCsvImporter.of(List.of("adc_ch2"), 2).read(file)).getMessage());
        assertEquals(file + ":1: signal 'adc_ch0[11:0]': expected each column once, found 'adc_ch0[11:0]' chosen twice",
                assertThrows(DatasetFormatException.class,
                        () -> IlaCsvImporter.of(List.of("adc_ch0", "adc_ch0[11:0]"), 2).read(file)).getMessage());

        Path twin = write("twin.csv", "a[11:0],a[3:0]\nRadix - HEX,HEX\n1,2\n");
        assertEquals(twin + ":1: signal 'a': expected one matching column, found 2 [a[11:0], a[3:0]]",
                assertThrows(DatasetFormatException.class, () -> IlaCsvImporter.of(List.of("a"), 1).read(twin)).getMessage());

        Path noWindow = write("nowin.csv", "a[11:0]\nRadix - HEX\n1\n");
        assertEquals(noWindow + ":1: expected a 'Sample in Window' column to split events at window restarts, found none",
                assertThrows(DatasetFormatException.class,
                        () -> IlaCsvImporter.of(List.of("a"), 1).withSplitOnWindowRestart(true).read(noWindow)).getMessage());
    }

    @Test
    void radixRowProblems() throws IOException {
        Path missing = write("noradix.csv", "a[11:0]\n1\n");
        assertEquals(missing + ":2: expected the radix row starting with 'Radix - ', found '1'",
                assertThrows(DatasetFormatException.class, () -> IlaCsvImporter.of(List.of("a"), 1).read(missing)).getMessage());
        Path ascii = write("ascii.csv", "a[7:0],b[7:0]\nRadix - ASCII,HEX\n1,2\n");
        assertEquals(ascii + ":2: column 'a[7:0]': expected a radix UNSIGNED, SIGNED, HEX or BINARY, found 'ASCII'",
                assertThrows(DatasetFormatException.class, () -> IlaCsvImporter.of(List.of("a"), 1).read(ascii)).getMessage());
        assertEquals(1, IlaCsvImporter.of(List.of("b"), 1).read(ascii).dataset().events(), "radix of unused columns is not checked");
        Path short_ = write("short.csv", "a[7:0],b[7:0]\nRadix - HEX\n1,2\n");
        assertEquals(short_ + ":2: expected 2 radices, one per header column, found 1",
                assertThrows(DatasetFormatException.class, () -> IlaCsvImporter.of(List.of("a"), 1).read(short_)).getMessage());
        Path empty = write("empty.csv", "");
        assertEquals(empty + ": expected the ILA header row of signal names, found an empty file",
                assertThrows(DatasetFormatException.class, () -> IlaCsvImporter.of(List.of("a"), 1).read(empty)).getMessage());
    }

    @Test
    void rowWithWrongColumnCount() throws IOException {
        Path file = write("cols.csv", EXPORT.replace("1,1,0,800,2047,1000,0", "1,1,0,800,2047,1000"));
        assertEquals(file + ":4: expected 7 columns as in the header, found 6",
                assertThrows(DatasetFormatException.class, () -> IlaCsvImporter.of(ALL, 2).read(file)).getMessage());
    }

    @Test
    void busWidthAndBaseName() {
        assertEquals(12, IlaCsvImporter.busWidth("adc_ch0[11:0]"));
        assertEquals(4, IlaCsvImporter.busWidth("x[0:3]"));
        assertEquals(1, IlaCsvImporter.busWidth("bit[5]"));
        assertEquals(IlaRadix.UNKNOWN_WIDTH, IlaCsvImporter.busWidth("TRIGGER"));
        assertEquals("u_top/adc_ch0", IlaCsvImporter.baseName("u_top/adc_ch0[11:0]"));
    }
}
