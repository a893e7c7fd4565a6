package org.pulsedl.hls.rtl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.rtl.RequantProof.Unit;

/**
 * The formal proof's whole matrix, an opt-in benchmark (docs/accelerator.md, "Formal proof";
 * testbenches/formal/README.md); the shipped depths run in every build as {@link RequantFormalCiTest}. Each distinct
 * module the generator writes for the latencies it accepts is proven equal to the hand-written contract for every
 * input (both rounding modes, INT64 and RAW, each case covered), and its Booth rows equal to a multiply; five more
 * seeded bugs must be rejected.
 *
 * <p>{@code -Dpulsedl.formal=ci}: every {@code requant_latency} and {@code input_latency} the generator accepts
 * (1–32), deduplicated by the module's code (so a deeper pipeline the generator learns is covered without a change
 * here), at the default widths (m_bits and input_m_bits 31, 16-bit activations: INT64 present, the widest shifters).
 * {@code -Dpulsedl.formal=full}: also every m_bits = input_m_bits from 2 to 31 with 8- and 16-bit activations (hours).
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
                    RequantProof p = new RequantProof(cfg, unit, null);
                    String text = p.generated();
                    String label = unit + " a" + cfg.activationBits() + " m" + p.variant().m()
                            + (unit == Unit.PE ? " requant_latency " : " input_latency ") + lat
                            + " (" + p.variant().cuts() + " cuts)";
                    // the header's input hash differs with the configuration: compare the code only
                    String code = text.replaceAll("(?m)^// Input hash: .*$", "");
                    distinct.putIfAbsent(unit + code, new Subject(label, cfg, unit, text));
                }
            }
        }
        return distinct.values().stream().map(Arguments::of);
    }

    @BeforeAll
    static void toolsInstalled() {
        RequantProof.requireTools();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void requantiserEqualsTheContract(Subject s) throws IOException {
        RequantProof p = new RequantProof(s.cfg(), s.unit(), RequantMutants.dir(s.label()));
        RequantProof.Outcome o = p.requant(s.text());
        System.out.printf("requant proof %s: %d cases, yosys %.1f s, abc %.1f s%n", s.label(), o.casesRun(),
                o.yosysSeconds(), o.abcSeconds());
        assertTrue(o.proven(), () -> s.label() + ": case " + o.failedCase() + (o.vacuous() ? " never reaches its check"
                : " not proven") + ":\n" + o.log());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void boothRowsEqualAMultiply(Subject s) throws IOException {
        RequantProof p = new RequantProof(s.cfg(), s.unit(), RequantMutants.dir(s.label() + " booth"));
        RequantProof.Result r = p.booth(s.text());
        System.out.printf("booth proof %s: %.1f s%n", s.label(), r.seconds());
        assertTrue(r.proven(), () -> s.label() + ": Booth rows not proven:\n" + r.log());
    }

    // ---- seeded bugs beyond the CI subset's (RequantFormalCiTest): each must fail the proof ----

    @Test
    void wrongRoundingOffsetIsRejected() throws IOException {
        RequantProof p = RequantMutants.proof(AcceleratorConfig.artix7Default(), Unit.INPUT, "rounding");
        RequantMutants.rejected(p, RequantMutants.roundingOffset(p.generated()), "rounding add +1 -> +0");
    }

    @Test
    void offByOneShiftIsRejected() throws IOException {
        RequantProof p = RequantMutants.proof(AcceleratorConfig.artix7Default(), Unit.INPUT, "shift");
        RequantMutants.rejected(p, RequantMutants.offByOneShift(p.generated()), "SINGLE shift shr-1 -> shr-2");
    }

    @Test
    void droppedSaturationIsRejected() throws IOException {
        RequantProof p = RequantMutants.proof(AcceleratorConfig.artix7Default(), Unit.PE, "saturation");
        RequantMutants.rejected(p, RequantMutants.droppedSaturation(p.generated()), "SINGLE saturation dropped");
    }

    @Test
    void droppedClampIsRejected() throws IOException {
        RequantProof p = RequantMutants.proof(AcceleratorConfig.artix7Default(), Unit.INPUT, "clamp");
        RequantMutants.rejected(p, RequantMutants.droppedClamp(p.generated()), "clamp at act_min dropped");
    }

    @Test
    void flippedBoothDigitInThePeIsRejected() throws IOException {
        RequantProof p = RequantMutants.proof(AcceleratorConfig.artix7Default(), Unit.PE, "pe booth");
        RequantMutants.boothRejected(p, RequantMutants.flippedBoothDigit(p.generated()), "PE Booth digit 3 sign flipped");
    }
}
