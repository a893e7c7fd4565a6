package org.pulsedl.hls.gen;

import java.util.Map;
import org.pulsedl.hls.accel.AcceleratorConfig;

/**
 * The configuration {@code pulsedl generate} builds for: a preset (the command line's {@code --preset}, else the
 * file's {@code preset}, else {@link Preset#DEFAULT}), then the configuration file's keys, then the command line's
 * options. {@link AcceleratorConfig} checks the result; its refusal names the parameter, the value and the limit.
 */
public final class ConfigResolver {
    private ConfigResolver() {}

    /**
     * @param preset    the command line's preset name, or null
     * @param file      the configuration file, or null
     * @param overrides command-line values by {@link ConfigKey} name, applied last
     */
    public static AcceleratorConfig resolve(String preset, ConfigFile file, Map<String, String> overrides) {
        if (preset != null && file != null && file.preset() != null
                && Preset.named(preset) != Preset.named(file.preset())) {
            throw new IllegalArgumentException("--preset " + preset + " contradicts preset '" + file.preset()
                    + "' in config file " + file.source());
        }
        String base = preset != null ? preset : file != null ? file.preset() : null;
        AcceleratorConfig.Builder b = (base == null ? Preset.DEFAULT : Preset.named(base)).config().toBuilder();
        if (file != null) {
            for (Map.Entry<String, String> e : file.values().entrySet()) {
                try {
                    ConfigKey.named(e.getKey()).apply(b, e.getValue());
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("config file " + file.source() + ": " + ex.getMessage());
                }
            }
        }
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            ConfigKey.named(e.getKey()).apply(b, e.getValue());
        }
        return b.build();
    }
}
