package org.pulsedl.quantizer.data;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One test per rule of the dataset layouts, asserting the whole message: file, line, column, expected, found. */
class MalformedDatasetTest {
    @TempDir
    Path dir;

    private String csvError(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return assertThrows(DatasetFormatException.class, () -> DatasetIo.read(file)).getMessage();
    }

    private String at(String name) { return dir.resolve(name).toString(); }

    @Test
    void csvSampleNotAnInt16() throws IOException {
        String m = csvError("a.csv", "# k=v\nch0_s0,ch0_s1,t0\n1,2,0.5\n3,40000,0.5\n");
        assertEquals(at("a.csv") + ":4: column 'ch0_s1': expected an int16 integer (-32768..32767), found '40000'", m);
    }

    @Test
    void csvLabelNotANumber() throws IOException {
        String m = csvError("b.csv", "ch0_s0,t0\n1,0x1p3\n");
        assertEquals(at("b.csv") + ":2: column 't0': expected a decimal number, found '0x1p3'", m);
    }

    @Test
    void csvRowWithWrongColumnCount() throws IOException {
        String m = csvError("c.csv", "ch0_s0,ch0_s1,t0\n1,2\n");
        assertEquals(at("c.csv") + ":2: expected 3 columns as in the header, found 2", m);
    }

    @Test
    void csvHeaderOutOfOrder() throws IOException {
        String m = csvError("d.csv", "ch0_s0,ch0_s1,ch1_s1,ch1_s0\n");
        assertEquals(at("d.csv") + ":1: header column 3: expected 'ch1_s0', found 'ch1_s1'", m);
    }

    @Test
    void csvHeaderWithIncompleteChannel() throws IOException {
        String m = csvError("e.csv", "ch0_s0,ch0_s1,ch1_s0,t0\n");
        assertEquals(at("e.csv") + ":1: header column 4: expected 'ch1_s1' (every channel has 2 samples), found 't0'", m);
    }

    @Test
    void csvRepeatedLabel() throws IOException {
        String m = csvError("f.csv", "ch0_s0,t0,t0\n");
        assertEquals(at("f.csv") + ":1: header column 3: expected a distinct label name, found a repeated name 't0'", m);
    }

    @Test
    void csvMissingHeader() throws IOException {
        String m = csvError("g.csv", "# only=attributes\n");
        assertEquals(at("g.csv") + ":1: expected a header row (ch0_s0,…,<label names>), found the end of the file", m);
    }

    @Test
    void csvBadAttributeLineAndEscape() throws IOException {
        assertEquals(at("h.csv") + ":2: expected an attribute line '# key=value', found '# no equals sign'",
                csvError("h.csv", "# a=1\n# no equals sign\nch0_s0\n"));
        assertEquals(at("i.csv") + ":1: expected an escape \\\\, \\n or \\r in the attribute value, found '\\t'",
                csvError("i.csv", "# a=x\\ty\nch0_s0\n"));
    }

    @Test
    void csvBlankLineInData() throws IOException {
        String m = csvError("j.csv", "ch0_s0\n1\n\n2\n");
        assertEquals(at("j.csv") + ":3: expected a data row, found a blank line", m);
    }

    @Test
    void hdf5NotAnHdf5File() throws IOException {
        Path file = dir.resolve("text.h5");
        Files.writeString(file, "not hdf5");
        String m = assertThrows(DatasetFormatException.class, () -> DatasetIo.read(file)).getMessage();
        assertEquals(file + ": expected an HDF5 file, found one that cannot be read: it is damaged, truncated or not HDF5 (No valid HDF5 signature found)", m);
    }

    @Test
    void hdf5WithoutFormatAttribute() throws IOException {
        Path file = dir.resolve("foreign.h5");
        try (WritableHdfFile out = HdfFile.write(file)) {
            out.putDataset("waveforms", new short[][][] {{{1}}});
        }
        String m = assertThrows(DatasetFormatException.class, () -> DatasetIo.read(file)).getMessage();
        assertEquals(file + ": root attribute 'format': expected 'pulsedl-dataset', found none", m);
    }

    @Test
    void hdf5WrongVersion() throws IOException {
        Path file = dir.resolve("v3.h5");
        try (WritableHdfFile out = HdfFile.write(file)) {
            out.putAttribute("format", "pulsedl-dataset");
            out.putAttribute("format_version", 3);
        }
        String m = assertThrows(DatasetFormatException.class, () -> DatasetIo.read(file)).getMessage();
        assertEquals(file + ": root attribute 'format_version': expected the integer 1 or 2, found 3 (int32)", m);
    }

    private Path hdf5(String name, Object waveforms, Object labels, Object labelNames) throws IOException {
        Path file = dir.resolve(name);
        try (WritableHdfFile out = HdfFile.write(file)) {
            out.putAttribute("format", "pulsedl-dataset");
            out.putAttribute("format_version", 1);
            if (waveforms != null) out.putDataset("waveforms", waveforms);
            if (labels != null) out.putDataset("labels", labels).putAttribute("names", labelNames);
        }
        return file;
    }

    @Test
    void hdf5WaveformsMissingOrWrongType() throws IOException {
        Path none = hdf5("none.h5", null, null, null);
        assertEquals(none + ": expected a dataset 'waveforms', found none",
                assertThrows(DatasetFormatException.class, () -> DatasetIo.read(none)).getMessage());
        Path ints = hdf5("int32.h5", new int[][][] {{{1, 2}}}, null, null);
        assertEquals(ints + ": dataset 'waveforms': expected int16 [events][channels][samples], found int32 (or uint16) [1, 1, 2]",
                assertThrows(DatasetFormatException.class, () -> DatasetIo.read(ints)).getMessage());
        Path flat = hdf5("rank2.h5", new short[][] {{1, 2}}, null, null);
        assertEquals(flat + ": dataset 'waveforms': expected int16 [events][channels][samples], found int16 [1, 2]",
                assertThrows(DatasetFormatException.class, () -> DatasetIo.read(flat)).getMessage());
    }

    @Test
    void hdf5LabelsInconsistent() throws IOException {
        short[][][] w = {{{1}}, {{2}}};
        Path rows = hdf5("rows.h5", w, new double[][] {{0.5}}, new String[] {"t0"});
        assertEquals(rows + ": dataset 'labels': expected float64 [2][n_labels], found float64 [1, 1]",
                assertThrows(DatasetFormatException.class, () -> DatasetIo.read(rows)).getMessage());
        Path names = hdf5("names.h5", w, new double[][] {{0.5}, {1.5}}, new String[] {"t0", "e"});
        assertEquals(names + ": dataset 'labels' attribute 'names': expected 1 label names as strings, found [t0, e]",
                assertThrows(DatasetFormatException.class, () -> DatasetIo.read(names)).getMessage());
    }
}
