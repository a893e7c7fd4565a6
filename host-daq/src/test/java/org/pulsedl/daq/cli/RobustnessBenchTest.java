package org.pulsedl.daq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --robustness} end to end with tiny event counts: the table lists every matrix point, the JSON holds
 * every point with the summary fields and the full benchmark record, the plot is a PNG. The numbers themselves are
 * measured in docs/performance.md; here only what must hold at any count: the varied factor reaches the simulation.
 */
class RobustnessBenchTest {
    @TempDir
    Path dir;

    @Test
    void runsTheMatrixAndWritesTableJsonAndPlot() throws Exception {
        Path json = dir.resolve("robust.json");
        Path plots = dir.resolve("plots");
        CliRun r = CliRun.of("bench", "--robustness", "--events", "100", "--json", json.toString(), "--plots", plots.toString())
                .assertSuccess();
        for (String point : List.of("default", "onset -2", "offset 5 ns", "baseline 10 %", "amplitude 90 %", "SNR 30 dB",
                "corner A", "spectrum 10–90 %")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(point + " ") && l.contains("nn_int")), () -> point + " missing\n" + r);
        }
        assertTrue(r.out().contains("lines meet every goal"), r::toString);

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(100, root.get("benchmark").get("events_per_point").asInt());
        JsonNode points = root.get("points");
        List<String> factors = new ArrayList<>();
        for (JsonNode p : points) {
            factors.add(p.get("factor").asText());
            JsonNode row = p.get("rows").get(0);
            assertEquals("nn_int", row.get("method").asText());
            for (String f : List.of("sigma_dt_over_crlb", "sigma_dt_over_crlb_err", "phase_bias_rms_ps", "energy_res_over_crlb",
                    "energy_bias_pct", "energy_gain_shift_pct", "energy_linearity_max_dev_pct", "flags", "goals_missed")) {
                assertTrue(row.has(f), () -> f + " missing in " + row);
            }
            assertTrue(p.get("result").get("methods").get(0).has("phase_bias_ps"), "the full benchmark record");
            boolean spectrum = p.get("factor").asText().equals("amplitude_spectrum");
            assertEquals(spectrum, row.get("sigma_dt_over_crlb").isNull(), "the spectrum point has no single bound");
            assertEquals(!spectrum, row.get("energy_linearity_max_dev_pct").isNull(), "linearity on the spectrum point only");
        }
        assertEquals(List.of("default", "onset", "offset_ns", "baseline_fraction", "amplitude_fraction", "snr_db", "corner",
                "amplitude_spectrum"), factors.stream().distinct().toList());
        JsonNode first = points.get(0);
        assertEquals(0.0, first.get("rows").get(0).get("energy_gain_shift_pct").asDouble(), 1e-9, "the default point is the calibration");
        // The factor reaches the simulation: the point's recorded attributes say what was varied.
        JsonNode offset5 = find(points, "offset 5 ns");
        assertEquals("0.0,5.0", offset5.get("simulation").get("channel_offsets_ns").asText().replace(" ", ""));
        assertEquals(0.10, find(points, "baseline 10 %").get("simulation").get("baseline_fraction").asDouble(), 1e-12);

        BufferedImage png = ImageIO.read(plots.resolve("robustness.png").toFile());
        assertTrue(png != null && png.getWidth() > 100, "robustness.png is a PNG");
        assertTrue(Files.size(plots.resolve("robustness.png")) > 10_000);
    }

    @Test
    void refusesDataAndSweep() {
        CliRun.of("bench", "--robustness", "--snr-sweep", "30:40:5").assertUserError("--robustness", "--snr-sweep");
    }

    private static JsonNode find(JsonNode points, String name) {
        for (JsonNode p : points) if (p.get("name").asText().equals(name)) return p;
        throw new AssertionError(name + " not in the JSON");
    }
}
