package org.pulsedl.quantizer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.data.DatasetIo;
import org.pulsedl.quantizer.qmodel.QModelFormat;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import org.pulsedl.quantizer.train.FloatModelFile;

/** {@code pulsedl train} and {@code pulsedl quantize} end to end on a tiny dataset, and their user errors. */
class TrainCommandTest {

    static Path tinyData(Path dir) throws Exception {
        SplittableRandom rnd = new SplittableRandom(4);
        int events = 300;
        short[][][] w = new short[events][2][16];
        double[][] labels = new double[events][3];
        for (int e = 0; e < events; e++) {
            double a = 500 + 2500 * rnd.nextDouble();
            double t0 = 32 + 8 * rnd.nextDouble();
            for (int c = 0; c < 2; c++) {
                for (int l = 0; l < 16; l++) {
                    double x = (8.0 * l - t0) / 16.0;
                    w[e][c][l] = (short) Math.round(200 + (x > 0 ? a * x * Math.exp(1 - x) : 0) + 10 * (rnd.nextDouble() - 0.5));
                }
                labels[e][c] = t0;
            }
            labels[e][2] = a;
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("adc_bits", "12");
        Path p = dir.resolve("tiny.csv");
        DatasetIo.write(new Dataset(w, List.of("t_ch0_ns", "t_ch1_ns", "amplitude"), labels, attrs), p);
        return p;
    }

    static String run(Object command, String... args) throws Exception {
        return CommandCall.run(command, args);
    }

    @Test
    void trainWritesEveryFileAndQuantizeReadsTheFloatModel(@TempDir Path dir) throws Exception {
        Path data = tinyData(dir);
        Path out = dir.resolve("model");
        String text = run(new TrainCommand(), "--data", data.toString(), "--per-channel", "--spec",
                "conv1d:4:4:2:relu,flatten,dense:8:relu,dense:2", "--epochs", "3", "--qat-epochs", "1", "--batch", "32",
                "--threads", "1", "--precision", "mixed16", "--out", out.toString());
        assertTrue(text.contains("wrote "), text);
        for (String f : List.of("model.qmodel", "float-model.json", "qat-float-model.json", "training.json", "saved_model/saved_model.pb")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        QuantizedModel q = QModelFormat.read(out.resolve("model.qmodel"));
        assertEquals("INPUT_AND_FIRST_INT16", q.metadata().get("precision"));
        assertEquals(List.of("t_ch_ns", "amplitude"), q.outputs().stream().map(o -> o.name()).toList());
        assertEquals("ns", q.outputs().get(0).unit());
        assertTrue(Files.readString(out.resolve("training.json")).contains("\"phase\" : \"qat\""));
        FloatModelFile f = FloatModelFile.read(out.resolve("float-model.json"));
        assertEquals(List.of("t_ch_ns", "amplitude"), f.outputs());

        Path int8 = dir.resolve("int8.qmodel");
        String qt = run(new QuantizeCommand(), "--model", out.resolve("float-model.json").toString(), "--calib", data.toString(),
                "--precision", "int8", "--range", "percentile:99.9", "--per-tensor", "--rounding", "single", "--m-bits", "15",
                "--out", int8.toString());
        assertTrue(qt.contains("calibrated on 600 windows"), qt);
        QuantizedModel q8 = QModelFormat.read(int8);
        assertEquals("INT8", q8.metadata().get("precision"));
        assertEquals("per-tensor", q8.metadata().get("weights"));
        assertEquals(15, q8.mBits());

        // Training again into the same folder without QAT and without a SavedModel leaves no part of the first
        // model (issue 8: an old saved_model/ survived beside the new model.qmodel); other files stay.
        Files.writeString(out.resolve("notes.txt"), "my notes");
        run(new TrainCommand(), "--data", data.toString(), "--per-channel", "--spec", "conv1d:4:4:2:relu,flatten,dense:8:relu,dense:2",
                "--epochs", "1", "--qat-epochs", "0", "--batch", "32", "--threads", "1", "--no-saved-model", "--out", out.toString());
        try (java.util.stream.Stream<Path> s = Files.list(out)) {
            assertEquals(List.of("float-model.json", "model.qmodel", "notes.txt", "training.json"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("my notes", Files.readString(out.resolve("notes.txt")));
        assertTrue(!Files.readString(out.resolve("training.json")).contains("\"phase\" : \"qat\""), "training.json is the second run's");
    }

    @Test
    void userErrorsHaveClearMessages(@TempDir Path dir) throws Exception {
        Path data = tinyData(dir);
        String out = dir.resolve("o").toString();
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"unknown target label 'energy'; the dataset has labels [t_ch0_ns, t_ch1_ns, amplitude]",
                "--targets", "t_ch{c}_ns,energy"});
        cases.add(new String[] {"model spec item 2 'dense:zero': units 'zero' is not an integer", "--spec", "flatten,dense:zero"});
        cases.add(new String[] {"the model spec has 3 outputs but there are 2 targets; end the spec with dense:2", "--spec", "flatten,dense:3"});
        cases.add(new String[] {"--precision: unknown 'int4' (expected int8, mixed16, int16, input_int16 or input_and_first_int16)",
                "--precision", "int4"});
        cases.add(new String[] {"--rounding: unknown 'up' (expected double or single)", "--rounding", "up"});
        cases.add(new String[] {"validation fraction must be in [0, 0.9], got 0.95", "--val-fraction", "0.95"});
        cases.add(new String[] {"--loss-weight: unknown weight 'inverse' (none, snr or sqrt-snr)", "--loss-weight", "inverse"});
        cases.add(new String[] {"--loss-weight snr needs the noise per window: the dataset has no 'noise_sigma_codes' label or attribute",
                "--loss-weight", "snr"});
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("--data", data.toString(), "--per-channel", "--epochs", "1", "--out", out));
            args.addAll(List.of(c).subList(1, c.length));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> run(new TrainCommand(), args.toArray(String[]::new)), c[0]);
            assertEquals(c[0], e.getMessage());
        }
        IllegalArgumentException labelFree = assertThrows(IllegalArgumentException.class,
                () -> run(new TrainCommand(), "--data", data.toString(), "--label-free", "--loss-weight", "snr", "--out", out));
        assertEquals("--loss-weight does not apply to --label-free (it learns from unlabelled windows)", labelFree.getMessage());
        Path empty = dir.resolve("empty.csv");
        DatasetIo.write(new Dataset(new short[0][][], List.of("amplitude"), new double[0][], Map.of()), empty);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(new TrainCommand(), "--data", empty.toString(), "--out", out));
        assertTrue(e.getMessage().startsWith("the dataset is empty"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> run(new TrainCommand(), "--data", dir.resolve("nope.h5").toString(), "--out", out));
        assertEquals("--data: no such file '" + dir.resolve("nope.h5") + "'", missing.getMessage());
        Path file = Files.writeString(dir.resolve("taken"), "x");
        IllegalArgumentException notAFolder = assertThrows(IllegalArgumentException.class,
                () -> run(new TrainCommand(), "--data", dir.resolve("nope.h5").toString(), "--out", file.toString()));
        assertEquals("--out " + file + ": is an existing file; choose a folder name", notAFolder.getMessage(),
                "the output folder is checked before the data is read");
        Files.createDirectories(dir.resolve("o2/model.qmodel"));
        IllegalArgumentException partIsAFolder = assertThrows(IllegalArgumentException.class,
                () -> run(new TrainCommand(), "--data", data.toString(), "--out", dir.resolve("o2").toString()));
        assertEquals("--out " + dir.resolve("o2") + ": model.qmodel is a folder; training writes a file there: move it away first",
                partIsAFolder.getMessage());
    }
}
