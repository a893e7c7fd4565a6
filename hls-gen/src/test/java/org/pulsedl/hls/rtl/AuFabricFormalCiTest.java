package org.pulsedl.hls.rtl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pulsedl.hls.accel.AcceleratorConfig;

/**
 * The fabric lane's proof in CI (testbenches/formal/README.md): the shipped arithmetic unit's Booth rows equal
 * {@code w_hi · a} for every weight and activation ({@link AuFabricProof}), and a flipped Booth digit is rejected (the
 * check is reached and can fail). The generated RTL names this proof next to the rows' Verilator-only twin (a plain
 * multiply that Verilator simulates instead of the rows). About 30 s of CPU.
 */
class AuFabricFormalCiTest {
    @BeforeAll
    static void toolsInstalled() {
        RequantProof.requireTools();
    }

    private static AuFabricProof proof(String label) throws IOException {
        AcceleratorConfig cfg = AcceleratorConfig.artix7Default();
        assertTrue(cfg.int16FullRate(), "the shipped configuration has no fabric lane (int16_full_rate off)");
        return new AuFabricProof(cfg, RequantMutants.dir(label));
    }

    @Test
    void shippedFabricRowsEqualAMultiply() throws IOException {
        AuFabricProof p = proof("ci au fabric");
        AuFabricProof.Result r = p.prove(p.generated(), AuFabricProof.allWeights());
        System.out.printf("au fabric proof at the shipped configuration: %d weights, %.1f s%n", r.casesRun(),
                r.seconds());
        assertTrue(r.proven(), () -> "fabric rows not proven for weight " + r.failedWeight() + ":\n" + r.log());
    }

    @Test
    void flippedFabricDigitIsRejected() throws IOException {
        AuFabricProof p = proof("ci au fabric mutant");
        String broken = RequantMutants.mutate(p.generated(), "(assign fab_neg3 += )(.*);", "$1~($2);");
        int[] some = new int[37];                       // every 7th weight: the flip shows wherever digit 2 is not 0
        for (int i = 0; i < some.length; i++) {
            some[i] = 7 * i;
        }
        AuFabricProof.Result r = p.prove(broken, some);
        System.out.printf("au fabric mutant (digit 2 sign flipped): rejected at weight %s, %.1f s%n",
                r.failedWeight(), r.seconds());
        assertFalse(r.proven(), "the flipped Booth digit 2 of the fabric rows was not rejected");
    }
}
