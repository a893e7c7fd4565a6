package org.pulsedl.daq.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.pulsedl.quantizer.golden.fast.FastGoldenModel;
import org.pulsedl.quantizer.qmodel.OutputScaling;
import org.pulsedl.quantizer.qmodel.QModelFormat;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.train.FakeQuantInference;
import org.pulsedl.quantizer.train.FloatModelFile;

/**
 * A trained network as the benchmark runs it on one channel window: the integer golden model
 * ({@code nn_int}, run by its compiled form {@code FastGoldenModel}), its fake-quantised float twin ({@code nn_fakequant}) and, when the float model file is
 * next to the {@code .qmodel}, the float network ({@code nn_float}). The network's outputs are matched to
 * time and energy by their names and units (a time output is in ns; the energy output is named
 * amplitude/energy).
 */
public final class NeuralModel {
    /** The float model file the trainer writes next to {@code model.qmodel}. */
    public static final String FLOAT_MODEL_FILE = "float-model.json";
    public static final String QMODEL_FILE = "model.qmodel";

    private final Path source;
    private final QuantizedModel quantized;
    private final FloatModelFile floatModel;
    private final int timeOutput;
    private final int energyOutput;

    private NeuralModel(Path source, QuantizedModel quantized, FloatModelFile floatModel) {
        this.source = source;
        this.quantized = quantized;
        this.floatModel = floatModel;
        if (quantized.inputStage() == null) {
            throw new IllegalArgumentException(source + ": the model has no input stage (ADC code → input), so it cannot run on ADC windows");
        }
        if (quantized.inputStage().channels() != 1) {
            throw new IllegalArgumentException(source + ": the model takes " + quantized.inputStage().channels()
                    + " channels per window; the benchmark runs one channel window at a time");
        }
        int[] roles = outputRoles(quantized, source.toString());
        this.timeOutput = roles[0];
        this.energyOutput = roles[1];
    }

    /**
     * Which outputs of {@code quantized} are the time and the energy: {@code {time, energy}}, −1 where there is none
     * (a time output is in ns or its name starts with t; the energy output is named amplitude/energy).
     */
    public static int[] outputRoles(QuantizedModel quantized, String source) {
        List<OutputScaling> outs = quantized.outputs();
        int t = -1, e = -1;
        if (outs.isEmpty() && quantized.outputShape().size() == 2) {
            t = 0; // unnamed two-output regression head: the project's convention is (time, amplitude)
            e = 1;
        }
        for (int i = 0; i < outs.size(); i++) {
            String name = outs.get(i).name().toLowerCase();
            if (t < 0 && (outs.get(i).unit().equals("ns") || name.startsWith("t"))) t = i;
            else if (e < 0 && (name.contains("amplitude") || name.contains("energy"))) e = i;
        }
        if (t < 0 && e < 0) {
            throw new IllegalArgumentException(source + ": no output is a time (unit ns) or an amplitude/energy; outputs: "
                    + outs.stream().map(OutputScaling::name).toList());
        }
        return new int[] {t, e};
    }

    /** The name that selects the shipped default model. */
    public static final String BUILTIN = "builtin";
    /** Where the shipped default model lives on the class path (copied from models/pdl2 at build time). */
    private static final String BUILTIN_RESOURCE = "/models/pdl2/";

    /** {@link #BUILTIN} or a path. */
    public static NeuralModel resolve(String pathOrBuiltin) throws IOException {
        return BUILTIN.equals(pathOrBuiltin) ? builtin() : load(Path.of(pathOrBuiltin));
    }

    /** The shipped default model (models/pdl2 in the repository). */
    public static NeuralModel builtin() throws IOException {
        Path dir = Files.createTempDirectory("pulsedl-model");
        for (String file : new String[] {QMODEL_FILE, FLOAT_MODEL_FILE}) {
            try (var in = NeuralModel.class.getResourceAsStream(BUILTIN_RESOURCE + file)) {
                if (in == null) throw new IOException("the built-in model is missing " + file + " (rebuild pulsedl)");
                Files.copy(in, dir.resolve(file));
            }
        }
        try {
            NeuralModel m = load(dir);
            return new NeuralModel(Path.of("builtin:models/pdl2"), m.quantized, m.floatModel);
        } finally {
            for (String file : new String[] {QMODEL_FILE, FLOAT_MODEL_FILE}) Files.deleteIfExists(dir.resolve(file));
            Files.deleteIfExists(dir);
        }
    }

