package org.pulsedl.hls.rtl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pulsedl.hls.accel.AcceleratorConfig;

/**
 * The PE's quiescence, proven for the simulation clock gate ({@link QuiescenceProof}): with the enabling inputs low
 * and the others held, the shipped PE's state is a fixed point after fewer edges than the gate waits, in the
 * Verilator branch (the gate exists only there; the multipliers' twins are proven equal to the synthesised rows
 * elsewhere); a fast-clock PE (deep multiplier and requantiser pipelines) too. Non-vacuity: with one enabling input
 * left free, the accumulators never settle, and the check says so. About two minutes of Yosys (memory_map of the
 * PE's memories).
 */
class PeQuiescenceProofTest {
    private static final int LIMIT = 400;

    @BeforeAll
    static void toolsInstalled() {
        RequantProof.requireTools();
    }

    private static void proveSettles(AcceleratorConfig cfg, String label, boolean mutant) throws IOException {
        QuiescenceProof p = QuiescenceProof.pe(cfg, RequantMutants.dir(label));
        Path aag = p.aiger(true);
        int bound = ProcessingElementRtl.settleBound(p.shape());
        QuiescenceProof.Result r = QuiescenceProof.settle(aag, Set.copyOf(ProcessingElementRtl.STATE_ENABLES), LIMIT);
        System.out.printf("PE quiescence (%s, Verilator branch): fixed point after %d edges (gate waits %d); %d latches, "
                        + "%d ANDs, %.1f s%n", label, r.settleEdges(), bound,
                r.latches(), r.ands(), r.seconds());
        assertTrue(r.settled(), () -> label + ": no fixed point within " + LIMIT + " edges; " + r.moving() + " still moves");
        assertTrue(r.settleEdges() <= bound, () -> label + ": the PE settles after " + r.settleEdges()
                + " edges, but the gate stops it after " + bound);
        if (mutant) {
            Set<String> free = new HashSet<>(ProcessingElementRtl.STATE_ENABLES);
            free.remove("i_acc_mac");
            QuiescenceProof.Result open = QuiescenceProof.settle(aag, free, LIMIT);
            System.out.printf("PE quiescence (%s) with i_acc_mac free: %s%n", label,
                    open.settled() ? "settled?!" : "no fixed point, " + open.moving() + " moves");
            assertFalse(open.settled(), "with i_acc_mac free the accumulators must keep moving; the check is vacuous");
        }
    }

    @Test
    void shippedPeSettles() throws IOException {
        AcceleratorConfig cfg = AcceleratorConfig.artix7Default();
        proveSettles(cfg, "pe quiescence shipped", true);
    }

    @Test
    void fastClockPeSettles() throws IOException {
        AcceleratorConfig cfg = AcceleratorConfig.artix7Default().toBuilder().macLatency(6).requantLatency(16)
                .inputLatency(16).twoMacsPerDsp(false).build();
        proveSettles(cfg, "pe quiescence fast clock", false);
    }
}
