package org.pulsedl.quantizer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.data.DatasetFormatException;
import org.pulsedl.quantizer.data.DatasetIo;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConvertCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Exception failure;

    /** Runs the command as the top-level CLI would, keeping the exception instead of printing a trace. */
    private int run(String... args) {
        CommandLine cl = new CommandLine(new ConvertCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            failure = ex;
            return 2;
        });
        return cl.execute(args);
    }

    private String path(String name) { return dir.resolve(name).toString(); }

    @Test
    void convertsCsvToHdf5() throws IOException {
        Dataset d = new Dataset(new short[][][] {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}}, List.of("t0"),
                new double[][] {{0.1}, {-1e-300}}, Map.of("generator", "test"));
        DatasetIo.write(d, dir.resolve("a.csv"));
        assertEquals(0, run("--in", path("a.csv"), "--out", path("a.h5")));
        assertEquals("wrote " + path("a.h5") + ": 2 events x 2 channels x 2 samples, labels [t0]\n", out.toString());
        assertEquals(d, DatasetIo.read(dir.resolve("a.h5")));
    }

    @Test
    void importsAnIlaExport() throws IOException {
        Files.writeString(dir.resolve("ila.csv"), """
                Sample in Buffer,Sample in Window,TRIGGER,adc_ch0[11:0],adc_ch1[11:0]
                Radix - UNSIGNED,UNSIGNED,UNSIGNED,HEX,SIGNED
                0,0,0,FFF,-1
                1,1,0,001,1
                2,2,0,002,2
                """);
        assertEquals(0, run("--ila", path("ila.csv"), "--signals", "adc_ch0,adc_ch1", "--samples", "2", "--skip-partial",
                "--twos-complement", "--out", path("capture.h5")));
        assertEquals("wrote " + path("capture.h5") + ": 1 events x 2 channels x 2 samples, no labels"
                + " (warning: dropped 1 rows of 1 partial event)\n", out.toString());
        Dataset d = DatasetIo.read(dir.resolve("capture.h5"));
        assertArrayEquals(new short[] {-1, 1}, d.waveform(0, 0));
        assertArrayEquals(new short[] {-1, 1}, d.waveform(0, 1));
        assertEquals("adc_ch0[11:0],adc_ch1[11:0]", d.attributes().get("signals"));
    }

    @Test
    void importsAPlainCapture() throws IOException {
        Files.writeString(dir.resolve("capture.csv"), "a,b\n1,2\n3,4\n5,6\n7,8\n");
        assertEquals(0, run("--plain", path("capture.csv"), "--channels", "2", "--samples", "2", "--out", path("capture.out.csv")));
        assertEquals("wrote " + path("capture.out.csv") + ": 2 events x 2 channels x 2 samples, no labels\n", out.toString());
        assertArrayEquals(new short[] {6, 8}, DatasetIo.read(dir.resolve("capture.out.csv")).waveform(1, 1));
    }

    @Test
    void malformedInputReachesTheHandlerAsOneMessage() throws IOException {
        Files.writeString(dir.resolve("capture.csv"), "1\n2\nzz\n");
        assertEquals(2, run("--plain", path("capture.csv"), "--samples", "1", "--out", path("x.h5")));
        assertInstanceOf(DatasetFormatException.class, failure);
        assertEquals(path("capture.csv") + ":3: column 'channel 0': expected an int16 integer (-32768..32767), found 'zz'",
                failure.getMessage());
        assertTrue(Files.notExists(dir.resolve("x.h5")), "nothing written on error");
    }

    @Test
    void usageErrors() throws IOException {
        Files.writeString(dir.resolve("c.csv"), "1\n");
        assertEquals(2, run("--plain", path("c.csv"), "--out", path("x.h5")));
        assertEquals("--samples is required when importing a capture", failure.getMessage());

        assertEquals(2, run("--plain", path("c.csv"), "--samples", "1", "--out", path("x.txt")));
        assertInstanceOf(IllegalArgumentException.class, failure);
        assertTrue(failure.getMessage().contains("x.txt") && failure.getMessage().contains(".h5, .hdf5, .csv"), failure.getMessage());

        assertEquals(2, run("--plain", path("c.csv"), "--samples", "2", "--skip-partial", "--out", path("x.h5")));
        assertEquals("no complete event of 2 samples in '" + path("c.csv") + "'; nothing written", failure.getMessage());

        assertEquals(2, run("--ila", path("c.csv"), "--samples", "2", "--out", path("x.h5")));
        assertTrue(failure.getMessage().startsWith("--signals is required with --ila"), failure.getMessage());

        assertEquals(2, run("--in", path("c.csv"), "--channels", "0", "--out", path("x.csv")));
        assertEquals("--channels applies only to --plain", failure.getMessage(), "an explicit 0 is refused like any value");

        failure = null;
        int code = run("--in", path("c.csv"), "--plain", path("c.csv"), "--out", path("x.h5"));
        assertEquals(2, code, "picocli reports mutually exclusive options as a usage error");
        assertTrue(err.toString().contains("mutually exclusive"), err.toString());
    }

    /** Issue 8: a truncated HDF5 file was read as valid and converted into 12,675 garbage label rows, exit 0. */
    @Test
    void truncatedHdf5IsRefusedAndNothingIsWritten() throws IOException {
        short[][][] w = new short[2000][2][32];
        double[][] labels = new double[2000][3];
        for (int e = 0; e < 2000; e++) labels[e] = new double[] {e, -e, 0.5 * e};
        DatasetIo.write(new Dataset(w, List.of("a", "b", "c"), labels, Map.of()), dir.resolve("full.h5"));
        byte[] bytes = Files.readAllBytes(dir.resolve("full.h5"));
        Files.write(dir.resolve("cut.h5"), java.util.Arrays.copyOf(bytes, bytes.length * 9 / 10));
        assertEquals(2, run("--in", path("cut.h5"), "--out", path("cut.csv")));
        DatasetFormatException e = assertInstanceOf(DatasetFormatException.class, failure);
        assertTrue(e.getMessage().startsWith(path("cut.h5") + ": truncated or damaged: dataset 'labels' [2000, 3] declares "),
                e.getMessage());
        assertTrue(Files.notExists(dir.resolve("cut.csv")));
    }
}
