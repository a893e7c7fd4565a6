package org.pulsedl.hls.accel;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.pulsedl.quantizer.quant.RoundingMode;

/**
 * Generator parameters of the accelerator (docs/accelerator.md §5). Immutable; every invariant is checked in the
 * constructor and a violation names the parameter, its value and the limit.
 *
 * @param pes              P, processing elements = windows computed side by side per context
 * @param lanes            U, arithmetic units per PE = output channels computed at once (multiple of 4)
 * @param weightBits       w_bits, always 8 (DESIGN §2)
 * @param activationBits   a_bits, widest activation the datapath carries: 8, or 16 for TFLite 16x8 layers
 * @param accBits          AU accumulator width; at least {@link #minAccBits} (the largest fan-in's worst case)
 * @param mBits            requantisation multiplier bits; models with fewer bits run exactly (m0 is left-aligned)
 * @param inputMBits       multiplier bits of the input stage's requantiser (31 runs any model's input stage)
 * @param inputStage       the array quantises ADC codes itself (docs §4.5); without it windows arrive quantised (the
 *                         CPU or host applies the model's input stage) and the input-stage requantiser is not built
 * @param roundingModes    rounding modes the requantiser implements
 * @param twoMacsPerDsp    two int8 MACs share one DSP48 multiplier (docs §2.2); int16-input layers then use U/2 lanes
 *                         unless {@code int16FullRate}
 * @param int16FullRate    with packing and 16-bit activations: the odd lane of each pair gets a fabric 8×16 multiplier
 *                         so int16-input layers use all U lanes (docs §2.2); off (normalised to false) otherwise
 * @param actDepth         entries of one activation region (4 regions per PE: 2 contexts × ping/pong)
 * @param stagingDepth     entries of one input staging buffer (2 per PE, one per context)
 * @param weightWords      depth of the weight memory in U-byte words
 * @param paramEntries     depth of the per-channel parameter table (bias, multiplier, shifts)
 * @param maxLayers        descriptors the program memory holds
 * @param inputFifoWindows windows the input FIFO holds
 * @param resultFifoWords  32-bit words the result FIFO holds
 * @param maxLength        longest tensor length a layer may have
 * @param maxChannels      most channels (or units) a tensor may have
 * @param maxFanIn         largest fan-in {@code K·C_in} (Dense: inputs)
 * @param maxKernel        largest Conv1D kernel
 * @param maxStride        largest Conv1D/pool stride
 * @param maxPool          largest pool window (≤ 16: the average divider's reciprocal table, docs §3.6)
 * @param maxOutputs       values the last layer may produce per window
 * @param macLatency       L_MAC: cycles from issuing a MAC to its product being in the accumulator
 * @param requantLatency   L_RQ: cycles from a value leaving the shadow register to its buffer write
 * @param inputLatency     L_IN: cycles from an input sample entering the input stage to its staging write
 * @param clockMHz         target clock
 */
