package org.pulsedl.hls.accel;

/**
 * Seeds for randomised tests (STYLE item 12): {@code -Dpulsedl.seed=N} reproduces a run, otherwise a fixed default
 * per test; the seed is printed so a failure names it.
 */
final class Seeds {
    private Seeds() {}

    static long of(String test, long defaultSeed) {
        String prop = System.getProperty("pulsedl.seed");
        long seed = prop == null ? defaultSeed : Long.parseLong(prop);
        System.out.println(test + ": seed " + seed + " (rerun with -Dpulsedl.seed=" + seed + ")");
        return seed;
    }
}
