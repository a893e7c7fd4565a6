package org.pulsedl.quantizer.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.pulsedl.quantizer.importer.keras.KerasImporter;
import org.pulsedl.quantizer.importer.savedmodel.SavedModelImporter;
import org.pulsedl.quantizer.importer.tflite.TfliteImport;
import org.pulsedl.quantizer.importer.tflite.TfliteImporter;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.qmodel.QModelFormat;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.train.FloatModelFile;
import org.pulsedl.quantizer.util.ModelJson;

/**
 * Every model file the project reads, by its form: our {@code .qmodel} and float-model JSON, Keras
 * {@code .keras}/{@code .h5}, a TensorFlow SavedModel folder, and {@code .tflite} (float or full-integer;
 * an integer file keeps its own quantisation).
 */
public final class ModelFiles {
    public static final String SUPPORTED = ".qmodel, float-model .json, .keras, .h5, .tflite, a SavedModel folder";

    /**
     * A loaded model: exactly one of {@code floatModel} and {@code quantized} is set; {@code input} is the
     * normalisation a SavedModel applies before {@code floatModel} (pulsedl's own export), else null.
     */
    public record Loaded(Path source, String format, Model floatModel, FloatModelFile floatFile, QuantizedModel quantized,
                         InputNormalisation input) {
        public Loaded(Path source, String format, Model floatModel, FloatModelFile floatFile, QuantizedModel quantized) {
            this(source, format, floatModel, floatFile, quantized, null);
        }

        public boolean isQuantized() { return quantized != null; }

        public String name() { return isQuantized() ? quantized.name() : floatModel.name(); }
    }

    private ModelFiles() {}

    /**
     * Loads any supported model file or folder.
     *
     * @throws IOException              when it cannot be read at all
     * @throws IllegalArgumentException a damaged or unsupported file; the one-line message names it
     */
    public static Loaded load(Path path) throws IOException {
        try {
            return loadByForm(path);
        } catch (IllegalArgumentException | IllegalStateException e) {
            String m = e.getMessage();
            if (m != null && m.contains(path.toString())) {
                throw e;
            }
            throw new IllegalArgumentException(path + ": " + ModelJson.oneLine(m), e); // every reader's errors name the file
        }
    }

    private static Loaded loadByForm(Path path) throws IOException {
        if (!Files.exists(path)) throw new NoSuchFileException(path.toString());
        if (Files.isDirectory(path)) {
            if (Files.exists(path.resolve("saved_model.pb"))) {
                SavedModelImporter.SavedModelImport sm = SavedModelImporter.importFrom(path);
                return new Loaded(path, "SavedModel", sm.model(), null, null, sm.input());
            }
            if (Files.exists(path.resolve("model.qmodel"))) return load(path.resolve("model.qmodel"));
            throw new IllegalArgumentException(path + ": a folder that is neither a SavedModel (no saved_model.pb) "
                    + "nor a trained model (no model.qmodel)");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".qmodel")) return new Loaded(path, "qmodel", null, null, QModelFormat.read(path));
        if (name.endsWith(".keras") || name.endsWith(".h5") || name.endsWith(".hdf5")) {
            return new Loaded(path, "Keras", KerasImporter.read(path), null, null);
        }
        if (name.endsWith(".tflite")) {
            TfliteImport t = TfliteImporter.read(path);
            return t.quantized() != null
                    ? new Loaded(path, "TFLite (integer)", null, null, t.quantized())
                    : new Loaded(path, "TFLite (float)", t.floatModel(), null, null);
        }
        if (name.endsWith(".json")) {
            FloatModelFile f = FloatModelFile.read(path);
            return new Loaded(path, "float model", f.model(), f, null);
        }
        throw new IllegalArgumentException(path + ": unknown model form (supported: " + SUPPORTED + ")");
    }
}