    /** Loads {@code model.qmodel} (and {@code float-model.json} beside it) from a folder, or a {@code .qmodel} file. */
    public static NeuralModel load(Path path) throws IOException {
        Path qmodel = Files.isDirectory(path) ? path.resolve(QMODEL_FILE) : path;
        if (!Files.exists(qmodel)) throw new java.nio.file.NoSuchFileException(qmodel.toString());
        Path floatFile = qmodel.toAbsolutePath().resolveSibling(FLOAT_MODEL_FILE);
        FloatModelFile f = Files.exists(floatFile) ? FloatModelFile.read(floatFile) : null;
        return new NeuralModel(path, QModelFormat.read(qmodel), f);
    }

    /** The method names this model provides, in report order. */
    public List<String> methodNames() {
        List<String> names = new ArrayList<>();
        if (floatModel != null) names.add("nn_float");
        names.add("nn_fakequant");
        names.add("nn_int");
        return names;
    }

    /** The named method, or null when the name is not a network method. */
    public Method method(String name) {
        return switch (name) {
            case "nn_int" -> {
                // The golden model's integers by its compiled form (tested equal to GoldenModel): all windows of a
                // benchmark in one parallel batch, where it is fast; one window per call where a caller needs that.
                FastGoldenModel fast = FastGoldenModel.compile(quantized);
                Method one = method(name, w -> quantized.toPhysical(fast.runBatchFromAdc(new short[][][] {{w}})[0]));
                int t = timeOutput, e = energyOutput;
                yield new Method(name, one.hasTime(), one.hasEnergy(), one.estimator(), (windows, out) -> {
                    short[][][] adc = new short[windows.length][][];
                    for (int i = 0; i < adc.length; i++) adc[i] = new short[][] {windows[i]};
                    long[][] q = fast.runBatchFromAdcParallel(adc);
                    for (int i = 0; i < q.length; i++) {
                        double[] p = quantized.toPhysical(q[i]);
                        if (t >= 0) out[i][0] = p[t];
                        if (e >= 0) out[i][1] = p[e];
                    }
                });
            }
            case "nn_fakequant" -> {
                FakeQuantInference fq = new FakeQuantInference(quantized);
                yield method(name, w -> fq.runFromAdc(new short[][] {w}));
            }
            case "nn_float" -> {
                if (floatModel == null) {
                    throw new IllegalArgumentException("nn_float needs " + FLOAT_MODEL_FILE + " next to the .qmodel of " + source);
                }
                yield method(name, w -> floatModel.runFromAdc(new short[][] {w}));
            }
            default -> null;
        };
    }

    public QuantizedModel quantized() { return quantized; }

    /** Samples per window the network takes (one channel; the constructor refuses others). */
    public int windowSamples() { return quantized.inputShape().size(); }

    /**
     * Refuses windows of {@code samples} when the network takes another length, naming the model, {@code data} and
     * both lengths. Call it before any work: the network's own check would stop the run only at its first window.
     */
    public void checkWindows(int samples, String data) {
        int n = windowSamples();
        if (samples != n) {
            throw new IllegalArgumentException("model " + source + " takes windows of " + n + " samples, but the windows of "
                    + data + " are " + samples + " samples long; use a model trained on " + samples + "-sample windows, or data with "
                    + n + " samples per window");
        }
        if (floatModel != null && floatModel.model().inputShape().size() != n) {
            throw new IllegalArgumentException("model " + source + ": " + FLOAT_MODEL_FILE + " takes " + floatModel.model().inputShape()
                    + " but the .qmodel takes " + quantized.inputShape() + "; they are not the same network");
        }
    }

    /** The float model file, or null when none was found next to the {@code .qmodel}. */
    public FloatModelFile floatModel() { return floatModel; }

    private Method method(String name, Function<short[], double[]> run) {
        int t = timeOutput, e = energyOutput;
        return new Method(name, t >= 0, e >= 0, (w, out) -> {
            double[] p = run.apply(w);
            if (t >= 0) out[0] = p[t];
            if (e >= 0) out[1] = p[e];
        });
    }
}
