package org.pulsedl.hls.verilog;

import java.util.List;

/** One generated {@code .v} file: a banner and its modules, in order. */
public record VerilogFile(String fileName, Banner banner, List<ModuleSpec> modules) {
    public VerilogFile {
        modules = List.copyOf(modules);
        if (fileName == null || !fileName.matches("[A-Za-z0-9_.-]+\\.v")) {
            throw new VerilogSpecException("verilog file '" + fileName + "': name must be a plain file name ending in .v");
        }
        if (modules.isEmpty()) {
            throw new VerilogSpecException("verilog file '" + fileName + "': no modules");
        }
    }

    /** The file's full text. */
    public String text() {
        return VerilogWriter.file(banner, modules);
    }
}
