package org.pulsedl.hls.rtl;

/** Seeds of randomised tests (STYLE item 12): printed, and {@code -Dpulsedl.seed=N} replays one. */
final class Seeds {
    private Seeds() {}

    static long of(String test, long defaultSeed) {
        String prop = System.getProperty("pulsedl.seed");
        long seed = prop == null ? defaultSeed : Long.parseLong(prop);
        System.out.println(test + ": seed " + seed + " (rerun with -Dpulsedl.seed=" + seed + ")");
        return seed;
    }
}
