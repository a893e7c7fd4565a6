package org.pulsedl.quantizer.importer.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.quantizer.model.FloatInference;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.model.ModelException;
import org.pulsedl.quantizer.oracle.Oracle;

/** Broken and hand-made files: each problem is one clear {@link ModelException} (or I/O error), never a model. */
class KerasCorruptFileTest {
    /** Input [4][1] → Conv1D(1, k2, relu) → Flatten → Dense(1): small enough to compute by hand. */
    private static final String TINY_CONFIG = """
            {"class_name": "Sequential", "config": {"name": "tiny", "layers": [
              {"class_name": "InputLayer", "config": {"batch_shape": [null, 4, 1], "name": "adc"}},
              {"class_name": "Conv1D", "config": {"name": "conv", "filters": 1, "kernel_size": [2], "strides": [1],
                "padding": "valid", "data_format": "channels_last", "dilation_rate": [1], "groups": 1,
                "activation": "relu", "use_bias": true}},
              {"class_name": "Flatten", "config": {"name": "flatten"}},
              {"class_name": "Dense", "config": {"name": "out", "units": 1, "activation": "linear", "use_bias": true}}]}}
            """;

    @TempDir
    Path dir;

    private ModelException refused(Path file) {
        return assertThrows(ModelException.class, () -> KerasImporter.read(file));
    }

    private static void assertMessage(String expected, ModelException e) {
        assertTrue(e.getMessage().contains(expected), "message was: " + e.getMessage());
    }

    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A legacy .h5 written with jhdf: model_config plus /model_weights/<layer>/<layer>/{kernel,bias}. */
    private Path tinyH5(String name, String config, float[][][] convKernel) {
        Path file = dir.resolve(name);
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            if (config != null) {
                h5.putAttribute("model_config", config);
            }
            WritableGroup weights = h5.putGroup("model_weights");
            WritableGroup conv = weights.putGroup("conv");
            conv.putAttribute("weight_names", new String[] {"conv/kernel", "conv/bias"});
            WritableGroup convVars = conv.putGroup("conv");
            convVars.putDataset("kernel", convKernel);
            convVars.putDataset("bias", new float[] {0.5f});
            weights.putGroup("flatten");
            WritableGroup out = weights.putGroup("out");
            out.putAttribute("weight_names", new String[] {"out/kernel", "out/bias"});
            WritableGroup outVars = out.putGroup("out");
            outVars.putDataset("kernel", new float[][] {{1f}, {0.5f}, {-1f}});
            outVars.putDataset("bias", new float[] {0.25f});
        }
        return file;
    }

    @Test
    void handMadeLegacyH5ImportsAndComputesByHand() throws IOException {
        Model m = KerasImporter.read(tinyH5("tiny.h5", TINY_CONFIG, new float[][][] {{{-1f}}, {{2f}}}));
        // conv: -x[t] + 2·x[t+1] + 0.5 on 1,2,3,4 = 3.5, 4.5, 5.5 (relu keeps them); dense: 3.5 + 2.25 − 5.5 + 0.25
        assertArrayEquals(new double[] {0.5}, new FloatInference(m).run(new double[] {1, 2, 3, 4}), 1e-12);
        assertEquals("tiny", m.name());
    }

    @Test
    void weightShapeMismatchInLegacyH5() {
        Path file = tinyH5("bad-shape.h5", TINY_CONFIG, new float[][][] {{{-1f}}, {{2f}}, {{3f}}});
        assertMessage("layer 1 'conv' (Conv1D): kernel weight 'conv/kernel' has shape [3, 1, 1] but the config and"
                + " input shape imply [2, 1, 1]", refused(file));
    }

    @Test
    void weightShapeMismatchInKerasArchive() throws IOException {
        Path pdl2 = Oracle.kerasModels().resolve("pdl2/model.keras");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(pdl2.toFile())) {
            for (String name : new String[] {"metadata.json", "config.json", "model.weights.h5"}) {
                entries.put(name, z.getInputStream(z.getEntry(name)).readAllBytes());
            }
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = (ObjectNode) json.readTree(entries.get("config.json"));
        ((ObjectNode) config.get("config").get("layers").get(1).get("config")).put("filters", 9);
        entries.put("config.json", json.writeValueAsBytes(config));
        Path file = zip("bad-shape.keras", entries);
        assertMessage("layer 1 'conv1' (Conv1D): kernel weight '0' has shape [4, 2, 8] but the config and input shape"
                + " imply [4, 2, 9]", refused(file));
    }

    @Test
    void notAZip() throws IOException {
        Path file = dir.resolve("junk.keras");
        Files.writeString(file, "this is not a zip archive");
        ModelException e = refused(file);
        assertMessage("cannot import '" + file + "': not a .keras file (not a zip archive", e);
    }

    @Test
    void zipWithoutConfig() throws IOException {
        Path file = zip("no-config.keras", Map.of("metadata.json", "{}".getBytes(StandardCharsets.UTF_8)));
        assertMessage("the archive has no config.json (the model config; not a Keras 3 .keras file)", refused(file));
    }

    @Test
    void zipWithoutWeights() throws IOException {
        Path file = zip("no-weights.keras", Map.of("config.json", TINY_CONFIG.getBytes(StandardCharsets.UTF_8)));
        assertMessage("the archive has no model.weights.h5 (the weights; not a Keras 3 .keras file)", refused(file));
    }

    @Test
    void configNotJson() throws IOException {
        Path file = zip("bad-json.keras", Map.of("config.json", "{\"class_name\": ".getBytes(StandardCharsets.UTF_8),
                "model.weights.h5", new byte[0]));
        assertMessage("config.json is not valid JSON", refused(file));
    }

    @Test
    void weightsNotHdf5() throws IOException {
        Path file = zip("bad-weights.keras", Map.of("config.json", TINY_CONFIG.getBytes(StandardCharsets.UTF_8),
                "model.weights.h5", "garbage".getBytes(StandardCharsets.UTF_8)));
        assertMessage("model.weights.h5 is not a readable HDF5 file", refused(file));
    }

    @Test
    void h5WithoutModelConfig() {
        Path file = tinyH5("weights-only.h5", null, new float[][][] {{{-1f}}, {{2f}}});
        assertMessage("no root attribute 'model_config' (a weights-only file from save_weights?", refused(file));
    }

    @Test
    void h5ThatIsNotHdf5() throws IOException {
        Path file = dir.resolve("text.h5");
        Files.writeString(file, "plain text");
        assertMessage("not an HDF5 file", refused(file));
    }

    @Test
    void truncatedH5() throws IOException {
        byte[] whole = Files.readAllBytes(Oracle.kerasModels().resolve("pdl2/model.h5"));
        Path file = dir.resolve("truncated.h5");
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 3));
        assertMessage("cannot import '" + file + "': not a readable HDF5 file (damaged or truncated", refused(file));
    }

    @Test
    void unknownExtensionIsSniffed() throws IOException {
        Path junk = dir.resolve("model.bin");
        Files.writeString(junk, "neither zip nor hdf5");
        assertMessage("not a Keras model (neither a .keras zip archive nor an HDF5 .h5 file)", refused(junk));
        Path h5 = tinyH5("tiny.weights", TINY_CONFIG, new float[][][] {{{-1f}}, {{2f}}});
        assertEquals(4, KerasImporter.read(h5).layers().size());
    }

    @Test
    void missingFile() {
        assertThrows(NoSuchFileException.class, () -> KerasImporter.read(dir.resolve("absent.keras")));
    }
}
