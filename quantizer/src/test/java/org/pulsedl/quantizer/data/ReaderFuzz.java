package org.pulsedl.quantizer.data;

import org.pulsedl.quantizer.quant.TestSeed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The fuzz harness shared by the reader fuzz tests (issue 8 §4): from a seed, hundreds of damaged variants of
 * a valid file — cut at every size class, 1..8 bits flipped, or random bytes — each read under a time limit.
 * A variant must either read correctly or fail with a user error ({@link IOException}) whose message names
 * the file. For a checksummed file, "correctly" means equal to the original: a damaged copy accepted as
 * valid fails (random bytes are no copy of it, and may well be a valid file of another tool). Any other exception, a hang, or a wrong accepted result fails with the seed and the variant.
 * {@code -Dpulsedl.seed=N} replays a run; each variant's mutation depends only on the seed and its number.
 */
final class ReaderFuzz {
    /** What a reader under test returns (compared with {@code equals}). */
    @FunctionalInterface
    interface Reader { Object read(Path file) throws IOException; }

    enum Kind { TRUNCATED, BIT_FLIPPED, RANDOM_BYTES }

    /** Per-variant time limit: far above a correct read of a small file, far below "hung". */
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private final String name;
    private final long seed;
    private final Path dir;
    private final String extension;
    private final Map<Kind, Integer> outcomes = new EnumMap<>(Kind.class);
    private int accepted;
    private int refused;

    ReaderFuzz(String name, long defaultSeed, Path dir, String extension) {
        this.name = name;
        this.seed = TestSeed.of(name, defaultSeed);
        this.dir = dir;
        this.extension = extension;
    }

    /**
     * Runs {@code variants} damaged variants of {@code valid}.
     *
     * @param original the result of reading {@code valid}, which a checksummed reader must return for any
     *                 variant it accepts; {@code null} when the format carries no checksum (any accepted
     *                 result is then only required to come without an error)
     */
    void run(byte[] valid, Reader reader, Object original, int variants) {
        long start = System.nanoTime();
        for (int v = 0; v < variants; v++) {
            // SplittableRandom mixes the bits, so neighbouring variants get unrelated mutations.
            Random random = new Random(new SplittableRandom(seed).split().nextLong() ^ new SplittableRandom(v).nextLong());
            Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
            StringBuilder what = new StringBuilder(kind.toString().toLowerCase().replace('_', ' '));
            byte[] bytes = mutate(valid, kind, random, what);
            check(v, what.toString(), bytes, reader, kind == Kind.RANDOM_BYTES ? null : original);
            outcomes.merge(kind, 1, Integer::sum);
        }
        System.out.printf("%s: %d variants %s in %.1f s: %d accepted, %d refused%n", name, variants, outcomes,
                (System.nanoTime() - start) / 1e9, accepted, refused);
    }

    private void check(int v, String what, byte[] bytes, Reader reader, Object original) {
        String where = name + ": seed " + seed + " variant " + v + " (" + what + "); rerun with -Dpulsedl.seed=" + seed;
        Path file = dir.resolve("variant-" + v + extension);
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            fail(where + ": cannot write the variant", e);
        }
        Object result;
        try {
            result = assertTimeoutPreemptively(LIMIT, () -> reader.read(file), where + ": no answer within " + LIMIT);
        } catch (org.opentest4j.AssertionFailedError e) {
            throw e; // the time limit
        } catch (Throwable e) {
            // assertTimeoutPreemptively passes the reader's checked exceptions through undeclared.
            if (e instanceof NoSuchFileException) fail(where + ": the file exists, but the reader says it does not", e);
            if (!(e instanceof IOException)) fail(where + ": not a user error: " + e, e);
            if (e.getMessage() == null || !e.getMessage().contains(file.toString())) {
                fail(where + ": the message does not name the file: " + e.getMessage(), e);
            }
            refused++;
            delete(file);
            return;
        }
        if (original != null && !original.equals(result)) {
            fail(where + ": a damaged file was accepted as valid and read differently from the original: " + result);
        }
        accepted++;
        delete(file);
    }

    /** A damaged copy of {@code valid}; {@code what} gets the details needed to see what was done. */
    static byte[] mutate(byte[] valid, Kind kind, Random random, StringBuilder what) {
        switch (kind) {
            case TRUNCATED -> {
                int cut = cutLength(valid.length, random);
                what.append(" to ").append(cut).append(" of ").append(valid.length).append(" bytes");
                return Arrays.copyOf(valid, cut);
            }
            case BIT_FLIPPED -> {
                byte[] bytes = valid.clone();
                int flips = 1 + random.nextInt(8);
                what.append(" at");
                for (int i = 0; i < flips; i++) {
                    int at = random.nextInt(bytes.length);
                    int bit = random.nextInt(8);
                    bytes[at] ^= (byte) (1 << bit);
                    what.append(' ').append(at).append('.').append(bit);
                }
                if (Arrays.equals(bytes, valid)) bytes[0] ^= 1; // two flips of one bit cancel: keep it damaged
                return bytes;
            }
            default -> {
                int length = cutLength(2 * valid.length, random);
                byte[] bytes = new byte[length];
                boolean text = random.nextBoolean();
                byte[] alphabet = "0123456789,,,-.\n\n#e".getBytes();
                for (int i = 0; i < length; i++) {
                    bytes[i] = text ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt(256);
                }
                what.append(text ? " (text-like), " : ", ").append(length).append(" bytes");
                return bytes;
            }
        }
    }

    /** A length below {@code size} from one of the size classes: none, a few bytes, a header's worth, anywhere, near the end. */
    private static int cutLength(int size, Random random) {
        int bound = Math.max(size, 1);
        return switch (random.nextInt(6)) {
            case 0 -> 0;
            case 1 -> Math.min(1 + random.nextInt(8), bound - 1);
            case 2 -> Math.min(9 + random.nextInt(120), bound - 1);
            case 3 -> Math.min(129 + random.nextInt(2048), bound - 1);
            case 4 -> random.nextInt(bound);
            default -> Math.max(0, bound - 1 - random.nextInt(Math.min(64, bound)));
        };
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The temporary folder is removed after the test anyway.
        }
    }
}
