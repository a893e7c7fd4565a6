package org.pulsedl.hls.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.quantizer.quant.RoundingMode;

/** Presets, configuration files (JSON and properties), precedence, and the refusal of each kind of mistake. */
class ConfigTest {
    @TempDir
    Path tmp;

    @Test
    void defaultIsArtix7() {
        assertEquals(AcceleratorConfig.artix7Default(), ConfigResolver.resolve(null, null, Map.of()));
        assertEquals(AcceleratorConfig.small(), ConfigResolver.resolve("small", null, Map.of()));
    }

    @Test
    void canonicalTextRoundTripsThroughAPropertiesFile() throws IOException {
        AcceleratorConfig c = AcceleratorConfig.small().toBuilder().pes(3).roundingModes(EnumSet.of(RoundingMode.SINGLE))
                .clockMHz(37.5).build();
        Path f = Files.writeString(tmp.resolve("c.properties"), "# all keys\n" + ConfigKey.canonical(c));
        assertEquals(c, ConfigResolver.resolve(null, ConfigFile.read(f), Map.of()));
    }

    @Test
    void jsonFileOverPresetThenOptions() throws IOException {
        Path f = Files.writeString(tmp.resolve("c.json"), "{\"preset\": \"small\", \"pes\": 6, \"two_macs_per_dsp\": true,"
                + " \"rounding_modes\": [\"DOUBLE\"], \"clock_mhz\": 48}");
        AcceleratorConfig c = ConfigResolver.resolve(null, ConfigFile.read(f), Map.of("pes", "5"));
        assertEquals(AcceleratorConfig.small().toBuilder().pes(5).twoMacsPerDsp(true)
                .roundingModes(EnumSet.of(RoundingMode.DOUBLE)).clockMHz(48).build(), c);
    }

    @Test
    void refusals() throws IOException {
        assertEquals("unknown preset 'huge' (known: small, artix7, xc7a100t)",
                assertThrows(IllegalArgumentException.class, () -> ConfigResolver.resolve("huge", null, Map.of()))
                        .getMessage());
        assertEquals("pes (P) must be in [1, 256], got 0", assertThrows(IllegalArgumentException.class,
                () -> ConfigResolver.resolve(null, null, Map.of("pes", "0"))).getMessage());
        assertEquals("lanes (U) must be a multiple of 4 (whole 32-bit weight words), got 6",
                assertThrows(IllegalArgumentException.class,
                        () -> ConfigResolver.resolve(null, null, Map.of("lanes", "6"))).getMessage());
        assertEquals("pes: 'x' is not an integer", assertThrows(IllegalArgumentException.class,
                () -> ConfigResolver.resolve(null, null, Map.of("pes", "x"))).getMessage());
        assertEquals("two_macs_per_dsp: 'yes' is not true or false", assertThrows(IllegalArgumentException.class,
                () -> ConfigResolver.resolve(null, null, Map.of("two_macs_per_dsp", "yes"))).getMessage());
        assertEquals("rounding_modes: 'HALF' is not DOUBLE or SINGLE", assertThrows(IllegalArgumentException.class,
                () -> ConfigResolver.resolve(null, null, Map.of("rounding_modes", "DOUBLE,HALF"))).getMessage());

        Path unknown = Files.writeString(tmp.resolve("u.json"), "{\"pe\": 4}");
        String m = assertThrows(IllegalArgumentException.class, () -> ConfigFile.read(unknown)).getMessage();
        assertEquals("config file " + unknown + ": unknown configuration key 'pe' (known: "
                + String.join(", ", ConfigKey.ALL.stream().map(ConfigKey::name).toList()) + ")", m);

        Path bad = Files.writeString(tmp.resolve("b.properties"), "pes = 4\nlanes\n");
        assertEquals("config file " + bad + " line 2: expected 'key = value', got 'lanes'",
                assertThrows(IllegalArgumentException.class, () -> ConfigFile.read(bad)).getMessage());

        Path value = Files.writeString(tmp.resolve("v.json"), "{\"pes\": 300}");
        assertEquals("pes (P) must be in [1, 256], got 300", assertThrows(IllegalArgumentException.class,
                () -> ConfigResolver.resolve(null, ConfigFile.read(value), Map.of())).getMessage());

        Path conflict = Files.writeString(tmp.resolve("p.json"), "{\"preset\": \"small\"}");
        assertEquals("--preset artix7 contradicts preset 'small' in config file " + conflict,
                assertThrows(IllegalArgumentException.class,
                        () -> ConfigResolver.resolve("artix7", ConfigFile.read(conflict), Map.of())).getMessage());
    }
}
