package org.pulsedl.hls.verilog;

import java.util.List;

/**
 * One generated {@code .v} file: a banner and one module, in a file named after the module (one module
 * per file keeps Verilator's DECLFILENAME lint quiet and lets tools find modules by name).
 */
public record VerilogFile(Banner banner, ModuleSpec module) {
    public VerilogFile {
        if (banner == null || module == null) {
            throw new VerilogSpecException("verilog file: banner and module are required");
        }
    }

    /** {@code <module>.v}. */
    public String fileName() {
        return module.name() + ".v";
    }

    /** The file's full text. */
    public String text() {
        return VerilogWriter.file(banner, List.of(module));
    }
}
