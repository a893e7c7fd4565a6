package org.pulsedl.quantizer.testing;

/**
 * The seed of every randomised test in all modules (STYLE item 12): a fixed default per test, or
 * {@code -Dpulsedl.seed=N} to replay one; the seed is printed so a failure names it. Shared with hls-gen and
 * host-daq through quantizer's test jar (package {@code org.pulsedl.quantizer.testing}).
 */
public final class TestSeed {
    /** The one system property that overrides every test's seed. */
    public static final String PROPERTY = "pulsedl.seed";

    private TestSeed() {}

    public static long of(String test, long defaultSeed) {
        String prop = System.getProperty(PROPERTY);
        long seed = prop == null ? defaultSeed : Long.parseLong(prop.trim());
        System.out.println(test + ": seed " + seed + " (rerun with -D" + PROPERTY + "=" + seed + ")");
        return seed;
    }
}
