package org.pulsedl.hls.rtl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.rtl.RequantProof.Unit;

/**
 * The formal proof of the generated requantisers (docs/accelerator.md, "Formal proof"; testbenches/formal/README.md):
 * each distinct module the generator writes for the latencies it accepts is proven equal to the hand-written
 * contract for every input (both rounding modes, INT64 and RAW), and its Booth rows equal to a multiply; seeded bugs
 * must be rejected.
 *
 * <p>Which configurations: every {@code input_latency} the generator accepts, deduplicated by the module text (so a
 * deeper pipeline the generator learns is covered without a change here), and the PE's requantiser at the shipped
 * {@code requant_latency} (two cuts, the deepest), at the default widths (m_bits and input_m_bits 31, 16-bit
 * activations: INT64 present, the widest shifters). With {@code -Dpulsedl.formal=full}: every requant_latency too,
 * and every m_bits = input_m_bits from 2 to 31 with 8- and 16-bit activations (a benchmark: hours).
 */
@EnabledIfSystemProperty(named = "pulsedl.formal", matches = "ci|full",
        disabledReason = "the formal proof runs with -Dpulsedl.formal=ci (docs/accelerator.md, Formal proof)")
class RequantFormalTest {
    private static final int LATENCY_LIMIT = 32;                // AcceleratorConfig's range for both latencies

    /** One distinct generated requantiser: how it was configured, and its text. */
    record Subject(String label, AcceleratorConfig cfg, Unit unit, String text) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Arguments> subjects() {
        boolean full = "full".equals(System.getProperty("pulsedl.formal"));
        List<UnaryOperator<AcceleratorConfig.Builder>> widths = new ArrayList<>();
        if (full) {
            for (int ab : new int[] {8, 16}) {
                for (int m = 2; m <= 31; m++) {
                    int mm = m;
                    widths.add(b -> b.activationBits(ab).mBits(mm).inputMBits(mm));
                }
            }
        } else {
            widths.add(b -> b);                                 // the default: 16-bit activations, m_bits 31
        }
        Map<String, Subject> distinct = new LinkedHashMap<>();
        for (Unit unit : Unit.values()) {
            for (int w = 0; w < widths.size(); w++) {
                for (int lat = 1; lat <= LATENCY_LIMIT; lat++) {
                    AcceleratorConfig.Builder b = widths.get(w).apply(AcceleratorConfig.artix7Default().toBuilder());
                    AcceleratorConfig cfg;
                    try {
                        cfg = (unit == Unit.PE ? b.requantLatency(lat) : b.inputLatency(lat)).build();
                        new RtlShape(cfg, AcceleratorRtl.TOP);
                    } catch (IllegalArgumentException e) {
                        continue;                               // a latency the generator does not accept
                    }
                    if (!full && unit == Unit.PE && lat != AcceleratorConfig.artix7Default().requantLatency()) {
                        continue;                               // CI: the PE at its shipped depth only (time)
                    }
                    RequantProof p = new RequantProof(cfg, unit, null);
                    String text = p.generated();
                    String label = unit + " a" + cfg.activationBits() + " m" + p.variant().m()
                            + (unit == Unit.PE ? " requant_latency " : " input_latency ") + lat
                            + " (" + p.variant().cuts() + " cuts)";
                    distinct.putIfAbsent(unit + text, new Subject(label, cfg, unit, text));
                }
            }
        }
        return distinct.values().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void requantiserEqualsTheContract(Subject s) throws IOException {
        RequantProof p = new RequantProof(s.cfg(), s.unit(), dir(s.label()));
        RequantProof.Outcome o = p.requant(s.text());
        System.out.printf("requant proof %s: %d cases, yosys %.1f s, abc %.1f s%n", s.label(), o.casesRun(),
                o.yosysSeconds(), o.abcSeconds());
        assertTrue(o.proven(), () -> s.label() + ": case " + o.failedCase() + " not proven:\n" + o.log());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void boothRowsEqualAMultiply(Subject s) throws IOException {
        RequantProof p = new RequantProof(s.cfg(), s.unit(), dir(s.label() + " booth"));
        RequantProof.Result r = p.booth(s.text());
        System.out.printf("booth proof %s: %.1f s%n", s.label(), r.seconds());
        assertTrue(r.proven(), () -> s.label() + ": Booth rows not proven:\n" + r.log());
    }

    // ---- seeded bugs: each must fail the proof (the proof is not vacuous) ----

    /** The input stage's requantiser of the default configuration (0 cuts: the mutations' targets are visible). */
    private static RequantProof inputStage(String name) throws IOException {
        return new RequantProof(AcceleratorConfig.artix7Default(), Unit.INPUT, dir("mutant " + name));
    }

    /** The PE's requantiser with two cuts (the R2 cut renames the saturation flags). */
    private static RequantProof pe(String name) throws IOException {
        return new RequantProof(AcceleratorConfig.artix7Default(), Unit.PE, dir("mutant " + name));
    }

    /** {@code text} with the one match of {@code regex} replaced (fails if there is not exactly one). */
    private static String mutate(String text, String regex, String replacement) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertTrue(m.find(), "mutation target " + regex + " not found");
        assertFalse(m.find(), "mutation target " + regex + " found twice");
        String out = m.replaceFirst(replacement);
        assertNotEquals(text, out);
        return out;
    }

    private static void rejected(RequantProof p, String broken, String what) throws IOException {
        RequantProof.Outcome o = p.requant(broken);
        System.out.printf("mutant %s: rejected=%s in case '%s' after %d cases (yosys %.1f s, abc %.1f s)%n", what,
                !o.proven(), o.failedCase(), o.casesRun(), o.yosysSeconds(), o.abcSeconds());
        assertFalse(o.proven(), what + ": the proof accepted a broken requantiser");
    }

    @Test
    void wrongRoundingOffsetIsRejected() throws IOException {
        RequantProof p = inputStage("rounding");
        rejected(p, mutate(p.generated(), "(assign sb +=.*\\+ )34'd1;", "$134'd0;"), "rounding add +1 -> +0");
    }

    @Test
    void offByOneShiftIsRejected() throws IOException {
        RequantProof p = inputStage("shift");
        rejected(p, mutate(p.generated(), "(assign sh +=.*i_shr - )6'd1", "$16'd2"), "SINGLE shift shr-1 -> shr-2");
    }

    @Test
    void droppedSaturationIsRejected() throws IOException {
        RequantProof p = pe("saturation");
        rejected(p, mutate(p.generated(), "(assign y32 += \\()\\w+ &&", "$11'b0 &&"), "SINGLE saturation dropped");
    }

    @Test
    void droppedClampIsRejected() throws IOException {
        RequantProof p = inputStage("clamp");
        rejected(p, mutate(p.generated(), "(assign clamped += )below \\? min2_r : ", "$1"), "clamp at act_min dropped");
    }

    @Test
    void flippedBoothDigitIsRejected() throws IOException {
        RequantProof p = pe("booth");
        String broken = mutate(p.generated(), "(assign mul_neg3 += )(.*);", "$1~($2);");
        RequantProof.Result r = p.booth(broken);
        System.out.printf("mutant Booth digit 3 sign flipped: rejected=%s (%.1f s)%n", !r.proven(), r.seconds());
        assertFalse(r.proven(), "the Booth proof accepted a flipped digit");
    }

    private static Path dir(String label) throws IOException {
        return RtlBench.dir("formal/" + label.replaceAll("[^A-Za-z0-9]+", "-"));
    }
}
