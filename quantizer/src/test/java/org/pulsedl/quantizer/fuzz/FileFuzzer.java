package org.pulsedl.quantizer.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.pulsedl.quantizer.testing.TestSeed;

/**
 * The fuzz fixture for file readers (issue 8 §4): damaged variants of a valid file — truncated at every
 * cut-length class, 1–8 random bits flipped, random bytes (bare or behind the valid file's header) — each
 * written to a file and handed to the reader. Every variant must either be read correctly (the test's
 * {@link Check} passes on the result) or be refused with a <b>user error</b>: an {@link IOException},
 * {@link IllegalArgumentException} or {@link IllegalStateException} (what the CLI turns into one line and exit
 * code 2) whose message names the file, is one line and names no Java class. Anything else — another
 * exception, an {@link Error}, a hang beyond {@link #PER_VARIANT} — fails with the seed and the variant.
 *
 * <p>{@code -Dpulsedl.seed=N} replays a run; the failure message names the variant index and its recipe.
 */
public final class FileFuzzer {
    /** Upper bound for one read; a damaged file must never make a reader spin. */
    public static final Duration PER_VARIANT = Duration.ofSeconds(10);
    /** Cut points as fractions of the file, besides 0, 1, the header and length − 1. */
    private static final double[] CUT_FRACTIONS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99};

    /** Reads the file the way the product does. */
    public interface Reader<T> {
        T read(Path file) throws Exception;
    }

    /** Checks an accepted variant: it must have been read correctly (throw an AssertionError if not). */
    public interface Check<T> {
        void accepted(T result, Variant variant) throws Exception;
    }

    /** One damaged file: its index in the run, how it was made, its bytes. */
    public record Variant(int index, String recipe, byte[] bytes) {}

    /** Counts of one run, for the report. */
    public record Summary(int variants, int accepted, int refused, long millis) {
        @Override
        public String toString() {
            return variants + " variants (" + accepted + " read correctly, " + refused + " refused) in " + millis + " ms";
        }
    }

    private FileFuzzer() {}

    /**
     * The variants of {@code valid}: {@code truncations} (the fixed cut classes then random cuts),
     * {@code flips} bit-flipped copies and {@code randoms} random-byte files, from {@code seed}.
     *
     * @param header bytes of the format's fixed header (a cut there is "header only")
     */
    public static List<Variant> variants(byte[] valid, int header, long seed, int truncations, int flips, int randoms) {
        Random rnd = new Random(seed);
        List<Variant> out = new ArrayList<>();
        List<Integer> cuts = new ArrayList<>(List.of(0, 1, Math.min(header, valid.length), valid.length - 1));
        for (double f : CUT_FRACTIONS) {
            cuts.add((int) (valid.length * f));
        }
        while (cuts.size() < truncations) {
            cuts.add(rnd.nextInt(valid.length));
        }
        for (int cut : cuts) {
            out.add(new Variant(out.size(), "truncated to " + cut + " of " + valid.length + " bytes",
                    Arrays.copyOf(valid, cut)));
        }
        for (int i = 0; i < flips; i++) {
            byte[] b = valid.clone();
            int bits = 1 + rnd.nextInt(8);
            StringBuilder where = new StringBuilder();
            for (int k = 0; k < bits; k++) {
                int pos = rnd.nextInt(b.length);
                int bit = rnd.nextInt(8);
                b[pos] ^= (byte) (1 << bit);
                where.append(k == 0 ? "" : ", ").append(pos).append('.').append(bit);
            }
            out.add(new Variant(out.size(), bits + " bit(s) flipped at byte.bit " + where, b));
        }
        for (int i = 0; i < randoms; i++) {
            byte[] noise = new byte[rnd.nextInt(2 * valid.length + 1)];
            rnd.nextBytes(noise);
            boolean keepHeader = i % 2 == 1 && noise.length > header;
            if (keepHeader) {
                System.arraycopy(valid, 0, noise, 0, Math.min(header, valid.length));
            }
            out.add(new Variant(out.size(), noise.length + " random bytes" + (keepHeader ? " behind the valid header" : ""),
                    noise));
        }
        return out;
    }

    /**
     * Runs every variant through {@code reader} in {@code dir} as {@code variant-N.<extension>}; fails on the
     * first variant that is neither read correctly nor refused with a user error.
     */
    public static <T> Summary run(String test, long seed, List<Variant> variants, Path dir, String extension,
                                  Reader<T> reader, Check<T> check) throws IOException {
        long start = System.nanoTime();
        int accepted = 0;
        for (Variant v : variants) {
            Path file = dir.resolve("variant-" + v.index() + "." + extension);
            Files.write(file, v.bytes());
            String replay = test + ": seed " + seed + " (rerun with -Dpulsedl.seed=" + seed + "), variant " + v.index()
                    + " (" + v.recipe() + ")";
            Throwable thrown = null;
            T result = null;
            try {
                result = assertTimeoutPreemptively(PER_VARIANT, () -> reader.read(file), replay + ": reading hung");
            } catch (Throwable t) {
                thrown = t;
            }
            if (thrown == null) {
                try {
                    check.accepted(result, v);
                } catch (Throwable t) {
                    fail(replay + ": accepted but not read correctly: " + t.getMessage(), t);
                }
                accepted++;
            } else {
                String problem = notAUserError(thrown, file);
                if (problem != null) {
                    fail(replay + ": " + problem + "\n" + trace(thrown));
                }
            }
            Files.delete(file);
        }
        Summary s = new Summary(variants.size(), accepted, variants.size() - accepted, (System.nanoTime() - start) / 1_000_000);
        System.out.println(test + ": " + s);
        return s;
    }

    /** A file of the shipped pdl2 model ({@code models/pdl2/<name>}), found from the module or the repository root. */
    public static Path shippedModel(String name) {
        for (Path p : List.of(Path.of("../models/pdl2", name), Path.of("models/pdl2", name))) {
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IllegalStateException("models/pdl2/" + name + " not found from " + Path.of("").toAbsolutePath());
    }

    /** The bytes of a test resource. */
    public static byte[] resource(String name) throws IOException {
        try (var in = FileFuzzer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " missing");
            }
            return in.readAllBytes();
        }
    }

    /** The seed of a fuzz test (one property for all: {@code pulsedl.seed}). */
    public static long seed(String test, long defaultSeed) {
        return TestSeed.of(test, defaultSeed);
    }

    /** Why {@code t} is not the one-line user error naming {@code file} that the CLI needs, or {@code null} if it is. */
    public static String notAUserError(Throwable t, Path file) {
        boolean userType = (t instanceof IOException && !(t instanceof NoSuchFileException))
                || t instanceof IllegalArgumentException || t instanceof IllegalStateException;
        if (!userType) {
            return "threw " + t.getClass().getName() + " (not a user error)";
        }
        String m = t.getMessage();
        if (m == null || !m.contains(file.toString())) {
            return "the message does not name the file: " + m;
        }
        if (m.contains("\n") || m.contains("\r")) {
            return "the message is more than one line: " + m;
        }
        if (m.length() > 1000) {
            return "the message is " + m.length() + " characters long: " + m.substring(0, 300) + "…";
        }
        if (m.contains("java.") || m.contains("Exception") || m.contains("io.jhdf") || m.contains("com.fasterxml")) {
            return "the message names a Java class: " + m;
        }
        return null;
    }

    private static String trace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
