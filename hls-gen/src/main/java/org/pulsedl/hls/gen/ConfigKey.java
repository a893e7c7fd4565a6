package org.pulsedl.hls.gen;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.quantizer.quant.RoundingMode;

/**
 * One parameter of {@link AcceleratorConfig} under its documented snake_case name (docs/accelerator.md §8), as the
 * configuration files, {@code --set KEY=VALUE} and the generated README spell it. The table is the one place that
 * maps names to builder calls; {@link #canonical} is the configuration's text form, hashed into every banner.
 */
public record ConfigKey(String name, String description, BiConsumer<AcceleratorConfig.Builder, String> setter,
                        Function<AcceleratorConfig, String> getter) {

    /** Every key, in the order of {@link AcceleratorConfig}'s components. */
    public static final List<ConfigKey> ALL = List.of(
            integer("pes", "P, processing elements (windows side by side per context)", (b, v) -> b.pes(v),
                    AcceleratorConfig::pes),
            integer("lanes", "U, arithmetic units per PE (multiple of 4)", (b, v) -> b.lanes(v),
                    AcceleratorConfig::lanes),
            integer("weight_bits", "weight width (8)", (b, v) -> b.weightBits(v), AcceleratorConfig::weightBits),
            integer("activation_bits", "widest activation, 8 or 16", (b, v) -> b.activationBits(v),
                    AcceleratorConfig::activationBits),
            integer("acc_bits", "accumulator width", (b, v) -> b.accBits(v), AcceleratorConfig::accBits),
            integer("m_bits", "requantisation multiplier bits", (b, v) -> b.mBits(v), AcceleratorConfig::mBits),
            integer("input_m_bits", "input-stage requantiser multiplier bits (31: any model)",
                    (b, v) -> b.inputMBits(v), AcceleratorConfig::inputMBits),
            new ConfigKey("input_stage", "the array quantises ADC codes (false: windows arrive quantised)",
                    (b, v) -> b.inputStage(bool("input_stage", v)), c -> Boolean.toString(c.inputStage())),
            new ConfigKey("rounding_modes", "rounding modes implemented: DOUBLE, SINGLE (comma-separated)",
                    (b, v) -> b.roundingModes(roundingModes(v)),
                    c -> c.roundingModes().stream().map(Enum::name).collect(Collectors.joining(","))),
            new ConfigKey("two_macs_per_dsp", "two int8 MACs share one DSP48 (true/false)",
                    (b, v) -> b.twoMacsPerDsp(bool("two_macs_per_dsp", v)), c -> Boolean.toString(c.twoMacsPerDsp())),
            new ConfigKey("int16_full_rate", "with packing: fabric 8x16 multipliers let int16 layers use all lanes"
                    + " (true/false)", (b, v) -> b.int16FullRate(bool("int16_full_rate", v)),
                    c -> Boolean.toString(c.int16FullRate())),
            integer("act_depth", "entries of one activation region", (b, v) -> b.actDepth(v),
                    AcceleratorConfig::actDepth),
            integer("staging_depth", "entries of one input staging buffer", (b, v) -> b.stagingDepth(v),
                    AcceleratorConfig::stagingDepth),
            integer("weight_words", "weight-memory depth in U-byte words", (b, v) -> b.weightWords(v),
                    AcceleratorConfig::weightWords),
            integer("param_entries", "parameter-table entries", (b, v) -> b.paramEntries(v),
                    AcceleratorConfig::paramEntries),
            integer("max_layers", "descriptors the program memory holds", (b, v) -> b.maxLayers(v),
                    AcceleratorConfig::maxLayers),
            integer("input_fifo_windows", "windows the input FIFO holds", (b, v) -> b.inputFifoWindows(v),
                    AcceleratorConfig::inputFifoWindows),
            integer("result_fifo_words", "32-bit words the result FIFO holds", (b, v) -> b.resultFifoWords(v),
                    AcceleratorConfig::resultFifoWords),
            integer("max_length", "longest tensor length", (b, v) -> b.maxLength(v), AcceleratorConfig::maxLength),
            integer("max_channels", "most channels or units", (b, v) -> b.maxChannels(v),
                    AcceleratorConfig::maxChannels),
            integer("max_fan_in", "largest fan-in K*C_in", (b, v) -> b.maxFanIn(v), AcceleratorConfig::maxFanIn),
            integer("max_kernel", "largest Conv1D kernel", (b, v) -> b.maxKernel(v), AcceleratorConfig::maxKernel),
            integer("max_stride", "largest stride", (b, v) -> b.maxStride(v), AcceleratorConfig::maxStride),
            integer("max_pool", "largest pool window (<= 16)", (b, v) -> b.maxPool(v), AcceleratorConfig::maxPool),
            integer("max_outputs", "values the last layer may produce per window", (b, v) -> b.maxOutputs(v),
                    AcceleratorConfig::maxOutputs),
            integer("mac_latency", "L_MAC cycles", (b, v) -> b.macLatency(v), AcceleratorConfig::macLatency),
            integer("requant_latency", "L_RQ cycles", (b, v) -> b.requantLatency(v),
                    AcceleratorConfig::requantLatency),
            integer("input_latency", "L_IN cycles", (b, v) -> b.inputLatency(v), AcceleratorConfig::inputLatency),
            new ConfigKey("clock_mhz", "target clock in MHz", (b, v) -> b.clockMHz(decimal("clock_mhz", v)),
                    c -> plain(c.clockMHz())));

    /** The key called {@code name}; an unknown name is refused listing the known ones. */
    public static ConfigKey named(String name) {
        for (ConfigKey k : ALL) {
            if (k.name.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown configuration key '" + name + "' (known: "
                + ALL.stream().map(ConfigKey::name).collect(Collectors.joining(", ")) + ")");
    }

    /** Applies {@code value} (text) to {@code builder}; a malformed value is refused naming the key. */
    public void apply(AcceleratorConfig.Builder builder, String value) {
        setter.accept(builder, value.strip());
    }

    /** The value of this key in {@code config}, as it would be written in a properties file. */
    public String valueOf(AcceleratorConfig config) { return getter.apply(config); }

    /** {@code key = value} lines for every key: the configuration's canonical text. */
    public static String canonical(AcceleratorConfig config) {
        StringBuilder b = new StringBuilder();
        for (ConfigKey k : ALL) {
            b.append(k.name).append(" = ").append(k.valueOf(config)).append('\n');
        }
        return b.toString();
    }

    private interface IntSetter {
        void set(AcceleratorConfig.Builder b, int v);
    }

    private static ConfigKey integer(String name, String description, IntSetter setter,
                                     Function<AcceleratorConfig, Integer> getter) {
        return new ConfigKey(name, description, (b, v) -> setter.set(b, parseInt(name, v)),
                c -> Integer.toString(getter.apply(c)));
    }

    private static int parseInt(String key, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + v + "' is not an integer");
        }
    }

    private static double decimal(String key, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + v + "' is not a number");
        }
    }

    private static boolean bool(String key, String v) {
        String s = v.toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException(key + ": '" + v + "' is not true or false");
    }

    private static Set<RoundingMode> roundingModes(String v) {
        List<RoundingMode> modes = new ArrayList<>();
        for (String part : v.split(",")) {
            String p = part.strip().toUpperCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            try {
                modes.add(RoundingMode.valueOf(p));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rounding_modes: '" + part.strip() + "' is not DOUBLE or SINGLE");
            }
        }
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("rounding_modes must name at least one of DOUBLE, SINGLE");
        }
        return EnumSet.copyOf(modes);
    }

    /** {@code 100} for 100.0, else the shortest decimal. */
    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
