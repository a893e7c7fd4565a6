package org.pulsedl.hls.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pulsedl.hls.rtl.ControllerRtl.DescriptorProduct;

/**
 * The controller's descriptor products in CI ({@link DescriptorProductProof}): each product's Booth rows equal
 * {@code a · b mod 2^pw} for every input, which is what their Verilator twin computes; a flipped Booth digit is
 * rejected (the check is reached and can fail).
 */
class DescriptorProductFormalCiTest {
    @BeforeAll
    static void toolsInstalled() {
        RequantProof.requireTools();
    }

    @Test
    void everyDescriptorProductEqualsItsMultiply() throws IOException {
        DescriptorProductProof p = new DescriptorProductProof(RequantMutants.dir("ci descriptor products"));
        assertEquals(8, ControllerRtl.DESCRIPTOR_PRODUCTS.get(0).bw(), "the split assumes 8-bit multipliers");
        Set<String> proven = new HashSet<>();      // rows that differ only in their prefix are one proof
        for (DescriptorProduct d : ControllerRtl.DESCRIPTOR_PRODUCTS) {
            if (!proven.add(DescriptorProductProof.rows(d).replaceAll("//.*", "").replace(d.prefix() + "_", "x_"))) {
                System.out.printf("descriptor product %s: the same rows as one proven above%n", d.prefix());
                continue;
            }
            long t0 = System.nanoTime();
            CaseSplitProof.Result r = p.prove(d, DescriptorProductProof.rows(d), AuFabricProof.allWeights());
            System.out.printf("descriptor product %s (%s): %d cases, %.1f s%n", d.prefix(), d.comment(), r.casesRun(),
                    (System.nanoTime() - t0) / 1e9);
            assertTrue(r.proven(), () -> d.prefix() + ": rows not proven for b = " + r.failedValue() + ":\n" + r.log());
        }
    }

    @Test
    void flippedDigitIsRejected() throws IOException {
        DescriptorProduct d = ControllerRtl.DESCRIPTOR_PRODUCTS.get(1);
        String broken = RequantMutants.mutate(DescriptorProductProof.rows(d), "(assign " + d.prefix()
                + "_neg2 += )(.*);", "$1~($2);");
        int[] some = new int[37];
        for (int i = 0; i < some.length; i++) {
            some[i] = 7 * i;
        }
        CaseSplitProof.Result r = new DescriptorProductProof(RequantMutants.dir("ci descriptor product mutant"))
                .prove(d, broken, some);
        System.out.printf("descriptor product mutant (%s digit 1 sign flipped): rejected at b = %s%n", d.prefix(),
                r.failedValue());
        assertFalse(r.proven(), "the flipped Booth digit of " + d.prefix() + " was not rejected");
    }
}
