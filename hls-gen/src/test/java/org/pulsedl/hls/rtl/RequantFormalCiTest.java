package org.pulsedl.hls.rtl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.rtl.RequantProof.Unit;

/**
 * The formal proof's CI subset (docs/accelerator.md, "Formal proof"; testbenches/formal/README.md), run by every
 * {@code mvn test}: the requantisers the shipped configuration generates — the PE's at its {@code requant_latency}
 * (two cuts) and the input stage's at its {@code input_latency} (no cut) — equal the hand-written contract for every
 * input in every case of the split (both rounding modes, INT64, RAW), each case also covered (its check is reached
 * with its assumptions holding); their Booth rows equal a multiply; and two seeded bugs are rejected: a flipped
 * Booth digit (Booth proof) and a wrong rounding add in a deep input stage (contract proof; input register, four
 * cuts: the operand and product steps of a deep pipeline are modelled, the proof is not vacuous there). About four
 * minutes of CPU (docs/performance.md). The whole matrix of depths and widths is the opt-in benchmark
 * {@link RequantFormalTest}.
 */
class RequantFormalCiTest {
    /** A deep input stage for the non-vacuity mutant: inputs registered, R2 split twice, one multiplier cut. */
    static final int DEEP_INPUT_LATENCY = 9;

    @BeforeAll
    static void toolsInstalled() {
        RequantProof.requireTools();
    }

    private static void proven(Unit unit) throws IOException {
        AcceleratorConfig cfg = AcceleratorConfig.artix7Default();
        RequantProof p = new RequantProof(cfg, unit, RequantMutants.dir("ci " + unit + " requant"));
        RequantProof.Outcome o = p.requant(p.generated());
        System.out.printf("requant proof %s at the shipped depth (%d cuts): %d cases, yosys %.1f s, abc %.1f s%n",
                unit, p.variant().cuts(), o.casesRun(), o.yosysSeconds(), o.abcSeconds());
        assertTrue(o.proven(), () -> unit + ": case " + o.failedCase() + (o.vacuous() ? " never reaches its check"
                : " not proven") + ":\n" + o.log());
    }

    private static void boothProven(Unit unit) throws IOException {
        RequantProof p = new RequantProof(AcceleratorConfig.artix7Default(), unit,
                RequantMutants.dir("ci " + unit + " booth"));
        RequantProof.Result r = p.booth(p.generated());
        System.out.printf("booth proof %s at the shipped depth: %.1f s%n", unit, r.seconds());
        assertTrue(r.proven(), () -> unit + ": Booth rows not proven:\n" + r.log());
    }

    @Test
    void peRequantiserEqualsTheContract() throws IOException {
        proven(Unit.PE);
    }

    @Test
    void inputRequantiserEqualsTheContract() throws IOException {
        proven(Unit.INPUT);
    }

    @Test
    void peBoothRowsEqualAMultiply() throws IOException {
        boothProven(Unit.PE);
    }

    @Test
    void inputBoothRowsEqualAMultiply() throws IOException {
        boothProven(Unit.INPUT);
    }

    @Test
    void flippedBoothDigitIsRejected() throws IOException {
        RequantProof p = RequantMutants.proof(AcceleratorConfig.artix7Default(), Unit.INPUT, "ci booth");
        RequantMutants.boothRejected(p, RequantMutants.flippedBoothDigit(p.generated()), "Booth digit 3 sign flipped");
    }

    @Test
    void wrongRoundingInADeepPipelineIsRejected() throws IOException {
        AcceleratorConfig deep = AcceleratorConfig.artix7Default().toBuilder().inputLatency(DEEP_INPUT_LATENCY).build();
        RequantProof p = RequantMutants.proof(deep, Unit.INPUT, "ci deep rounding");
        RequantMutants.rejected(p, RequantMutants.roundingOffset(p.generated()),
                "rounding add +1 -> +0 at input_latency " + DEEP_INPUT_LATENCY + " (" + p.variant().cuts() + " cuts)");
    }
}
