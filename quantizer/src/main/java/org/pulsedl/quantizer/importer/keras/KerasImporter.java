package org.pulsedl.quantizer.importer.keras;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.model.ModelException;
import org.pulsedl.quantizer.util.ModelJson;

/**
 * Imports a Keras model into the float IR: the Keras 3 {@code .keras} archive (a zip of {@code config.json},
 * {@code metadata.json} and {@code model.weights.h5}) and the legacy {@code .h5} file (config JSON in the root
 * attribute {@code model_config}, weights under {@code /model_weights/<layer>/}), both read with jhdf.
 *
 * <p>Only the DESIGN §2 subset in a plain chain is accepted; anything else fails with one
 * {@link ModelException} naming the file, the layer (index in the config, name, class) and the reason —
 * never a partial model. See {@link KerasModelConfig} (graph shape), {@link KerasModelBuilder} (layers,
 * weight shapes) and {@link ActivationFusion} (standalone activations).
 */
public final class KerasImporter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** Largest {@code model.weights.h5} unpacked from a {@code .keras} archive. */
    static final long MAX_WEIGHTS_BYTES = 256L << 20;
    private static final byte[] HDF5_MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private KerasImporter() {}

    /**
     * Reads a {@code .keras} or {@code .h5}/{@code .hdf5} file (chosen by extension; other names by content).
     *
     * @throws IOException    the file cannot be read
     * @throws ModelException the file is not a usable Keras model, or the model is outside the subset
     */
    public static Model read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".keras")) {
            return readKeras(file);
        }
        if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
            return readH5(file);
        }
        byte[] head = head(file);
        if (startsWith(head, ZIP_MAGIC)) {
            return readKeras(file);
        }
        if (startsWith(head, HDF5_MAGIC)) {
            return readH5(file);
        }
        throw new ModelException("cannot import '" + file + "': not a Keras model (neither a .keras zip archive nor an HDF5 .h5 file)");
    }

    /** Reads a Keras 3 {@code .keras} archive. */
    public static Model readKeras(Path file) throws IOException {
        requireFile(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            JsonNode config = parseJson(entry(zip, "config.json", "the model config", ModelJson.MAX_BYTES), "config.json");
            byte[] weights = entry(zip, "model.weights.h5", "the weights", MAX_WEIGHTS_BYTES);
            KerasModelConfig model = KerasModelConfig.parse(config);
            if (!startsWith(weights, HDF5_MAGIC)) {
                throw new ModelException("model.weights.h5 is not a readable HDF5 file (no HDF5 signature)");
            }
            return readHdf5("model.weights.h5 is ", () -> {
                try (HdfFile h5 = HdfFile.fromBytes(weights)) {
                    return KerasModelBuilder.build(model, new Keras3Weights(h5, model.layers(), model.sequential()));
                }
            });
        } catch (ZipException e) {
            throw new ModelException("cannot import '" + file + "': not a .keras file (not a zip archive: "
                    + ModelJson.oneLine(e.getMessage()) + ")");
        } catch (ModelException e) {
            throw new ModelException("cannot import '" + file + "': " + ModelJson.oneLine(e.getMessage()));
        }
    }

    /** Reads a legacy Keras {@code .h5} file saved with {@code model.save(...)}. */
    public static Model readH5(Path file) throws IOException {
        requireFile(file);
        if (!startsWith(head(file), HDF5_MAGIC)) {
            throw new ModelException("cannot import '" + file + "': not an HDF5 file (a legacy Keras .h5 model starts with the HDF5 signature)");
        }
        try {
            return readHdf5("", () -> {
                try (HdfFile h5 = new HdfFile(file)) {
                    Attribute configAttr = h5.getAttribute("model_config");
                    if (configAttr == null) {
                        throw new ModelException("no root attribute 'model_config' (a weights-only file from save_weights?"
                                + " pulsedl needs the whole model, saved with model.save)");
                    }
                    JsonNode config = parseJson(attributeText(configAttr), "model_config");
                    KerasModelConfig model = KerasModelConfig.parse(config);
                    Node weights = h5.getChild("model_weights");
                    if (!(weights instanceof Group group)) {
                        throw new ModelException("no group 'model_weights' (the file holds no weights)");
                    }
                    return KerasModelBuilder.build(model, new LegacyWeights(group));
                }
            });
        } catch (ModelException e) {
            throw new ModelException("cannot import '" + file + "': " + ModelJson.oneLine(e.getMessage()));
        }
    }

    /**
     * The one boundary around jhdf: whatever it throws on a damaged file (its own exceptions, an index or buffer
     * error, a failed allocation for an absurd declared size, a stack overflow on a cyclic structure) becomes one
     * {@link ModelException} saying "{@code subject}not a readable HDF5 file". Our own refusals pass through.
     */
    private static <T> T readHdf5(String subject, Supplier<T> body) {
        try {
            return body.get();
        } catch (ModelException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            String detail = e.getMessage() == null || e instanceof OutOfMemoryError || e.getMessage().contains("java.")
                    || e.getMessage().contains("Exception") ? "" : ": " + e.getMessage();
            throw new ModelException(subject + "not a readable HDF5 file (damaged or truncated" + detail + ")");
        }
    }

    private static byte[] entry(ZipFile zip, String name, String what, long maxBytes) {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new ModelException("the archive has no " + name + " (" + what + "; not a Keras 3 .keras file)");
        }
        byte[] data;
        try (InputStream in = zip.getInputStream(e)) {
            data = in.readNBytes((int) maxBytes + 1);
        } catch (IOException ex) {
            throw new ModelException("the archive entry " + name + " is damaged (" + ModelJson.oneLine(ex.getMessage()) + ")");
        }
        if (data.length > maxBytes) {
            throw new ModelException("the archive entry " + name + " unpacks to more than " + (maxBytes >> 20)
                    + " MB, more than any pulsedl model needs (a damaged archive or a zip bomb)");
        }
        // ZipFile does not check a stored entry's CRC-32; the archive records one, so a damaged entry is refused here.
        CRC32 crc = new CRC32();
        crc.update(data);
        if (e.getCrc() != -1 && crc.getValue() != e.getCrc()) {
            throw new ModelException("the archive entry " + name + " is damaged (its CRC-32 does not match the archive's)");
        }
        return data;
    }

    private static JsonNode parseJson(byte[] bytes, String what) {
        return parseJson(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), what);
    }

    private static JsonNode parseJson(String text, String what) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new ModelException(what + " is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ModelException(what + " is not valid JSON: " + ModelJson.oneLine(e.getOriginalMessage()));
        }
    }

    private static String attributeText(Attribute a) {
        Object data = a.getData();
        if (data instanceof String s) {
            return s;
        }
        if (data instanceof String[] arr && arr.length == 1) {
            return arr[0];
        }
        throw new ModelException("root attribute 'model_config' is not a string");
    }

    private static void requireFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such model file");
        }
    }

    private static byte[] head(Path file) throws IOException {
        requireFile(file);
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8);
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(Arrays.copyOf(data, prefix.length), prefix);
    }
}
