package org.pulsedl.hls.rtl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.rtl.RequantProof.Unit;

/**
 * Seeded bugs for the requantiser proofs (RequantFormalCiTest, RequantFormalTest): one-line edits of the generated
 * Verilog, each a mistake the generator could make, and the checks that the proof rejects them (the proof is not
 * vacuous).
 */
final class RequantMutants {
    private RequantMutants() {}

    /** The rounding add of stage R2 {@code +1 -> +0} (every mode that rounds). */
    static String roundingOffset(String text) {
        return mutate(text, "(assign sb +=.*\\+ )34'd1;", "$134'd0;");
    }

    /** SINGLE's shift {@code shr - 1 -> shr - 2}. */
    static String offByOneShift(String text) {
        return mutate(text, "(assign sh +=.*i_shr - )6'd1", "$16'd2");
    }

    /** SINGLE's saturation dropped (the PE's requantiser with an R2 cut). */
    static String droppedSaturation(String text) {
        return mutate(text, "(assign y32 += \\()\\w+ &&", "$11'b0 &&");
    }

    /** The clamp at act_min dropped (the input stage). */
    static String droppedClamp(String text) {
        return mutate(text, "(assign clamped += )below \\? min2_r : ", "$1");
    }

    /** Booth digit 3's sign flipped (visible to the Booth proof only: the contract proof cuts the product). */
    static String flippedBoothDigit(String text) {
        return mutate(text, "(assign mul_neg3 += )(.*);", "$1~($2);");
    }

    /** {@code text} with the one match of {@code regex} replaced (fails if there is not exactly one). */
    static String mutate(String text, String regex, String replacement) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertTrue(m.find(), "mutation target " + regex + " not found");
        assertFalse(m.find(), "mutation target " + regex + " found twice");
        String out = m.replaceFirst(replacement);
        assertNotEquals(text, out);
        return out;
    }

    /** The proof of {@code unit}'s requantiser in configuration {@code cfg}, working in formal/mutant-NAME. */
    static RequantProof proof(AcceleratorConfig cfg, Unit unit, String name) throws IOException {
        return new RequantProof(cfg, unit, dir("mutant " + name));
    }

    /** The contract proof must reject {@code broken}, in a case whose cover held (a real counterexample). */
    static void rejected(RequantProof p, String broken, String what) throws IOException {
        RequantProof.Outcome o = p.requant(broken);
        System.out.printf("mutant %s: rejected=%s in case '%s' after %d cases (yosys %.1f s, abc %.1f s)%n", what,
                !o.proven(), o.failedCase(), o.casesRun(), o.yosysSeconds(), o.abcSeconds());
        assertFalse(o.proven(), what + ": the proof accepted a broken requantiser");
        assertFalse(o.vacuous(), what + ": rejected only because the case's check was never reached:\n" + o.log());
    }

    /** The Booth proof must reject {@code broken}. */
    static void boothRejected(RequantProof p, String broken, String what) throws IOException {
        RequantProof.Result r = p.booth(broken);
        System.out.printf("mutant %s: rejected=%s (%.1f s)%n", what, !r.proven(), r.seconds());
        assertFalse(r.proven(), what + ": the Booth proof accepted a broken multiplier");
    }

    static Path dir(String label) throws IOException {
        return RtlBench.dir("formal/" + label.replaceAll("[^A-Za-z0-9]+", "-"));
    }
}
