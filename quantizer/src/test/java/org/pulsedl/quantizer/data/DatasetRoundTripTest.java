package org.pulsedl.quantizer.data;

import org.junit.jupiter.api.Test;
import org.pulsedl.quantizer.io.AtomicOutput;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetRoundTripTest {
    @TempDir
    Path dir;

    /** Seeded random waveforms over the full int16 range, awkward labels, attributes in a non-sorted order. */
    static Dataset sample(int events, int channels, int samples, long seed) {
        Random random = new Random(seed);
        short[][][] w = new short[events][channels][samples];
        for (short[][] event : w) {
            for (short[] ch : event) {
                for (int s = 0; s < samples; s++) ch[s] = (short) random.nextInt(1 << 16);
            }
        }
        w[0][0][0] = Short.MIN_VALUE;
        w[events - 1][channels - 1][samples - 1] = Short.MAX_VALUE;
        double[] special = {0.1, 1e-300, -2.5, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
                Double.NEGATIVE_INFINITY, 1.0 / 3.0, -123456.789e-12};
        double[][] labels = new double[events][3];
        for (int e = 0; e < events; e++) {
            labels[e][0] = special[e % special.length];
            labels[e][1] = random.nextGaussian() * 1e3;
            labels[e][2] = -e;
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("zeta", "last letter first");
        attrs.put("generator", "cr-rc tau=12.5ns");
        attrs.put("notes", "two\nlines, a \\ backslash, a \r return and ünïcode");
        attrs.put("empty", "");
        return new Dataset(w, List.of("t0", "energy", "index"), labels, attrs);
    }

    @Test
    void hdf5RoundTripIsExact() throws IOException {
        Dataset original = sample(25, 2, 32, 1);
        Path file = dir.resolve("set.h5");
        DatasetIo.write(original, file);
        Dataset back = DatasetIo.read(file);
        assertEquals(original, back);
        assertEquals(List.copyOf(original.attributes().keySet()), List.copyOf(back.attributes().keySet()), "attribute order");
        assertArrayEquals(original.labelColumn("t0"), back.labelColumn("t0"));
    }

    @Test
    void hdf5WithoutLabelsAndSingleSample() throws IOException {
        Dataset original = new Dataset(new short[][][] {{{-7}}}, List.of(), new double[1][0], Map.of());
        Path file = dir.resolve("tiny.hdf5");
        DatasetIo.write(original, file);
        assertEquals(original, DatasetIo.read(file));
    }

    @Test
    void hdf5OverwriteLeavesNoStaleBytes() throws IOException {
        Path fresh = dir.resolve("fresh.h5");
        Path reused = dir.resolve("reused.h5");
        Dataset small = sample(2, 1, 4, 5);
        DatasetIo.write(sample(200, 2, 64, 4), reused);
        DatasetIo.write(small, reused);
        DatasetIo.write(small, fresh);
        assertEquals(Files.size(fresh), Files.size(reused));
        assertEquals(small, DatasetIo.read(reused));
        try (var names = Files.list(dir)) {
            assertEquals(List.of(), names.map(p -> p.getFileName().toString()).filter(AtomicOutput::isPartialName).toList());
        }
    }

    @Test
    void hdf5RefusesEmptyDatasetsAndReservedAttributes() {
        Dataset empty = new Dataset(new short[0][][], List.of("t0"), new double[0][], Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetIo.write(empty, dir.resolve("e.h5")));
        assertTrue(e.getMessage().contains("at least one event"), e.getMessage());

        Dataset reserved = new Dataset(new short[][][] {{{1}}}, List.of(), new double[1][0], Map.of("format", "x"));
        e = assertThrows(IllegalArgumentException.class, () -> DatasetIo.write(reserved, dir.resolve("r.h5")));
        assertTrue(e.getMessage().contains("'format'") && e.getMessage().contains("reserved"), e.getMessage());
    }

    @Test
    void csvRoundTripIsExact() throws IOException {
        Dataset original = sample(25, 2, 32, 2);
        Path file = dir.resolve("set.csv");
        DatasetIo.write(original, file);
        Dataset back = DatasetIo.read(file);
        assertEquals(original, back);
        assertEquals(List.copyOf(original.attributes().keySet()), List.copyOf(back.attributes().keySet()), "attribute order");
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.labels()[3][0]), "negative zero kept");
    }

    @Test
    void csvLayoutIsAsDocumented() throws IOException {
        Dataset d = new Dataset(new short[][][] {{{1, 2}, {-3, 4}}}, List.of("t0", "e"), new double[][] {{0.1, 1e-300}},
                Map.of("k", "a\nb"));
        Path file = dir.resolve("layout.csv");
        DatasetIo.write(d, file);
        assertEquals("# format=pulsedl-dataset\n# k=a\\nb\nch0_s0,ch0_s1,ch1_s0,ch1_s1,t0,e\n1,2,-3,4,0.1,1.0E-300\n"
                + "# end events=1 crc32=" + DatasetChecksum.of(d) + "\n", Files.readString(file));
    }

    @Test
    void csvRoundTripOfEmptyDataset() throws IOException {
        Dataset empty = new Dataset(new short[0][][], List.of("t0"), new double[0][], Map.of("a", "b"));
        Path file = dir.resolve("empty.csv");
        DatasetIo.write(empty, file);
        assertEquals(empty, DatasetIo.read(file));
    }

    @Test
    void csvToHdf5ToCsvKeepsEverything() throws IOException {
        Dataset original = sample(4, 3, 5, 3);
        DatasetIo.write(original, dir.resolve("a.csv"));
        DatasetIo.write(DatasetIo.read(dir.resolve("a.csv")), dir.resolve("b.h5"));
        DatasetIo.write(DatasetIo.read(dir.resolve("b.h5")), dir.resolve("c.csv"));
        assertEquals(Files.readString(dir.resolve("a.csv")), Files.readString(dir.resolve("c.csv")));
    }

    @Test
    void formatFollowsExtension() {
        assertEquals(DatasetIo.Format.HDF5, DatasetIo.formatOf(Path.of("x.H5")));
        assertEquals(DatasetIo.Format.HDF5, DatasetIo.formatOf(Path.of("dir/x.hdf5")));
        assertEquals(DatasetIo.Format.CSV, DatasetIo.formatOf(Path.of("x.csv")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetIo.read(Path.of("data.txt")));
        assertTrue(e.getMessage().contains("'data.txt'") && e.getMessage().contains(".h5, .hdf5, .csv"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> DatasetIo.read(dir.resolve("gone.csv")));
        assertTrue(e.getMessage().endsWith("gone.csv"), e.getMessage());
        assertThrows(NoSuchFileException.class, () -> DatasetIo.read(dir.resolve("gone.h5")));
    }
}
