package org.pulsedl.quantizer.oracle;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The outside oracle for tests: real TensorFlow in the Python venv that {@code scripts/setup.sh}'s
 * {@code ensure_oracle_venv} builds (see {@code scripts/oracle/README.md}). Tests that need it <b>fail</b> with
 * the reason when it is missing — they are never skipped (issue 3: "not silently skipped in CI").
 *
 * <p>Finding the venv: {@code PULSEDL_ORACLE_PYTHON} and {@code PULSEDL_ORACLE_SCRIPTS}; when unset, the
 * repository's {@code .venv/oracle/bin/python} and {@code scripts/oracle} (the repository is found by walking
 * up from the working directory to the folder holding {@code scripts/oracle}).
 *
 * <p>Artefacts a script generates are expensive (TensorFlow's import alone takes seconds), so
 * {@link #cached} keeps them per JVM (one surefire run) in a temp directory deleted at exit.
 */
public final class Oracle {
    /**
     * Per script run. Idle, TensorFlow imports in ~3 s and the Keras models train in ~6 s; on a 2-core machine
     * running other builds (load ~3) the slowest steps took 20 s (keras_models.py, two models) and 24 s
     * (tflite_convert.py, variant). Five minutes leaves a factor of 10 for slower or busier machines;
     * {@code -Dpulsedl.oracle.timeout=SECONDS} overrides it.
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(Long.getLong("pulsedl.oracle.timeout", 300));
    private static final String MISSING = "oracle venv missing: run scripts/test, which creates it via ensure_oracle_venv";
    private static final int STDERR_TAIL_LINES = 30;

    private static final Map<String, Path> CACHE = new HashMap<>();
    private static Path cacheRoot;

    private Oracle() {}

    /** What a script printed. */
    public record Output(String stdout, String stderr) {}

    /** The venv's Python interpreter; fails the test when there is none. */
    public static Path python() {
        String env = System.getenv("PULSEDL_ORACLE_PYTHON");
        Path python;
        if (env != null && !env.isBlank()) {
            python = Path.of(env);
            if (!Files.isExecutable(python)) {
                fail(MISSING + " (PULSEDL_ORACLE_PYTHON=" + env + " is not an executable file)");
            }
            return python;
        }
        Path repo = repoRoot();
        python = repo == null ? null : repo.resolve(".venv/oracle/bin/python");
        if (python == null || !Files.isExecutable(python)) {
            fail(MISSING + " (PULSEDL_ORACLE_PYTHON is unset and "
                    + (python == null ? "no repository with scripts/oracle above " + workingDir() : python + " does not exist")
                    + ")");
        }
        return python;
    }

    /** The folder of the oracle scripts ({@code scripts/oracle}); fails the test when it cannot be found. */
    public static Path scripts() {
        String env = System.getenv("PULSEDL_ORACLE_SCRIPTS");
        if (env != null && !env.isBlank()) {
            Path dir = Path.of(env);
            if (!Files.isDirectory(dir)) {
                fail("oracle scripts missing: PULSEDL_ORACLE_SCRIPTS=" + env + " is not a directory");
            }
            return dir;
        }
        Path repo = repoRoot();
        if (repo == null) {
            fail("oracle scripts missing: PULSEDL_ORACLE_SCRIPTS is unset and no scripts/oracle above " + workingDir());
        }
        return repo.resolve("scripts/oracle");
    }

    /** Runs {@code scripts/oracle/<name>} with the default timeout. */
    public static Output run(String scriptName, String... args) {
        return run(scripts().resolve(scriptName), DEFAULT_TIMEOUT, args);
    }

    /**
     * Runs a Python script (any path, e.g. a test resource) in the oracle venv. Fails the test when the script
     * exits non-zero or exceeds the timeout, quoting the tail of its stderr.
     */
    public static Output run(Path script, Duration timeout, String... args) {
        Path python = python();
        if (!Files.isRegularFile(script)) {
            fail("oracle script missing: " + script);
        }
        List<String> command = new ArrayList<>(List.of(python.toString(), script.toString()));
        command.addAll(List.of(args));
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("pulsedl-oracle-", ".out");
            err = Files.createTempFile("pulsedl-oracle-", ".err");
            Process process = new ProcessBuilder(command)
                    .directory(script.toAbsolutePath().getParent().toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                fail("oracle script " + script.getFileName() + " did not finish within " + timeout.toSeconds() + " s "
                        + "(raise with -Dpulsedl.oracle.timeout=SECONDS): " + String.join(" ", command) + tail(err));
            }
            if (process.exitValue() != 0) {
                fail("oracle script " + script.getFileName() + " failed with exit code " + process.exitValue() + ": "
                        + String.join(" ", command) + tail(err));
            }
            return new Output(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return fail("cannot run oracle script " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running oracle script " + script, e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** Something that fills an empty directory with generated artefacts. */
    @FunctionalInterface
    public interface Generator {
        void generate(Path dir) throws IOException;
    }

    /**
     * A directory holding what {@code generator} wrote, generated once per JVM for {@code key} (a name that
     * identifies the script and its arguments). A failed generation is not cached, so every test that needs
     * it reports the failure.
     */
    public static synchronized Path cached(String key, Generator generator) {
        Path dir = CACHE.get(key);
        if (dir != null) {
            return dir;
        }
        try {
            dir = Files.createDirectory(cacheRoot().resolve(key.replaceAll("[^A-Za-z0-9._-]", "_")));
            generator.generate(dir);
        } catch (IOException e) {
            deleteTree(dir);
            return fail("cannot generate oracle artefacts '" + key + "': " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            deleteTree(dir);
            throw e;
        }
        CACHE.put(key, dir);
        return dir;
    }

    /**
     * {@code keras_models.py} output with default arguments: one folder per model ({@code pdl2},
     * {@code pdl2same}, {@code variant}) holding {@code model.keras}, {@code model.h5}, {@code saved_model/},
     * {@code inputs.npy}, {@code float_outputs.npy}, … (see {@code scripts/oracle/README.md}).
     */
    public static Path kerasModels() {
        return cached("keras_models", dir -> run("keras_models.py", withTrainingSeed("--out", dir.toString())));
    }

    /**
     * {@code args} plus {@code --seed N} when {@code -Dpulsedl.oracle.trainSeed=N} is set: trains the per-machine
     * oracle models differently, to check that the tests reading them hold for any valid model.
     */
    public static String[] withTrainingSeed(String... args) {
        String seed = System.getProperty("pulsedl.oracle.trainSeed");
        if (seed == null || seed.isBlank()) {
            return args;
        }
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--seed";
        all[args.length + 1] = seed.trim();
        return all;
    }

    /**
     * The output of a test-resource script next to {@code owner} (run as {@code script --out DIR}), generated
     * once per JVM.
     */
    public static Path generatedBy(Class<?> owner, String script) {
        java.net.URL url = owner.getResource(script);
        if (url == null) {
            fail("oracle script missing: test resource " + script + " beside " + owner.getName());
        }
        Path path;
        try {
            path = Path.of(url.toURI());
        } catch (java.net.URISyntaxException e) {
            return fail("oracle script " + url + " is not a file", e);
        }
        return cached(owner.getSimpleName() + "-" + script, dir -> run(path, DEFAULT_TIMEOUT, "--out", dir.toString()));
    }

    private static synchronized Path cacheRoot() throws IOException {
        if (cacheRoot == null) {
            Path root = Files.createTempDirectory("pulsedl-oracle-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
            cacheRoot = root;
        }
        return cacheRoot;
    }

    /** The repository root: the nearest folder at or above the working directory holding scripts/oracle. */
    static Path repoRoot() {
        for (Path p = workingDir(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("scripts/oracle"))) {
                return p;
            }
        }
        return null;
    }

    private static Path workingDir() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath();
    }

    private static String tail(Path err) throws IOException {
        List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return " (no stderr)";
        }
        int from = Math.max(0, lines.size() - STDERR_TAIL_LINES);
        return "\n--- stderr (last " + (lines.size() - from) + " of " + lines.size() + " lines) ---\n"
                + String.join("\n", lines.subList(from, lines.size()));
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temp file; the OS cleans it up eventually
            }
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(Oracle::deleteQuietly);
        } catch (IOException | UncheckedIOException ignored) {
            // best effort at JVM exit
        }
    }
}