public record AcceleratorConfig(int pes, int lanes, int weightBits, int activationBits, int accBits, int mBits,
                                int inputMBits, boolean inputStage,
                                Set<RoundingMode> roundingModes, boolean twoMacsPerDsp, boolean int16FullRate,
                                int actDepth,
                                int stagingDepth, int weightWords, int paramEntries, int maxLayers,
                                int inputFifoWindows, int resultFifoWords, int maxLength, int maxChannels,
                                int maxFanIn, int maxKernel, int maxStride, int maxPool, int maxOutputs,
                                int macLatency, int requantLatency, int inputLatency, double clockMHz) {

    public AcceleratorConfig {
        range("pes (P)", pes, 1, 256);
        range("lanes (U)", lanes, 4, 64);
        if (lanes % 4 != 0) {
            throw new IllegalArgumentException("lanes (U) must be a multiple of 4 (whole 32-bit weight words), got "
                    + lanes);
        }
        if (weightBits != 8) {
            throw new IllegalArgumentException("weight_bits must be 8 (int8 weights, DESIGN §2), got " + weightBits);
        }
        if (activationBits != 8 && activationBits != 16) {
            throw new IllegalArgumentException("activation_bits must be 8 or 16, got " + activationBits);
        }
        range("m_bits", mBits, 2, 31);
        range("input_m_bits", inputMBits, 2, 31);
        if (roundingModes == null || roundingModes.isEmpty()) {
            throw new IllegalArgumentException("rounding_modes must name at least one of DOUBLE, SINGLE");
        }
        roundingModes = Collections.unmodifiableSet(EnumSet.copyOf(roundingModes));
        // Only a packed datapath with int16 layers has idle odd lanes to fill; elsewhere the option is moot.
        int16FullRate = int16FullRate && twoMacsPerDsp && activationBits == 16;
        range("max_fan_in", maxFanIn, 1, 65535);
        int minAcc = minAccBits(maxFanIn, activationBits);
        if (accBits < minAcc || accBits > 64) {
            throw new IllegalArgumentException("acc_bits must be in [" + minAcc + ", 64] (max_fan_in " + maxFanIn
                    + " with " + activationBits + "-bit activations needs " + minAcc + "), got " + accBits);
        }
        if (activationBits == 16 && accBits < 48) {
            throw new IllegalArgumentException("acc_bits must be >= 48 with 16-bit activations (TFLite 16x8 accumulator"
                    + " bound 2^47), got " + accBits);
        }
        range("act_depth", actDepth, 16, 32768);
        range("staging_depth", stagingDepth, 1, 4096);
        range("weight_words", weightWords, 1, 1 << 20);
        range("param_entries", paramEntries, 1, 65535);
        range("max_layers", maxLayers, 1, 255);
        range("input_fifo_windows", inputFifoWindows, 1, 65536);
        range("max_outputs", maxOutputs, 1, 4096);
        if (resultFifoWords < 1 + 2 * maxOutputs || resultFifoWords > (1 << 20)) {
            throw new IllegalArgumentException("result_fifo_words must be in [" + (1 + 2 * maxOutputs)
                    + " (one window's record), 1048576], got " + resultFifoWords);
        }
        range("max_length", maxLength, 1, 65535);
        range("max_channels", maxChannels, 1, 65535);
        range("max_kernel", maxKernel, 1, 255);
        range("max_stride", maxStride, 1, 255);
        range("max_pool", maxPool, 1, 16);
        range("mac_latency", macLatency, 1, 16);
        range("requant_latency", requantLatency, 1, 32);
        range("input_latency", inputLatency, 1, 32);
        if (!(clockMHz > 0) || Double.isInfinite(clockMHz)) {
            throw new IllegalArgumentException("clock_mhz must be finite and > 0, got " + clockMHz);
        }
    }

    private static void range(String name, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }

    /**
     * Narrowest accumulator for the worst case of a zero-bias layer: {@code 1 + ceil(log2(F_max · X_max · 127 + 1))}
     * with {@code X_max} = 255 (int8 inputs, raw codes after zero-point folding are at most 128 in magnitude, but the
     * true sum {@code Σ(x − z)·w} is bounded by 255 per term) or 32,768 (int16).
     */
    public static int minAccBits(int maxFanIn, int activationBits) {
        long xMax = activationBits == 16 ? 32768 : 255;
        long bound = (long) maxFanIn * xMax * 127;
        return 1 + (64 - Long.numberOfLeadingZeros(bound));   // bits of bound = ceil(log2(bound + 1))
    }

    /**
     * From this {@code mac_latency} on, the RTL's controller is pipelined for a fast clock (docs/accelerator.md,
     * timing): one of the MAC cycles registers each tap's buffer and weight addresses before they fan out to the PEs,
     * and the layer decode (descriptor fields and their products) comes from registers — see
     * {@link #layerDecodeCycles}.
     */
    public static final int PIPELINED_CONTROL_MAC_LATENCY = 5;

    /**
     * Cycles after a layer change before the pipelined controller's layer decode is valid: a layer's first group
     * (after layer 0) issues no earlier than this many cycles after the cycle following the previous layer's last
     * tap (a start rule of CycleModel and ArraySimulator). 0 without the pipelined controller.
     */
    public int layerDecodeCycles() { return pipelinedControl() ? 4 : 0; }

    /**
     * The same for layer 0, whose decode the pipelined controller keeps in a copy: a round (after the first) starts
     * no earlier than this many cycles after the cycle following the previous round's last tap. 0 without the
     * pipelined controller.
     */
    public int roundDecodeCycles() { return pipelinedControl() ? 1 : 0; }

    private boolean pipelinedControl() { return macLatency >= PIPELINED_CONTROL_MAC_LATENCY; }

    /** Arithmetic units in the array, {@code P·U}. */
    public int arithmeticUnits() { return pes * lanes; }

    /** Lanes used by a layer with an int16 input: U/2 when two MACs share a DSP and no fabric lane helps, else U. */
    public int lanesFor(boolean int16Input) {
        return int16Input && twoMacsPerDsp && !int16FullRate ? lanes / 2 : lanes;
    }

    /** Fabric 8×16 multipliers (the odd lanes' int16 products when {@code int16FullRate}). */
    public int fabricMultipliers() { return int16FullRate ? arithmeticUnits() / 2 : 0; }

    /** DSP48 slices of the MAC array (requantisers and the input stage are fabric multipliers, docs §2.3). */
    public int macDsps() { return twoMacsPerDsp ? arithmeticUnits() / 2 : arithmeticUnits(); }

    /** 32-bit CPU words per weight-memory word (U bytes). */
    public int cpuWordsPerWeightWord() { return lanes / 4; }

    /** A copy with other values; see {@link Builder}. */
    public Builder toBuilder() { return new Builder(this); }

    /**
     * Small and quick to simulate, also the iCE40 target: P = 2, U = 4 (8 AUs, one DSP each), int16-capable,
     * 31-bit multipliers, both rounding modes.
     */
    public static AcceleratorConfig small() {
        return new AcceleratorConfig(2, 4, 8, 16, 48, 31, RequantUnit.INPUT_M_BITS, true,
                EnumSet.allOf(RoundingMode.class), false, false, 256, 64, 2048, 256, 16, 8, 256, 256, 256, 512, 16, 16, 16, 16, 4, 6, 4, 25.0);
    }

    /**
     * The throughput configuration for an Artix-7 at 100 MHz: P = 28 × U = 8 = 224 AUs on 112 DSP48s (two int8
     * MACs each, or an int16 product and a fabric one), 1,310 issue cycles per context-round of the default model in
     * any precision → 46.8 cycles per window, utilisation 0.934, 1.07 M two-channel pulses/s (docs §6). Its DSPs are
     * under half an xc7a100t's; its LUTs need an xc7a200t (docs/performance.md).
     */
    public static AcceleratorConfig artix7Default() {
        return new AcceleratorConfig(28, 8, 8, 16, 48, 31, RequantUnit.INPUT_M_BITS, true,
                EnumSet.allOf(RoundingMode.class), true, true, 256, 64, 2048, 512, 32, 64, 1024, 256, 512, 1024, 16, 16, 16, 16, 4, 6, 4, 100.0);
    }

    /**
     * The throughput configuration for an xc7a100t (63,400 LUT, 240 DSP48E1), measured under Yosys
     * {@code synth_xilinx} (docs/performance.md): P = 15 × U = 16 = 240 AUs, one MAC per DSP48 (all 240), and the
     * fast-clock latencies (mac 6, requantiser and input stage 16). Twice the lanes per PE halve the requantisers, the
     * largest LUT user (one per PE); the shipped model then takes 49.3 cycles per window, 1.01 M two-channel pulses/s
     * at 100 MHz. Every other limit is the default's, so it runs every model the default runs ({@code m_bits} 16
     * would save 4.3 k LUTs but refuse int8-input layers of models with {@code m_bits} > 16).
     */
    public static AcceleratorConfig xc7a100t() {
        AcceleratorConfig a = artix7Default();
        // the ECP5 fast-clock build's latencies (docs/performance.md), the measured basis of the clock assumed here
        return a.toBuilder().pes(15).lanes(16).twoMacsPerDsp(false)
                .macLatency(Math.max(a.macLatency(), 6)).requantLatency(Math.max(a.requantLatency(), 16))
                .inputLatency(Math.max(a.inputLatency(), 16)).build();
    }

    /** Mutable copy of a configuration, for presets and tests; {@link #build} runs the checks. */
    public static final class Builder {
        private int pes, lanes, weightBits, activationBits, accBits, mBits, inputMBits;
        private boolean inputStage;
        private Set<RoundingMode> roundingModes;
        private boolean twoMacsPerDsp, int16FullRate;
        private int actDepth, stagingDepth, weightWords, paramEntries, maxLayers, inputFifoWindows, resultFifoWords;
        private int maxLength, maxChannels, maxFanIn, maxKernel, maxStride, maxPool, maxOutputs;
        private int macLatency, requantLatency, inputLatency;
        private double clockMHz;

        private Builder(AcceleratorConfig c) {
            pes = c.pes; lanes = c.lanes; weightBits = c.weightBits; activationBits = c.activationBits;
            accBits = c.accBits; mBits = c.mBits; inputMBits = c.inputMBits; inputStage = c.inputStage;
            roundingModes = c.roundingModes; twoMacsPerDsp = c.twoMacsPerDsp;
            int16FullRate = c.int16FullRate;
            actDepth = c.actDepth; stagingDepth = c.stagingDepth; weightWords = c.weightWords;
            paramEntries = c.paramEntries; maxLayers = c.maxLayers; inputFifoWindows = c.inputFifoWindows;
            resultFifoWords = c.resultFifoWords; maxLength = c.maxLength; maxChannels = c.maxChannels;
            maxFanIn = c.maxFanIn; maxKernel = c.maxKernel; maxStride = c.maxStride; maxPool = c.maxPool;
            maxOutputs = c.maxOutputs; macLatency = c.macLatency; requantLatency = c.requantLatency;
            inputLatency = c.inputLatency; clockMHz = c.clockMHz;
        }

        public Builder pes(int v) { pes = v; return this; }
        public Builder lanes(int v) { lanes = v; return this; }
        public Builder weightBits(int v) { weightBits = v; return this; }
        public Builder activationBits(int v) { activationBits = v; return this; }
        public Builder accBits(int v) { accBits = v; return this; }
        public Builder mBits(int v) { mBits = v; return this; }
        public Builder inputMBits(int v) { inputMBits = v; return this; }
        public Builder inputStage(boolean v) { inputStage = v; return this; }
        public Builder roundingModes(Set<RoundingMode> v) { roundingModes = v; return this; }
        public Builder twoMacsPerDsp(boolean v) { twoMacsPerDsp = v; return this; }
        public Builder int16FullRate(boolean v) { int16FullRate = v; return this; }
        public Builder actDepth(int v) { actDepth = v; return this; }
        public Builder stagingDepth(int v) { stagingDepth = v; return this; }
        public Builder weightWords(int v) { weightWords = v; return this; }
        public Builder paramEntries(int v) { paramEntries = v; return this; }
        public Builder maxLayers(int v) { maxLayers = v; return this; }
        public Builder inputFifoWindows(int v) { inputFifoWindows = v; return this; }
        public Builder resultFifoWords(int v) { resultFifoWords = v; return this; }
        public Builder maxLength(int v) { maxLength = v; return this; }
        public Builder maxChannels(int v) { maxChannels = v; return this; }
        public Builder maxFanIn(int v) { maxFanIn = v; return this; }
        public Builder maxKernel(int v) { maxKernel = v; return this; }
        public Builder maxStride(int v) { maxStride = v; return this; }
        public Builder maxPool(int v) { maxPool = v; return this; }
        public Builder maxOutputs(int v) { maxOutputs = v; return this; }
        public Builder macLatency(int v) { macLatency = v; return this; }
        public Builder requantLatency(int v) { requantLatency = v; return this; }
        public Builder inputLatency(int v) { inputLatency = v; return this; }
        public Builder clockMHz(double v) { clockMHz = v; return this; }

        public AcceleratorConfig build() {
            return new AcceleratorConfig(pes, lanes, weightBits, activationBits, accBits, mBits, inputMBits, inputStage,
                    roundingModes, twoMacsPerDsp, int16FullRate, actDepth, stagingDepth, weightWords, paramEntries,
                    maxLayers, inputFifoWindows, resultFifoWords, maxLength, maxChannels, maxFanIn, maxKernel, maxStride, maxPool, maxOutputs,
                    macLatency, requantLatency, inputLatency, clockMHz);
        }
    }
}
