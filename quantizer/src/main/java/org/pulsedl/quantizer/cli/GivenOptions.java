package org.pulsedl.quantizer.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Which options the user typed, as opposed to their defaults, so that a command refuses an option that does not
 * apply in the mode it runs in instead of silently ignoring it (docs/errors.md).
 */
public final class GivenOptions {
    private GivenOptions() {}

    /** True when option {@code name} was on the command line of {@code spec}'s command (false outside picocli). */
    public static boolean given(CommandSpec spec, String name) {
        if (spec == null || spec.commandLine() == null) return false;
        ParseResult parsed = spec.commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption(name);
    }

    /** Refuses the first of {@code names} that was given: "NAME does not apply WHY". */
    public static void refuse(CommandSpec spec, String why, Iterable<String> names) {
        for (String name : names) {
            if (given(spec, name)) throw new IllegalArgumentException(name + " does not apply " + why);
        }
    }

    /** {@link #refuse(CommandSpec, String, Iterable)} for a few names. */
    public static void refuse(CommandSpec spec, String why, String... names) {
        refuse(spec, why, java.util.List.of(names));
    }
}
