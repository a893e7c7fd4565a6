package org.pulsedl.hls.verilog;

/** A named net or variable with a known declaration (port, wire, reg), usable in checked connections. */
public interface Signal {
    String name();

    Width width();

    boolean signed();
}
