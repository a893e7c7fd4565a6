package org.pulsedl.hls.verilog;

/**
 * Who generates a file: the command line that reproduces it and the tool with its version (e.g.
 * {@code "pulsedl hls-gen 0.1.0"}). Emitters combine it with a hash of their inputs into a {@link Banner}.
 */
public record Provenance(String command, String tool) {
    public Provenance {
        if (command == null || command.isBlank()) {
            throw new VerilogSpecException("provenance: command is empty");
        }
        if (tool == null || tool.isBlank()) {
            throw new VerilogSpecException("provenance: tool is empty");
        }
    }

    /** The banner for a file made from {@code canonicalInput}. */
    public Banner banner(String canonicalInput) {
        return Banner.of(this, canonicalInput);
    }
}
