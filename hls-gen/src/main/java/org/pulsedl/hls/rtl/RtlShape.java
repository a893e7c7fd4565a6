package org.pulsedl.hls.rtl;

import org.pulsedl.hls.accel.AcceleratorConfig;

/**
 * The sizes the generated RTL derives from an {@link AcceleratorConfig}: widths, address bits and the extra
 * pipeline stages above the minimum latencies (docs/accelerator.md, "RTL implementation notes").
 */
record RtlShape(AcceleratorConfig cfg, String prefix) {
    /** Shortest latencies the datapath implements; longer ones add register stages. */
    static final int MIN_MAC_LATENCY = 4;
    static final int MIN_REQUANT_LATENCY = 4;
    static final int MIN_INPUT_LATENCY = 4;

    /** Product width of one lane: int8 weight times a_bits activation, at most 24 bits. */
    static final int PROD = 24;

    RtlShape {
        if (cfg.macLatency() < MIN_MAC_LATENCY) {
            throw new IllegalArgumentException("mac_latency must be >= " + MIN_MAC_LATENCY
                    + " for the RTL (operand read 2, multiply 1, accumulate 1), got " + cfg.macLatency());
        }
        if (cfg.requantLatency() < MIN_REQUANT_LATENCY) {
            throw new IllegalArgumentException("requant_latency must be >= " + MIN_REQUANT_LATENCY
                    + " for the RTL (lane select, multiply, round, clamp+write), got " + cfg.requantLatency());
        }
        if (cfg.inputLatency() < MIN_INPUT_LATENCY) {
            throw new IllegalArgumentException("input_latency must be >= " + MIN_INPUT_LATENCY
                    + " for the RTL (FIFO read, multiply, round, clamp+write), got " + cfg.inputLatency());
        }
        if (cfg.maxLayers() + 1 > 128) {
            throw new IllegalArgumentException("max_layers must be <= 127 for the RTL (the descriptor window at"
                    + " 0x1000 holds 128 records), got " + cfg.maxLayers());
        }
        if ((long) cfg.paramEntries() * 16 > 0xE000) {
            throw new IllegalArgumentException("param_entries must be <= 3584 for the RTL (the parameter window"
                    + " 0x2000-0xFFFF), got " + cfg.paramEntries());
        }
    }

    int p() { return cfg.pes(); }

    int u() { return cfg.lanes(); }

    int ab() { return cfg.activationBits(); }

    int acc() { return cfg.accBits(); }

    /**
     * Width of the AU accumulators and shadow registers: the largest fan-in's sum of products
     * ({@code AcceleratorConfig.minAccBits}) — the bias joins in the requantiser, which wraps to {@code acc_bits} — so a
     * sum never wraps here and the drain's sign extension gives the value {@code ArraySimulator} keeps.
     */
    int auAcc() { return Math.min(cfg.accBits(), AcceleratorConfig.minAccBits(cfg.maxFanIn(), cfg.activationBits())); }

    int m() { return cfg.mBits(); }

    boolean packed() { return cfg.twoMacsPerDsp(); }

    /** The odd lane of a packed pair has a fabric 8×16 multiplier for int16 layers. */
    boolean int16FullRate() { return cfg.int16FullRate(); }

    /** int16-input layers use only the even lanes (packing without fabric lanes): groups of U/2 channels. */
    boolean int16HalfLanes() { return cfg.lanesFor(true) < cfg.lanes(); }

    int macExtra() { return cfg.macLatency() - MIN_MAC_LATENCY; }

    /**
     * The pipelined controller (AcceleratorConfig.PIPELINED_CONTROL_MAC_LATENCY): the first extra MAC cycle registers
     * the tap's addresses and T1 controls (the "T0 register"), and the layer decode is registered (LayerDecodeRtl).
     */
    boolean pipelinedControl() { return cfg.layerDecodeCycles() > 0; }

    /** Register stages in front of the buffer reads: 1 with the pipelined controller. */
    int tapFront() { return pipelinedControl() ? 1 : 0; }

    /** Extra MAC cycles after the multiply: the product is registered again (a DSP's output register) this often. */
    int productExtra() { return macExtra() - tapFront(); }

    int rqExtra() { return cfg.requantLatency() - MIN_REQUANT_LATENCY; }

    /**
     * Extra requantiser stages that become pipeline cuts inside it (RequantRtl.multiplierCuts: multiplier rows, R2, the
     * inputs, finer rows); the rest delay its output. The fourth extra stage registers the output (a delay stage: the
     * offset, clamp and the buffer write no longer share a cycle), the fifth and later cut the rows finer.
     */
    int rqCuts() { return cuts(rqExtra(), RequantRtl.maxCuts(this, true, m())); }

    /** The input stage's requantiser: pipeline cuts from the input latency budget, allotted as {@link #rqCuts}. */
    int inCuts() { return cuts(inExtra(), RequantRtl.maxCuts(this, false, cfg.inputMBits())); }

    private static int cuts(int extra, int max) {
        return Math.min(max, extra <= 3 ? extra : extra - 1);
    }

    int inExtra() { return cfg.inputLatency() - MIN_INPUT_LATENCY; }

    /** Bits of a lane index. */
    int laneBits() { return V.clog2(u()); }

    /** Index bits of one staging buffer (each context's buffer sits at a power-of-two stride). */
    int stgAw() { return V.clog2(cfg.stagingDepth()); }

    /** Index bits of one activation region. */
    int actAw() { return V.clog2(cfg.actDepth()); }

    /** Index bits of one result buffer. */
    int resAw() { return V.clog2(cfg.maxOutputs()); }

    int weightAw() { return V.clog2(cfg.weightWords()); }

    int paramAw() { return V.clog2(cfg.paramEntries()); }

    int descLines() { return cfg.maxLayers() + 1; }

    int descAw() { return V.clog2(descLines()); }

    /** Sample-address bits of the input FIFO (input_fifo_windows windows of staging_depth samples). */
    int inFifoAw() { return V.clog2((long) cfg.inputFifoWindows() * cfg.stagingDepth()); }

    int inTagAw() { return V.clog2(cfg.inputFifoWindows()); }

    int resFifoAw() { return V.clog2(cfg.resultFifoWords()); }

    /** Windows loaded but not yet unloaded: at most three rounds of 2P; the slot-tag FIFO holds 8P. */
    int slotTagAw() { return V.clog2(8L * p()); }

    /** Bits of a PE index. */
    int peBits() { return V.clog2(p()); }

    /** Byte-address bits of the slave port: the weight window at 0x10000 plus U bytes per weight word. */
    int busAw() { return V.clog2(0x10000L + (long) cfg.weightWords() * u()); }

    String name(String suffix) { return prefix + "_" + suffix; }
}
