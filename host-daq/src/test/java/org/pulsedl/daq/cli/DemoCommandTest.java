package org.pulsedl.daq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.daq.bench.MethodRegistry;
import org.pulsedl.quantizer.data.DatasetIo;

class DemoCommandTest {
    @Test
    void demoWritesDatasetReportAndPlots(@TempDir Path dir) throws IOException {
        CliRun r = CliRun.of("demo", "--out", dir.toString(), "-n", "1500", "--sweep-events", "500", "--snr-sweep", "40:45:5");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(1500, DatasetIo.read(dir.resolve("pdl2.h5")).events());
        JsonNode root = new ObjectMapper().readTree(dir.resolve("bench.json").toFile());
        // the classical methods and the shipped network in float, fake-quantised and integer form
        int classical = MethodRegistry.names().size();
        assertEquals(classical + 3, root.get("methods").size());
        JsonNode nnInt = root.get("methods").get(classical + 2);
        assertEquals("nn_int", nnInt.get("name").asText());
        assertTrue(nnInt.get("sigma_dt_ps").asDouble() < 1.3 * root.get("crlb").get("sigma_dt_ps").asDouble(), nnInt::toString);
        assertEquals(2, root.get("sweep").size());
        assertTrue(Files.size(dir.resolve("plots/sigma_dt_vs_snr.png")) > 1000);
        assertTrue(Files.exists(dir.resolve("plots/dt_template_fit.png")));
    }
}
