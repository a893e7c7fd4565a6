package org.pulsedl.quantizer.importer.tflite;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.pulsedl.quantizer.oracle.Npy;
import org.pulsedl.quantizer.oracle.Oracle;

/**
 * The oracle artefacts the TFLite tests share, generated once per test JVM through {@link Oracle}: the Keras
 * models ({@code pdl2}, {@code variant}) with {@value #SAMPLES} test inputs, their TFLite conversions
 * (float, int8, 16x8; integer I/O; conv bias fused) and LiteRT reference-kernel runs. These are trained afresh on
 * each machine, so only assertions that hold for any valid model may read them (bit-exactness, float agreement
 * within float32 rounding); exact comparisons with the converter's choices read the committed {@link #fixed}
 * models instead (scripts/oracle/README.md, "Tests on any machine").
 */
final class TfliteOracleData {
    /** Realistic test inputs per model (keras_models.py {@code --samples}). */
    static final int SAMPLES = 1200;
    /** Extra uniformly random integer inputs over the whole input range, fed as they are. */
    static final int RANDOM_SAMPLES = 400;
    static final String[] MODELS = {"pdl2", "variant"};

    private TfliteOracleData() {}

    /** {@code OUT/<model>/} of keras_models.py: model.keras, calib.npy, inputs.npy, … */
    static Path keras(String model) {
        return Oracle.cached("tflite-keras", dir -> Oracle.run("keras_models.py", Oracle.withTrainingSeed("--out",
                dir.toString(), "--models", String.join(",", MODELS), "--samples", Integer.toString(SAMPLES))))
                .resolve(model);
    }

    /** {@code model_<mode>.tflite} and {@code .json} of tflite_convert.py for the given I/O and conv-bias form. */
    static Path converted(String model, String io, String convBias) {
        Path k = keras(model);
        return Oracle.cached("tflite-convert-" + model + "-" + io + "-" + convBias, dir -> Oracle.run("tflite_convert.py",
                "--model", k.resolve("model.keras").toString(), "--calib", k.resolve("calib.npy").toString(),
                "--out", dir.toString(), "--modes", "float,int8,16x8", "--io", io, "--conv-bias", convBias));
    }

    /** The standard conversion: integer I/O, Conv1D bias fused into CONV_2D. */
    static Path tflite(String model, String mode) {
        return converted(model, "int", "fused").resolve("model_" + mode + ".tflite");
    }

    /** LiteRT (reference kernels) on the model's realistic float inputs, quantised by the runner. */
    static Path run(String model, String mode, boolean allTensors) {
        Path file = tflite(model, mode);
        Path inputs = keras(model).resolve("inputs.npy");
        return Oracle.cached("tflite-run-" + model + "-" + mode + (allTensors ? "-all" : ""), dir -> {
            if (allTensors) {
                Oracle.run("tflite_run.py", "--model", file.toString(), "--inputs", inputs.toString(),
                        "--out", dir.toString(), "--kernels", "reference", "--all-tensors");
            } else {
                Oracle.run("tflite_run.py", "--model", file.toString(), "--inputs", inputs.toString(),
                        "--out", dir.toString(), "--kernels", "reference");
            }
        });
    }

    /** LiteRT (reference kernels) on uniformly random integer inputs over the input width's whole range. */
    static Path runRandom(String model, String mode, long seed) {
        return runRandom(tflite(model, mode), "tflite-run-random-" + model + "-" + mode, mode, seed);
    }

    /**
     * The committed model {@code fixed/<model>/} (model.keras, calib.npy, model_{float,int8,16x8}.tflite): what
     * tests asserting exact equality of converter output read, so that their verdict cannot depend on a model
     * trained on this machine. Regenerated only on purpose by {@code scripts/oracle/make_fixed_models.sh}.
     */
    static Path fixed(String model) {
        URL url = TfliteOracleData.class.getResource("fixed/" + model);
        if (url == null) {
            throw new IllegalStateException("test resource fixed/" + model + " beside " + TfliteOracleData.class.getName()
                    + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("test resource " + url + " is not a file", e);
        }
    }

    /** {@code model_<mode>.tflite} of the committed model. */
    static Path fixedTflite(String model, String mode) {
        return fixed(model).resolve("model_" + mode + ".tflite");
    }

    /** LiteRT (reference kernels) on the committed model's own calibration windows, quantised by the runner. */
    static Path runFixed(String model, String mode) {
        Path file = fixedTflite(model, mode);
        Path inputs = fixed(model).resolve("calib.npy");
        return Oracle.cached("tflite-run-fixed-" + model + "-" + mode, dir -> Oracle.run("tflite_run.py", "--model",
                file.toString(), "--inputs", inputs.toString(), "--out", dir.toString(), "--kernels", "reference"));
    }

    /** LiteRT (reference kernels) on the committed model and uniformly random integer inputs. */
    static Path runFixedRandom(String model, String mode, long seed) {
        return runRandom(fixedTflite(model, mode), "tflite-run-fixed-random-" + model + "-" + mode, mode, seed);
    }

    private static Path runRandom(Path file, String key, String mode, long seed) {
        return Oracle.cached(key + "-" + seed, dir -> {
            Path in = dir.resolve("random_inputs.npy");
            writeRandomInts(in, mode.equals("16x8"), seed);
            Oracle.run("tflite_run.py", "--model", file.toString(), "--inputs", in.toString(), "--out", dir.toString(),
                    "--kernels", "reference", "--input-kind", "quantized");
        });
    }

    private static void writeRandomInts(Path file, boolean int16, long seed) throws IOException {
        Random rnd = new Random(seed);
        int n = RANDOM_SAMPLES * 32 * 2;
        ByteBuffer data = ByteBuffer.allocate(n * (int16 ? 2 : 1)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            if (int16) {
                data.putShort((short) rnd.nextInt(65536));
            } else {
                data.put((byte) rnd.nextInt(256));
            }
        }
        writeNpy(file, int16 ? "<i2" : "|i1", new int[] {RANDOM_SAMPLES, 32, 2}, data.array());
    }

    /** A minimal {@code .npy} v1.0 writer (C order). */
    static void writeNpy(Path file, String descr, int[] shape, byte[] payload) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            dims.append(d).append(", ");
        }
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims.toString().trim() + "), }";
        int total = (10 + dict.length() + 1 + 63) / 64 * 64;
        String header = dict + " ".repeat(total - 10 - dict.length() - 1) + "\n";
        ByteBuffer b = ByteBuffer.allocate(total + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1)).put(payload);
        Files.write(file, b.array());
    }

    /** Rows of an integer {@code .npy} {@code [N, ...]} as int arrays. */
    static int[][] intRows(Path npy) throws IOException {
        Npy a = Npy.read(npy);
        int n = a.shape()[0];
        int per = a.size() / n;
        int[][] rows = new int[n][per];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < per; i++) {
                rows[r][i] = (int) a.getLong(r * per + i);
            }
        }
        return rows;
    }
}
