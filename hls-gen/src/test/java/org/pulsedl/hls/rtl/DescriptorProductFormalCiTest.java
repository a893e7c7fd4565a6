package org.pulsedl.hls.rtl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The descriptor products in CI ({@link DescriptorProductProof}): each product's Booth rows equal {@code a · b mod
 * 2^pw} for every input, which is what their Verilator twin computes; with a Booth digit's sign flipped, each is
 * rejected (the checks are reached and can fail).
 */
class DescriptorProductFormalCiTest {
    @BeforeAll
    static void toolsInstalled() {
        RequantProof.requireTools();
    }

    private static List<DescriptorProduct> all() {
        List<DescriptorProduct> all = new ArrayList<>(ControllerRtl.DESCRIPTOR_PRODUCTS);
        all.add(ProgramRtl.HEADER_PRODUCT);
        return all;
    }

    @Test
    void everyDescriptorProductEqualsItsMultiply() throws IOException {
        DescriptorProductProof p = new DescriptorProductProof(RequantMutants.dir("ci descriptor products"));
        for (DescriptorProduct d : all()) {
            long t0 = System.nanoTime();
            CaseSplitProof.Result r = p.prove(d, DescriptorProductProof.rows(d));
            System.out.printf("descriptor product %s (%s, %d x %d bits mod 2^%d): rows proven in %.1f s%n", d.prefix(),
                    d.comment(), d.aw(), d.bw(), d.pw(), (System.nanoTime() - t0) / 1e9);
            assertTrue(r.proven(), () -> d.prefix() + ": rows not proven:\n" + r.log());
        }
    }

    @Test
    void flippedDigitIsRejected() throws IOException {
        DescriptorProductProof p = new DescriptorProductProof(RequantMutants.dir("ci descriptor product mutant"));
        for (DescriptorProduct d : all()) {
            String broken = RequantMutants.mutate(DescriptorProductProof.rows(d), "(assign " + d.prefix()
                    + "_neg2 += )(.*);", "$1~($2);");
            assertFalse(p.prove(d, broken).proven(), "the flipped Booth digit 1 of " + d.prefix() + " was not rejected");
        }
    }
}
