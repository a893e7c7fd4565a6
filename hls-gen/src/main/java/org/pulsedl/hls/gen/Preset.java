package org.pulsedl.hls.gen;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.pulsedl.hls.accel.AcceleratorConfig;

/** The named accelerator configurations of docs/accelerator.md §8, by the name the command line uses. */
public enum Preset {
    /** P = 2 × U = 4, no DSP packing, 25 MHz: quick simulation and the iCE40 build. */
    SMALL("small", AcceleratorConfig::small),
    /** P = 28 × U = 8, two int8 MACs per DSP48, 100 MHz: the Artix-7 throughput configuration (the default). */
    ARTIX7("artix7", AcceleratorConfig::artix7Default),
    /** P = 15 × U = 16, one MAC per DSP48, fast-clock latencies: fits an xc7a100t (docs/performance.md). */
    XC7A100T("xc7a100t", AcceleratorConfig::xc7a100t);

    /** The configuration {@code pulsedl generate} uses when given no preset. */
    public static final Preset DEFAULT = ARTIX7;

    private final String key;
    private final Supplier<AcceleratorConfig> config;

    Preset(String key, Supplier<AcceleratorConfig> config) {
        this.key = key;
        this.config = config;
    }

    /** The command-line name ({@code small}, {@code artix7}, {@code xc7a100t}). */
    public String key() { return key; }

    public AcceleratorConfig config() { return config.get(); }

    /** The preset called {@code name}; an unknown name is refused listing the known ones. */
    public static Preset named(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (Preset p : values()) {
            if (p.key.equals(n)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + name + "' (known: " + names() + ")");
    }

    /** {@code small, artix7, xc7a100t}. */
    public static String names() {
        return Arrays.stream(values()).map(Preset::key).collect(Collectors.joining(", "));
    }
}
