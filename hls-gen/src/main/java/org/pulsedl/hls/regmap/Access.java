package org.pulsedl.hls.regmap;

/**
 * What software may do with a register field. RO fields have no storage (hardware drives them through an
 * input port); W1C fields are set by hardware and cleared by software writing 1s; WO fields are stored but
 * read back as 0 (commands, FIFO pushes).
 */
public enum Access {
    RO, RW, W1C, WO;

    public boolean readable() {
        return this != WO;
    }

    public boolean writable() {
        return this != RO;
    }

    /** True if the field has a flip-flop in the register file. */
    public boolean stored() {
        return this != RO;
    }
}
