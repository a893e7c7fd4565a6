package org.pulsedl.hls.rtl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pulsedl.hls.rtl.ControllerRtl.DescriptorProduct;
import org.pulsedl.hls.verilog.Banner;
import org.pulsedl.hls.verilog.ModuleSpec;
import org.pulsedl.hls.verilog.VerilogFile;

/**
 * The formal proof behind the Verilator twins of the controller's descriptor products ({@link
 * ControllerRtl#DESCRIPTOR_PRODUCTS}): the Booth rows the generator writes for a product ({@code
 * BoothMultiplier.unsignedProduct}, the same call with the same widths) equal {@code a · b mod 2^pw} — the twin's
 * value — for every {@code a} and {@code b}. Yosys writes a miter of the rows against the product Yosys itself builds
 * from {@code a * b}; ABC proves it once per value of the 8-bit multiplier {@code b} with {@code a} free
 * ({@link CaseSplitProof}); the 256 cases together are every input.
 */
final class DescriptorProductProof {
    private final Path dir;

    DescriptorProductProof(Path dir) {
        this.dir = dir;
    }

    /** The rows alone, as a module {@code prod_rows(i_a, i_b, o_p)}. */
    static String rows(DescriptorProduct d) {
        ModuleSpec m = ModuleSpec.builder("prod_rows")
                .header("prod_rows: the generator's Booth rows of " + d.comment() + " (" + d.prefix() + ")")
                .port(V.in("i_a", d.aw(), "multiplicand"))
                .port(V.in("i_b", d.bw(), "multiplier"))
                .port(V.out("o_p", d.pw(), "a * b mod 2^pw"))
                .add(BoothMultiplier.unsignedProduct(d.prefix(), "i_a", d.aw(), "i_b", d.bw(), d.pw(), d.comment()))
                .add(V.assign("o_p", d.prefix() + "_p"))
                .build();
        return new VerilogFile(Banner.of(RtlBench.PROVENANCE, List.of(d.prefix().getBytes(StandardCharsets.UTF_8))), m)
                .text();
    }

    /** {@code text} (the rows, or a broken copy) against {@code a * b mod 2^pw}, for each {@code b} in {@code values}. */
    CaseSplitProof.Result prove(DescriptorProduct d, String text, int[] values) throws IOException {
        String tag = d.prefix();
        Path impl = write(tag + "_rows.v", text);
        Path check = write(tag + "_check.v", String.join("\n",
                "module prod_check(input [" + (d.aw() - 1) + ":0] a, input [" + (d.bw() - 1) + ":0] b);",
                "  wire [" + (d.pw() - 1) + ":0] p;",
                "  wire [" + (d.pw() - 1) + ":0] want;",
                "  prod_rows dut(.i_a(a), .i_b(b), .o_p(p));",
                "  assign want = a * b;   // unsigned, extended to the product's width first: a * b mod 2^pw",
                "  always @* assert(p == want);",
                "endmodule", ""));
        Path ys = write(tag + ".ys", String.join("\n",
                "read_verilog " + impl,
                "read_verilog -formal " + check,
                "hierarchy -top prod_check",
                "proc; flatten; opt -fast",
                "miter -assert prod_check proof",
                "hierarchy -top proof",
                "flatten; opt -fast; techmap; opt -fast; aigmap",
                "setundef -undriven -anyseq; setundef -anyseq; opt_clean",
                "write_aiger -zinit -map " + tag + ".map " + tag + ".aig", ""));
        RtlBench.run(dir, List.of("yosys", "-q", "-l", tag + "-yosys.log", "-s", ys.toString()), 1800);
        return CaseSplitProof.prove(dir, tag + ".aig", tag + ".map", "b", d.bw(), values);
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }
}
