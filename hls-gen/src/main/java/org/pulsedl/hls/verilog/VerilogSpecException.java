package org.pulsedl.hls.verilog;

/**
 * A Verilog spec broke a rule at {@code build()}. The message names the object (module, port, instance...)
 * and the rule, so a generator bug points at the piece that caused it (STYLE item 4).
 */
public final class VerilogSpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public VerilogSpecException(String message) {
        super(message);
    }
}
