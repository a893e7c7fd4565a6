package org.pulsedl.hls.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The tool version in every banner is the project's version (the parent pom's). */
class GeneratorVersionTest {
    @Test
    void toolNamesTheProjectVersion() throws IOException {
        String pom = Files.readString(Repo.root().resolve("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>pulsedl-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find(), "no parent version in pom.xml");
        assertEquals("pulsedl hls-gen " + m.group(1), Generator.TOOL,
                "update Generator.TOOL (then regenerate the committed files, docs/generate.md §3)");
    }
}
