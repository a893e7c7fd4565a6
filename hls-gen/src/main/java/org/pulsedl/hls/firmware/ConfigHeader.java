package org.pulsedl.hls.firmware;

import java.util.Locale;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.accel.ResultHeader;
import org.pulsedl.hls.gen.BannerText;
import org.pulsedl.hls.regmap.MemoryMap;
import org.pulsedl.hls.rtl.AcceleratorRegisters;
import org.pulsedl.hls.verilog.Banner;
import org.pulsedl.quantizer.quant.RoundingMode;

/**
 * {@code pulsedl_config.h}: the accelerator configuration the RTL was generated for (P, U, widths, buffer sizes,
 * limits, latencies, clock) and the SoC memory map's region bases, so firmware can size buffers at compile time
 * and check them against the accelerator's CAPS registers at run time.
 */
public final class ConfigHeader {
    public static final String FILE = "pulsedl_config.h";

    /** Byte offsets of the accelerator's memory windows from its base (docs/accelerator.md §4.7). */
    public static final long DESCRIPTOR_WINDOW = AcceleratorRegisters.DESCRIPTOR_WINDOW;
    public static final long PARAM_WINDOW = AcceleratorRegisters.PARAMETER_WINDOW;
    public static final long WEIGHT_WINDOW = AcceleratorRegisters.WEIGHT_WINDOW;

    private ConfigHeader() {}

