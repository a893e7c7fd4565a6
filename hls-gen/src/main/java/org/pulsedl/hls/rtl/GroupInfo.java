package org.pulsedl.hls.rtl;

/**
 * The identity of a group ({@code ArraySimulator.Group}) as the bits that travel with its taps from issue to the
 * capture and on to the drain: where its values go and how they are requantised.
 */
final class GroupInfo {
    private GroupInfo() {}

    /** The layout; the controller packs it at T0, the drain reads the fields back. */
    static Bundle layout() {
        return new Bundle().add("seglast", 1).add("ctx", 1).add("rpar", 1).add("dst", 2).add("mode", 3)
                .add("spread", 1).add("n", 7).add("pidx", 16).add("waddr", 16).add("zout", 16).add("amin", 16)
                .add("amax", 16);
    }
}
