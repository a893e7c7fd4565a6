package org.pulsedl.daq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.daq.sim.PulseSimulator;
import org.pulsedl.daq.sim.SimulatorConfig;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.data.DatasetIo;

/**
 * {@code bench --data} takes the pulse model from the dataset (issue 9): a 250 MSPS file benchmarked without
 * repeating the options gave the template fit 17.5× the bound, exit 0.
 */
class BenchDataModelTest {
    @TempDir static Path dir;
    static Path fast, capture;

    @BeforeAll
    static void files() throws IOException {
        SimulatorConfig c = new SimulatorConfig(SimulatorConfig.pdl2().shape(), 250, 12, 0.05, 64, 16,
                java.util.List.of(0.0, 0.0), SimulatorConfig.pdl2().noise(), 0, 0, SimulatorConfig.pdl2().amplitude(), 5);
        Dataset d = PulseSimulator.generate(c, 1500);
        fast = dir.resolve("fast.h5");
        DatasetIo.write(d, fast);
        capture = dir.resolve("capture.csv");   // the same windows as a real digitiser writes them: no attributes
        DatasetIo.write(new Dataset(d.waveforms(), java.util.List.of(), new double[d.events()][0], Map.of()), capture);
    }

    private static JsonNode method(JsonNode root, String name) {
        for (JsonNode m : root.get("methods")) if (m.get("name").asText().equals(name)) return m;
        throw new AssertionError("no method " + name);
    }

    @Test
    void theRecordedModelIsUsedWithoutRepeatingTheOptions() throws IOException {
        Path json = dir.resolve("fast.json");
        CliRun r = CliRun.of("bench", "--data", fast.toString(), "--methods", "template_fit", "--json", json.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("pulse model from " + fast + ": CR-RC^1 tau=16.0 ns, 250.0 MSPS, onset sample 16"), r::toString);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals("dataset attributes", root.get("benchmark").get("pulse_model_source").asText());
        double ratio = method(root, "template_fit").get("sigma_dt_over_crlb").asDouble();
        assertTrue(ratio > 0.9 && ratio < 1.15, "template fit at the file's own rate: " + ratio + "× the bound");
    }

    @Test
    void aContradictingOptionIsRefusedUnlessOverridden() {
        CliRun r = CliRun.of("bench", "--data", fast.toString(), "--sampling-rate", "125", "--methods", "template_fit");
        r.assertUserError("--sampling-rate 125 contradicts " + fast + ", which records sampling_rate_msps=250");
        CliRun o = CliRun.of("bench", "--data", fast.toString(), "--sampling-rate", "125", "--override", "--methods", "template_fit");
        assertEquals(0, o.exitCode(), o::toString);
        assertTrue(o.out().contains("your options override it"), o::toString);
        CliRun.of("bench", "--override").assertUserError("--override applies only with --data");
    }

    @Test
    void aCaptureWithoutAttributesSaysTheModelIsAssumed() throws IOException {
        Path json = dir.resolve("capture.json");
        CliRun r = CliRun.of("bench", "--data", capture.toString(), "--sampling-rate", "250", "--onset", "16",
                "--methods", "template_fit", "--json", json.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains(capture + " records no pulse model: the bound and the fit assume"), r::toString);
        assertTrue(new ObjectMapper().readTree(json.toFile()).get("benchmark").get("pulse_model_source").asText().startsWith("assumed"));
    }

    @Test
    void aCaptureGivenNoModelIsEstimatedFromTheData() throws IOException {
        Path json = dir.resolve("estimated.json");
        CliRun r = CliRun.of("bench", "--data", capture.toString(), "--sampling-rate", "250", "--methods", "template_fit",
                "--json", json.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains(capture + " records no pulse model: estimated from the data at 250.0 MSPS"), r::toString);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals("estimated", root.get("crlb").get("model").asText());
        assertTrue(root.get("crlb").get("coloured_noise").isNull(), "white noise");
        double ratio = method(root, "template_fit").get("sigma_dt_over_crlb").asDouble();
        assertTrue(ratio > 0.9 && ratio < 1.15, "template fit with the estimated template: " + ratio + "× the estimated bound");
    }
}