    public static String emit(AcceleratorConfig c, MemoryMap map, Banner banner) {
        StringBuilder b = new StringBuilder(BannerText.c(banner));
        b.append("#ifndef PULSEDL_CONFIG_H\n#define PULSEDL_CONFIG_H\n\n");
        b.append("/* Accelerator configuration (docs/accelerator.md section 8). */\n");
        d(b, "PES", c.pes(), "P: processing elements");
        d(b, "LANES", c.lanes(), "U: arithmetic units per PE");
        d(b, "ARITHMETIC_UNITS", c.arithmeticUnits(), "P*U");
        d(b, "MAC_DSPS", c.macDsps(), "DSP48 slices of the MAC array");
        d(b, "TWO_MACS_PER_DSP", c.twoMacsPerDsp() ? 1 : 0, "1: two int8 MACs per DSP48");
        d(b, "INT16_LANES", c.lanesFor(true), "lanes an int16-input layer uses (U, or U/2 with packing alone)");
        d(b, "WEIGHT_BITS", c.weightBits(), "weight width");
        d(b, "ACTIVATION_BITS", c.activationBits(), "widest activation");
        d(b, "ACC_BITS", c.accBits(), "accumulator width");
        d(b, "M_BITS", c.mBits(), "requantisation multiplier bits");
        d(b, "ROUNDING_DOUBLE", c.roundingModes().contains(RoundingMode.DOUBLE) ? 1 : 0, "1: DOUBLE rounding implemented");
        d(b, "ROUNDING_SINGLE", c.roundingModes().contains(RoundingMode.SINGLE) ? 1 : 0, "1: SINGLE rounding implemented");
        b.append('\n');
        b.append("/* Buffer and memory sizes. */\n");
        d(b, "ACT_DEPTH", c.actDepth(), "entries per activation region (4 regions per PE)");
        d(b, "STAGING_DEPTH", c.stagingDepth(), "entries per input staging buffer");
        d(b, "WEIGHT_MEMORY_WORDS", c.weightWords(), "weight-memory words of U bytes");
        d(b, "WEIGHT_CPU_WORDS_PER_WORD", c.cpuWordsPerWeightWord(), "32-bit words per weight-memory word (U/4)");
        d(b, "PARAM_ENTRIES", c.paramEntries(), "parameter-table entries (4 words each)");
        d(b, "MAX_LAYERS", c.maxLayers(), "descriptors the program memory holds");
        d(b, "INPUT_FIFO_WINDOWS", c.inputFifoWindows(), "windows the input FIFO holds");
        d(b, "RESULT_FIFO_WORDS", c.resultFifoWords(), "words the result FIFO holds");
        b.append('\n');
        b.append("/* Model limits: LayerProgram refuses models beyond them. */\n");
        d(b, "MAX_LENGTH", c.maxLength(), "longest tensor length");
        d(b, "MAX_CHANNELS", c.maxChannels(), "most channels or units");
        d(b, "MAX_FAN_IN", c.maxFanIn(), "largest fan-in K*C_in");
        d(b, "MAX_KERNEL", c.maxKernel(), "largest Conv1D kernel");
        d(b, "MAX_STRIDE", c.maxStride(), "largest stride");
        d(b, "MAX_POOL", c.maxPool(), "largest pool window");
        d(b, "MAX_OUTPUTS", c.maxOutputs(), "values the last layer may produce");
        b.append('\n');
        b.append("/* Pipeline latencies (docs/accelerator.md section 5) and clock. */\n");
        d(b, "MAC_LATENCY", c.macLatency(), "L_MAC cycles");
        d(b, "REQUANT_LATENCY", c.requantLatency(), "L_RQ cycles");
        d(b, "INPUT_LATENCY", c.inputLatency(), "L_IN cycles");
        ModelSources.define(b, "PULSEDL_CFG_CLOCK_HZ", Math.round(c.clockMHz() * 1e6) + "u", "target clock");
        b.append('\n');
        b.append("/* SoC memory map '").append(map.name()).append("' (DESIGN section 4). */\n");
        for (MemoryMap.Region r : map.regions()) {
            String n = "PULSEDL_SOC_" + r.name().toUpperCase(Locale.ROOT);
            ModelSources.define(b, n + "_BASE", hex(r.base()), r.description());
            ModelSources.define(b, n + "_SIZE", hex(r.size()), r.name() + " size in bytes");
        }
        b.append('\n');
        b.append("/* Accelerator memory windows (docs/accelerator.md section 4.7), as bus addresses. */\n");
        String accel = "PULSEDL_SOC_ACCEL_BASE";
        ModelSources.define(b, "PULSEDL_ACCEL_DESCRIPTOR_BASE", "(" + accel + " + " + hex(DESCRIPTOR_WINDOW) + ")",
                "descriptor memory, 32-bit words");
        ModelSources.define(b, "PULSEDL_ACCEL_PARAM_BASE", "(" + accel + " + " + hex(PARAM_WINDOW) + ")",
                "parameter table, 4 words per entry");
        ModelSources.define(b, "PULSEDL_ACCEL_WEIGHT_BASE", "(" + accel + " + " + hex(WEIGHT_WINDOW) + ")",
                "weight memory, U/4 words per memory word");
        ModelSources.define(b, "PULSEDL_ACCEL_DESCRIPTOR_SIZE", hex(AcceleratorRegisters.descriptorBytes(c)),
                "descriptor bytes implemented; beyond them a bus error");
        ModelSources.define(b, "PULSEDL_ACCEL_PARAM_SIZE", hex(AcceleratorRegisters.parameterBytes(c)),
                "parameter-table bytes implemented");
        ModelSources.define(b, "PULSEDL_ACCEL_WEIGHT_SIZE", hex(AcceleratorRegisters.weightBytes(c)),
                "weight-memory bytes implemented");
        b.append('\n');
        b.append("/* Result words (docs/accelerator.md section 4.8): per window a header word, the capture timestamp word,"
                + " then the outputs. */\n");
        ModelSources.define(b, "PULSEDL_ACCEL_RESULT_HEADER_WORD", ResultHeader.HEADER_WORD + "u",
                "index of the header word among a window's result words");
        ModelSources.define(b, "PULSEDL_ACCEL_RESULT_TIMESTAMP_WORD", ResultHeader.TIMESTAMP_WORD + "u",
                "index of the capture timestamp word (" + ResultHeader.TIMESTAMP_BITS + " bits, taken with the"
                + " window's first sample)");
        ModelSources.define(b, "PULSEDL_ACCEL_RESULT_HEAD_WORDS", ResultHeader.WORDS + "u",
                "words in front of the outputs");
        ModelSources.define(b, "PULSEDL_ACCEL_RESULT_MARKER", hex(ResultHeader.MARKER),
                "bits 31:24 of a header word");
        ModelSources.define(b, "PULSEDL_ACCEL_RESULT_IS_HEADER(w)", "((((w) >> " + ResultHeader.MARKER_SHIFT
                + ") & 0xffu) == PULSEDL_ACCEL_RESULT_MARKER)", "the word has the header marker");
        ModelSources.define(b, "PULSEDL_ACCEL_RESULT_TAG(w)", "(((w) >> " + ResultHeader.TAG_SHIFT + ") & "
                + hex((1L << ResultHeader.TAG_BITS) - 1) + ")", "the window's tag (input port)");
        ModelSources.define(b, "PULSEDL_ACCEL_RESULT_SEQ(w)", "(((w) >> " + ResultHeader.SEQUENCE_SHIFT + ") & "
                + hex((1L << ResultHeader.SEQUENCE_BITS) - 1) + ")", "sequence number; a gap means dropped windows");
        b.append("\n#endif /* PULSEDL_CONFIG_H */\n");
        return b.toString();
    }

    private static void d(StringBuilder b, String name, long value, String comment) {
        ModelSources.define(b, "PULSEDL_CFG_" + name, value + "u", comment);
    }

    private static String hex(long v) {
        return String.format("0x%08xu", v);
    }
}
