package org.pulsedl.daq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.quantizer.golden.GoldenModel;
import org.pulsedl.quantizer.qmodel.QModelFormat;

/** {@code inspect}, {@code import} and {@code trace} on the shipped model, through the real command line. */
class ModelCommandsTest {
    private static final Path SHIPPED = Path.of("..", "models", "pdl2");

    @TempDir
    Path dir;

    @Test
    void inspectShowsLayersMacsAndQuantisation() {
        CliRun r = CliRun.of("inspect", SHIPPED.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("total: 9792 MACs, 5818 parameters"), r::toString);
        assertTrue(r.out().contains("rounding DOUBLE"), r::toString);
        assertTrue(r.out().contains("conv1d_1") && r.out().contains("dense_2"), r::toString);

        CliRun f = CliRun.of("inspect", SHIPPED.resolve("float-model.json").toString());
        assertEquals(0, f.exitCode(), f::toString);
        assertTrue(f.out().contains("total: 9792 MACs, 5818 parameters"), f::toString);
    }

    @Test
    void importKeepsAnIntegerModelBitForBit() throws IOException {
        Path out = dir.resolve("copy.qmodel");
        CliRun r = CliRun.of("import", SHIPPED.resolve("model.qmodel").toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r::toString);
        GoldenModel a = new GoldenModel(QModelFormat.read(SHIPPED.resolve("model.qmodel")));
        GoldenModel b = new GoldenModel(QModelFormat.read(out));
        short[][] window = new short[1][32];
        for (int i = 0; i < 32; i++) window[0][i] = (short) (205 + (i > 8 ? 2000 * Math.exp(-(i - 8) / 2.0) : 0));
        assertEquals(java.util.Arrays.toString(a.runFromAdc(window)), java.util.Arrays.toString(b.runFromAdc(window)));
    }

    @Test
    void importErrorsNameTheFileAndReason() throws IOException {
        Path bogus = Files.writeString(dir.resolve("model.onnx"), "not a model");
        CliRun r = CliRun.of("import", bogus.toString(), "--out", dir.resolve("x.json").toString());
        r.assertUserError("model.onnx", "unknown model form");

        CliRun wrongOut = CliRun.of("import", SHIPPED.resolve("model.qmodel").toString(), "--out", dir.resolve("x.json").toString());
        wrongOut.assertUserError("--out must end in .qmodel");
    }

    /** Issue 8 §3: random bytes or a truncated copy given as a model is one line naming the file, exit 2, for every command. */
    @Test
    void damagedModelFilesAreOneLineUserErrors() throws IOException {
        byte[] noise = new byte[4096];
        new java.util.Random(8).nextBytes(noise);
        Path random = Files.write(dir.resolve("random.qmodel"), noise);
        byte[] whole = Files.readAllBytes(SHIPPED.resolve("model.qmodel"));
        Path cut = Files.write(dir.resolve("cut.qmodel"), java.util.Arrays.copyOf(whole, whole.length * 9 / 10));
        Path floatCut = Files.write(dir.resolve("cut-float.json"),
                java.util.Arrays.copyOf(Files.readAllBytes(SHIPPED.resolve("float-model.json")), 5000));
        Path randomTflite = Files.write(dir.resolve("random.tflite"), noise);
        Path randomKeras = Files.write(dir.resolve("random.keras"), noise);
        String[][] runs = {
                {"inspect", random.toString()},
                {"inspect", randomTflite.toString()},
                {"inspect", randomKeras.toString()},
                {"import", cut.toString(), "--out", dir.resolve("x.qmodel").toString()},
                {"quantize", "--model", floatCut.toString(), "--calib", cut.toString(), "--out", dir.resolve("q.qmodel").toString()},
                {"generate", "--model", random.toString(), "--out", dir.resolve("gen").toString()},
        };
        for (String[] args : runs) {
            CliRun r = CliRun.of(args);
            String file = args[0].equals("quantize") ? floatCut.toString() : args[0].equals("generate") ? random.toString() : args[1];
            assertEquals(2, r.exitCode(), r::toString);
            assertEquals(1, r.err().lines().count(), r::toString);
            assertTrue(r.err().contains(file), r::toString);
            assertTrue(!r.err().contains("java.") && !r.err().contains("Exception"), r::toString);
        }
        assertTrue(CliRun.of("inspect", random.toString()).err().contains("not a pulsedl model file: it is not UTF-8 text (byte 0x"));
        assertTrue(CliRun.of("inspect", cut.toString()).err().contains("the file ends in the middle of the JSON at line "));
    }

    @Test
    void traceComparesEveryLayerWithTheFloatNetworkAndDrawsTheRanges() throws IOException {
        Path png = dir.resolve("trace.png");
        CliRun r = CliRun.of("trace", "--model", "builtin", "--events", "50", "--png", png.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("over 50 windows"), r::toString);
        for (String layer : new String[] {"conv1d ", "conv1d_1", "flatten", "dense ", "dense_1", "dense_2"}) {
            assertTrue(r.out().contains(layer), "trace lacks " + layer + "\n" + r);
        }
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(900, img.getWidth());
    }
}
