package org.pulsedl.hls.accel;

/**
 * Resources of an accelerator configuration from simple per-block formulas (docs/accelerator.md §7), for a
 * Xilinx 7-series target: DSP48E1, BRAM36/BRAM18 (512×72 / 1K×18 shapes), LUT6 and flip-flops. An estimate before
 * synthesis, not a promise: Yosys/Vivado numbers go to docs/performance.md.
 */
public record ResourceEstimate(int dsp, int bram36, int bram18, int lut, int ff) {

    /** Block RAM in BRAM36 equivalents. */
    public double bram() { return bram36 + bram18 / 2.0; }

    public static ResourceEstimate of(AcceleratorConfig c) {
        int p = c.pes();
        int u = c.lanes();
        int a = c.activationBits();
        int acc = c.accBits();
        // BRAM18 per PE: 2 contexts × 2 regions × act_depth activations (1K×18, or 2K×9 for 8-bit activations).
        int perPe18 = ceil(4 * c.actDepth(), a == 16 ? 1024 : 2048);
        int bram18 = p * perPe18;
        int weight36 = ceil(8 * u, 72) * ceil(c.weightWords(), 512);
        int param36 = ceil(128, 72) * ceil(c.paramEntries(), 512);
        int result36 = ceil(c.resultFifoWords(), 1024);
        int input36 = ceil(c.inputFifoWindows() * c.stagingDepth(), 2048);
        int bram36 = weight36 + param36 + result36 + input36;
        bram36 += bram18 / 2;
        bram18 %= 2;

        int auAcc = Math.min(acc, AcceleratorConfig.minAccBits(c.maxFanIn(), a));   // AU width (docs §2.3)
        int auLut = auAcc + 4;                                       // accumulator adder + load/accumulate control
        int drainMux = auAcc * ceil(u, 4);                           // U:1 shadow select
        // requantiser (docs §3.5, §7; fits Yosys synth_xilinx of pdl_accel_requant): one radix-4 Booth row of
        // (multiplicand + 2) LUTs per two multiplier bits, plus bias add, reciprocal, rounding shifter and clamp
        int mulA = a == 16 ? 48 : 32;
        int avgBits = 64 - Long.numberOfLeadingZeros(((long) c.maxPool() << (a - 1)) + c.maxPool() / 2);
        int mulB = Math.max(Math.max(c.mBits(), a == 16 ? 15 : 0), avgBits);
        int requantMul = boothRows(mulB) * (mulA + 2);
        int requantRest = acc + 770;
        int pool = 60;
        int staging = 2 * ceil(2 * c.stagingDepth(), 64) * a;        // dual-port LUTRAM
        int resultBuf = ceil(4 * c.maxOutputs(), 64) * 64;           // 2 contexts × 2 banks × 64-bit values
        int fabricMul = 4 * (a + 2) + 8;                             // int16_full_rate: signed Booth, 4 rows
        // a packed pair's fabric around its DSP: A-port mux (25), high-field add and product select (2 x 24);
        // with this the 28 x 8 default's per-PE LUTs match Yosys within 1 % (docs/performance.md)
        int packedPair = c.twoMacsPerDsp() ? 25 + 24 + 24 : 0;
        int perPe = u * auLut + u / 2 * packedPair + c.fabricMultipliers() / p * fabricMul + drainMux + requantMul
                + requantRest + pool + staging + resultBuf;
        int inputStage = (c.inputStage() ? boothRows(c.inputMBits()) * (32 + 2) + 1025 : 0) + 150;  // its requantiser, loader
        int descriptors = ceil(c.maxLayers() + 1, 64) * 256;
        int lut = p * perPe + inputStage + descriptors + 600 + 300;  // controller, slave port and counters

        int broadcastStages = 1 + ceil(log4(p), 1);
        int auFf = 2 * auAcc + (c.twoMacsPerDsp() ? 16 : 0);
        int perPeFf = u * auFf + 2 * a + c.requantLatency() * (acc + 32) + 64;
        int ff = p * perPeFf + 8 * u * broadcastStages + c.inputLatency() * 48 + 300 + 32 * 12;
        return new ResourceEstimate(c.macDsps(), bram36, bram18, lut, ff);
    }

    private static int ceil(int a, int b) { return (a + b - 1) / b; }

    /** Adder rows of a radix-4 Booth multiplier by {@code bits} unsigned bits (bit 0 is a plain AND row). */
    private static int boothRows(int bits) { return (bits - 1) / 2 + 1; }

    private static int log4(int p) {
        int s = 0;
        for (int v = 1; v < p; v *= 4) {
            s++;
        }
        return s;
    }
}
