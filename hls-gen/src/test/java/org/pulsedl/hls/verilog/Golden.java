package org.pulsedl.hls.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares generated text with a golden file under {@code src/test/resources}. After an intended change,
 * run the tests once with {@code PULSEDL_UPDATE_GOLDEN=1} to rewrite the files, then review the diff.
 */
public final class Golden {
    private Golden() {
    }

    /** {@code resource} is relative to the test resources root, e.g. {@code org/pulsedl/hls/verilog/x.v}. */
    public static void assertMatches(String resource, String actual) throws IOException {
        if ("1".equals(System.getenv("PULSEDL_UPDATE_GOLDEN"))) {
            Path p = Path.of("src/test/resources").resolve(resource);
            Files.createDirectories(p.getParent());
            Files.writeString(p, actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = Golden.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, "golden file " + resource + " is missing (run with PULSEDL_UPDATE_GOLDEN=1)");
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual, "differs from golden " + resource);
        }
    }
}
