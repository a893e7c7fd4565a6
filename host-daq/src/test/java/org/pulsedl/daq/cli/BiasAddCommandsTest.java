package org.pulsedl.daq.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pulsedl.quantizer.io.Npy;

/**
 * The commands around a {@code .tflite} whose Conv1D biases the default converter wrote as separate quantised ADDs
 * (the committed {@code fixed/biased/} files): {@code inspect} lists the {@code bias_add} steps, {@code import}
 * keeps them in the {@code .qmodel} ({@code predict} on both gives the same codes; {@code PredictLiteRtTest}
 * compares the {@code .tflite} with LiteRT), and {@code generate} refuses the model in one line naming the step.
 */
class BiasAddCommandsTest {
    private static final Path FIXED = Path.of("..", "quantizer", "src", "test", "resources", "org", "pulsedl",
            "quantizer", "importer", "tflite", "fixed", "biased");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"model_int8.tflite", "model_int8f.tflite", "model_16x8.tflite"})
    void inspectImportPredictAndGenerate(String file) throws IOException {
        Path model = FIXED.resolve(file);
        CliRun i = CliRun.of("inspect", model.toString()).assertSuccess();
        assertEquals(3, i.out().lines().filter(l -> l.startsWith("bias_add")).count(), i::toString);
        assertTrue(i.out().contains("TFLite ADD arithmetic"), i::toString);

        Path q = dir.resolve("m.qmodel");
        CliRun.of("import", model.toString(), "--out", q.toString()).assertSuccess();
        assertTrue(Files.readString(q).contains("\"type\": \"bias_add\""));
        Path x = FIXED.resolve("calib.npy");
        Path a = dir.resolve("a.npy");
        Path b = dir.resolve("b.npy");
        CliRun.of("predict", "--model", model.toString(), "--in", x.toString(), "--out", a.toString()).assertSuccess();
        CliRun.of("predict", "--model", q.toString(), "--in", x.toString(), "--out", b.toString()).assertSuccess();
        assertArrayEquals(Npy.read(a).toLongs(), Npy.read(b).toLongs());

        CliRun.of("generate", "--model", q.toString(), "--out", dir.resolve("gen").toString())
                .assertUserError("layer 'bias_add' (bias_add, a Conv1D bias the TFLite converter left as a separate "
                        + "quantised ADD) is not supported by the accelerator");
        assertTrue(!Files.exists(dir.resolve("gen")) || isEmpty(dir.resolve("gen")), "nothing written");
    }

    private static boolean isEmpty(Path d) throws IOException {
        try (var s = Files.list(d)) {
            return s.findAny().isEmpty();
        }
    }
}
