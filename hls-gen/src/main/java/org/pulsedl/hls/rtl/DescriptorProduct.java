package org.pulsedl.hls.rtl;

import java.util.List;
import org.pulsedl.hls.verilog.ModuleItem;

/**
 * A product of two descriptor fields in fabric ({@code prefix_p = a * b mod 2^pw}; every DSP48 stays a MAC), computed
 * by Booth rows at every cycle. Its Verilator twin is one multiply, proven equal to the rows for every input by
 * {@link #PROOF}. The controller's layer decode ({@link ControllerRtl#DESCRIPTOR_PRODUCTS}) and the program header
 * ({@link ProgramRtl#HEADER_PRODUCT}) declare theirs here; the proof reads the same declarations.
 */
record DescriptorProduct(String prefix, String a, int aw, String b, int bw, int pw, String comment) {
    static final String PROOF = "the descriptor products' proof (hls-gen DescriptorProductFormalCiTest)";

    /** The rows and their Verilator twin, declaring {@code prefix_p}. */
    List<ModuleItem> rows() {
        return BoothMultiplier.unsignedProduct(prefix, a, aw, b, bw, pw, comment, PROOF);
    }
}
