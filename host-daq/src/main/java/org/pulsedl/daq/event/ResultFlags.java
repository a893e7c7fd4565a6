package org.pulsedl.daq.event;

import java.util.ArrayList;
import java.util.List;

/** The flag bits of a RESULT record (DESIGN §5; docs/listmode.md lists them). */
public final class ResultFlags {
    /** A sample of the window sat at the ADC's lowest or highest code: the outputs describe a clipped pulse. */
    public static final int SATURATED = 1;
    /** Another event started within this event's window: the pulses overlap and the outputs may be biased. */
    public static final int PILEUP = 1 << 1;

    private ResultFlags() {}

    /** The names of the bits set in {@code flags}, for people (unknown bits as {@code bitN}). */
    public static List<String> names(int flags) {
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < 16; bit++) {
            if ((flags & (1 << bit)) == 0) continue;
            names.add(switch (1 << bit) {
                case SATURATED -> "saturated";
                case PILEUP -> "pileup";
                default -> "bit" + bit;
            });
        }
        return names;
    }
}
