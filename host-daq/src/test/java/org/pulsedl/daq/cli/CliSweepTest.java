package org.pulsedl.daq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * Hostile invocations of every subcommand — missing files, folders, empty files, random bytes under each accepted
 * extension, wrong extensions, a model and data that do not fit, options that do not apply, absurd numbers,
 * unknown options — each must be refused with exit code 2 and one clean line on stderr (no Java class name, no
 * stack trace). The random files come from a seed: {@code -Dpulsedl.seed=N} replays a run.
 */
class CliSweepTest {
    private static final Path SHIPPED = Path.of("..", "models", "pdl2");
    /** Extensions some command accepts as input. */
    private static final List<String> EXTENSIONS = List.of("h5", "hdf5", "csv", "qmodel", "tflite", "keras", "json", "npy");
    private static final List<String> DATASETS = List.of("h5", "hdf5", "csv");
    private static final List<String> MODELS = List.of("qmodel", "tflite", "keras", "h5", "json");

    @TempDir
    static Path dir;

    @BeforeAll
    static void fixtures() throws IOException {
        long seed = TestSeed.of("CliSweepTest", 8L);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (String ext : EXTENSIONS) {
            Files.write(dir.resolve("random." + ext), bytes(rnd, 4096));
            Files.write(dir.resolve("empty." + ext), new byte[0]);
        }
        // Random content behind each binary format's signature, so the reader gets past its first check.
        Files.write(dir.resolve("signed.h5"), concat(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'}, bytes(rnd, 4096)));
        Files.write(dir.resolve("signed.tflite"), concat(new byte[] {16, 0, 0, 0, 'T', 'F', 'L', '3'}, bytes(rnd, 4096)));
        Files.write(dir.resolve("signed.keras"), concat(new byte[] {'P', 'K', 3, 4}, bytes(rnd, 4096)));
        Files.write(dir.resolve("signed.npy"), concat(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, bytes(rnd, 4096)));
        Files.writeString(dir.resolve("text.csv"), "ch0_s0,ch0_s1\n1,2,3\nx,y\n");
        Files.writeString(dir.resolve("data.txt"), "1,2,3\n");
        Files.writeString(dir.resolve("half.json"), "{\"format\": \"pulsedl-qmodel\", \"layers\": [");
        Files.createDirectories(dir.resolve("folder.h5"));
        Files.createDirectories(dir.resolve("folder.qmodel"));
        CliRun.of("simulate", "--out", path("d32.h5"), "--events", "300").assertSuccess();
        CliRun.of("simulate", "--out", path("d64.h5"), "--events", "300", "--samples", "64").assertSuccess();
        CliRun.of("simulate", "--out", path("d1ch.csv"), "--events", "300", "--channels", "1").assertSuccess();
    }

    @TestFactory
    Stream<DynamicTest> everyHostileInvocationIsOneCleanLine() {
        List<String[]> cases = new ArrayList<>();
        for (String sub : List.of("simulate", "bench", "demo", "convert", "train", "quantize", "import", "inspect", "trace",
                "generate", "predict")) {
            cases.add(new String[] {sub, "--no-such-option"});
        }
        String fm = SHIPPED.resolve("float-model.json").toString();
        for (String bad : badInputs(DATASETS)) {
            cases.add(new String[] {"bench", "--data", bad, "--methods", "dcfd"});
            cases.add(new String[] {"trace", "--data", bad});
            cases.add(new String[] {"convert", "--in", bad, "--out", path("out.csv")});
            cases.add(new String[] {"train", "--data", bad, "--out", path("trained")});
            cases.add(new String[] {"quantize", "--model", fm, "--calib", bad, "--out", path("q.qmodel")});
            cases.add(new String[] {"predict", "--model", SHIPPED.toString(), "--data", bad, "--out", path("y.npy")});
        }
        for (String bad : badInputs(List.of("npy"))) {
            cases.add(new String[] {"predict", "--model", SHIPPED.toString(), "--in", bad, "--out", path("y.npy")});
        }
        for (String bad : badInputs(MODELS)) {
            cases.add(new String[] {"bench", "--model", bad});
            cases.add(new String[] {"trace", "--model", bad});
            cases.add(new String[] {"demo", "--model", bad, "--out", path("demo")});
            cases.add(new String[] {"import", bad, "--out", path("imported.json")});
            cases.add(new String[] {"inspect", bad});
            cases.add(new String[] {"predict", "--model", bad, "--data", path("d32.h5"), "--out", path("y.npy")});
            cases.add(new String[] {"generate", "--model", bad, "--out", path("gen")});
        }
        for (String bad : badInputs(List.of("json"))) {
            cases.add(new String[] {"quantize", "--model", bad, "--calib", path("d32.h5"), "--out", path("q.qmodel")});
            // (an empty properties file is an empty configuration, so only the JSON variants are bad here)
            cases.add(new String[] {"generate", "--model", SHIPPED.toString(), "--config", bad, "--out", path("gen")});
        }
        for (String bad : badInputs(List.of("csv"))) {
            cases.add(new String[] {"simulate", "--template", bad, "--out", path("s.csv"), "--events", "10"});
        }
        String d32 = path("d32.h5"), d64 = path("d64.h5");
        for (String n : List.of("-1", "0", "1e12", "99999999999", "ten")) {
            cases.add(new String[] {"simulate", "--out", path("n.csv"), "--events", n});
            cases.add(new String[] {"bench", "--events", n});
            cases.add(new String[] {"demo", "--events", n, "--out", path("demo")});
            cases.add(new String[] {"trace", "--events", n});
            cases.add(new String[] {"quantize", "--model", SHIPPED.resolve("float-model.json").toString(), "--calib", d32,
                    "--calib-windows", n, "--out", path("q.qmodel")});
            cases.add(new String[] {"generate", "--model", SHIPPED.toString(), "-P", n, "--out", path("gen")});
        }
        String[][] more = {
                // a model and data that do not fit
                {"bench", "--data", d64, "--model", "builtin", "--methods", "nn_int"},
                {"bench", "--samples", "64", "--model", "builtin", "--methods", "nn_int"},
                {"trace", "--data", d64},
                {"trace", "--samples", "16"},
                {"quantize", "--model", SHIPPED.resolve("float-model.json").toString(), "--calib", d64, "--out", path("q.qmodel")},
                // options that do not apply
                {"bench", "--data", d32, "--snr", "30"},
                {"bench", "--data", d32, "--seed", "3"},
                {"bench", "--data", d32, "--samples", "32"},
                {"bench", "--data", d32, "--snr-sweep", "30:40:5"},
                {"bench", "--data", d32, "--events", "5000"},
                {"trace", "--data", d32, "--tau", "10"},
                {"simulate", "--out", path("x.csv"), "--shape", "dexp", "--tau", "10"},
                {"simulate", "--out", path("x.csv"), "--rise-tau", "1"},
                {"simulate", "--out", path("x.csv"), "--template-step", "1"},
                {"simulate", "--out", path("x.csv"), "--amplitude-dist", "uniform:0.1:0.5", "--amplitude", "0.3"},
                {"simulate", "--out", path("x.csv"), "--snr", "30", "--noise-sigma", "2"},
                {"train", "--data", d32, "--out", path("t"), "--lf-pairs", "3"},
                {"train", "--data", d32, "--out", path("t"), "--label-free", "--qat-epochs", "2"},
                {"train", "--data", d32, "--out", path("t"), "--qat-epochs", "0", "--qat-lr", "1e-3"},
                {"convert", "--in", d32, "--ila", d32, "--out", path("c.csv")},
                {"convert", "--in", d32, "--samples", "32", "--out", path("c.csv")},
                // absurd or contradictory numbers
                {"bench", "--snr-sweep", "-10:-20:5"},
                {"bench", "--snr-sweep", "30:10:5"},
                {"bench", "--snr-sweep", "0:1000:0.001"},
                {"bench", "--snr-sweep", "a:b:c"},
                {"demo", "--snr-sweep", "50:40:5", "--out", path("demo")},
                {"demo", "--sweep-events", "0", "--out", path("demo")},
                {"simulate", "--out", path("x.csv"), "--samples", "0"},
                {"simulate", "--out", path("x.csv"), "--samples", "-4"},
                {"simulate", "--out", path("x.csv"), "--channels", "0"},
                {"simulate", "--out", path("x.csv"), "--adc-bits", "40"},
                {"simulate", "--out", path("x.csv"), "--sampling-rate", "0"},
                {"simulate", "--out", path("x.csv"), "--tau", "-1"},
                {"simulate", "--out", path("x.csv"), "--shape", "square"},
                {"simulate", "--out", path("x.csv"), "--amplitude-dist", "bogus"},
                {"simulate", "--out", path("x.csv"), "--offset", "1,2,3"},
                {"simulate", "--out", path("x.txt")},
                {"trace", "--event", "99999", "--events", "10"},
                {"trace", "--channel", "5", "--events", "10"},
                {"train", "--data", d32, "--out", path("t"), "--precision", "int4"},
                {"train", "--data", d32, "--out", path("t"), "--m-bits", "99"},
                {"quantize", "--model", SHIPPED.resolve("float-model.json").toString(), "--calib", d32, "--range", "bogus",
                        "--out", path("q.qmodel")},
                {"import", SHIPPED.resolve("model.qmodel").toString(), "--out", path("wrong.json")},
                {"generate", "--model", SHIPPED.toString(), "--layout", "bogus", "--out", path("gen")},
                {"generate", "--model", SHIPPED.toString(), "--preset", "bogus", "--out", path("gen")},
                {"generate", "--model", SHIPPED.toString(), "--set", "nonsense", "--out", path("gen")},
                {"generate", "--model", SHIPPED.toString(), "--set", "no_such_key=1", "--out", path("gen")},
                {"generate", "--model", SHIPPED.toString(), "--lanes", "3", "--out", path("gen")},
                {"generate", "--model", SHIPPED.resolve("float-model.json").toString(), "--out", path("gen")},
                // missing required parts
                {"simulate"},
                {"convert", "--in", d32},
                {"import", SHIPPED.toString()},
                {"inspect"},
                {"predict", "--model", SHIPPED.toString(), "--out", path("y.npy")},
                {"predict", "--model", SHIPPED.toString(), "--data", path("d32.h5"), "--in", path("signed.npy"), "--out",
                        path("y.npy")},
                {"predict", "--model", SHIPPED.toString(), "--data", d64, "--out", path("y.npy")},
                {"predict", "--model", SHIPPED.toString(), "--data", d32, "--out", path("y.npy"), "--dequantize", "--physical"},
                {"quantize", "--model", SHIPPED.resolve("float-model.json").toString()},
        };
        cases.addAll(List.of(more));
        return cases.stream().map(args -> DynamicTest.dynamicTest(String.join(" ", args),
                () -> CliRun.of(args).assertUserError()));
    }

    /**
     * Paths a command might be given where it expects a file with one of {@code extensions}, none of them readable
     * as one: missing, a folder, a folder named like a file, another format's extension, and empty, random and
     * signature-then-random files with each extension.
     */
    private static List<String> badInputs(List<String> extensions) {
        List<String> bad = new ArrayList<>(List.of(path("missing." + extensions.get(0)), dir.toString(), path("folder.h5"),
                path("folder.qmodel"), path("data.txt")));
        for (String ext : extensions) {
            bad.add(path("random." + ext));
            bad.add(path("empty." + ext));
            if (Files.exists(dir.resolve("signed." + ext))) bad.add(path("signed." + ext));
        }
        if (extensions.contains("csv")) bad.add(path("text.csv"));
        if (extensions.contains("json")) bad.add(path("half.json"));
        return bad;
    }

    private static String path(String name) {
        return dir.resolve(name).toString();
    }

    private static byte[] bytes(SplittableRandom rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
