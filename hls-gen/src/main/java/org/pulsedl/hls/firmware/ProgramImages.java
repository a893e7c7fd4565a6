package org.pulsedl.hls.firmware;

import org.pulsedl.hls.accel.LayerProgram;
import org.pulsedl.hls.gen.BannerText;
import org.pulsedl.hls.verilog.Banner;

/**
 * The layer program as {@code $readmemh} images (docs/accelerator.md §4): descriptor memory (one 256-bit line per
 * record, w7 first), weight memory (one {@code 8·U}-bit line per word, lane U−1 first) and parameter table (one
 * 128-bit line per entry, p3 first), for simulation and for bitstreams with a model preloaded. The banner is in
 * {@code //} comments, which {@code $readmemh} skips (Icarus, Verilator, Yosys and Vivado alike).
 */
public final class ProgramImages {
    public static final String DESCRIPTORS = "pulsedl_descriptors.hex";
    public static final String WEIGHTS = "pulsedl_weights.hex";
    public static final String PARAMS = "pulsedl_params.hex";

    private ProgramImages() {}

    public static String descriptors(LayerProgram p, Banner banner) {
        return BannerText.lines(banner, "// ") + p.descriptorHex();
    }

    public static String weights(LayerProgram p, Banner banner) {
        return BannerText.lines(banner, "// ") + p.weightHex();
    }

    public static String params(LayerProgram p, Banner banner) {
        return BannerText.lines(banner, "// ") + p.paramHex();
    }
}
