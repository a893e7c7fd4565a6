package org.pulsedl.protocol;

/** Bits of the header's {@code flags} field (code = bit number). */
public enum FrameFlag implements Coded {
    REQUEST(0, "asks the peer for this message: the board answers INFO, CONFIG (operation GET) and STATS "
            + "requests with the same type and REPLY set"),
    REPLY(1, "answers a REQUEST"),
    ACK_REQUESTED(2, "the receiver answers with ACK or NACK naming this frame's sequence (MODEL_LOAD, CONFIG SET, "
            + "START and STOP always are)");

    private final int bit;
    private final String description;

    FrameFlag(int bit, String description) {
        this.bit = bit;
        this.description = description;
    }

    @Override
    public int code() {
        return bit;
    }

    /** The flag's bit in the 16-bit field. */
    public int mask() {
        return 1 << bit;
    }

    public boolean in(int flags) {
        return (flags & mask()) != 0;
    }

    @Override
    public String description() {
        return description;
    }
}
