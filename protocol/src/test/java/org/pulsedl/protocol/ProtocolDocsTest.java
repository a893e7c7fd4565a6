package org.pulsedl.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed docs/protocol.md is what the declaration and the prose give today, and documents everything. */
class ProtocolDocsTest {
    private static Path committed() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("protocol/pom.xml"))) {
                return p.resolve(ProtocolDocs.COMMITTED);
            }
        }
        throw new IllegalStateException("no protocol/pom.xml above " + Path.of("").toAbsolutePath());
    }

    @Test
    void committedDocsAreUpToDate() throws IOException {
        Path file = committed();
        String want = ProtocolDocs.text();
        String have = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertTrue(want.equals(have), ProtocolDocs.COMMITTED + " is out of date with the protocol declaration; "
                + "regenerate it from the repository root with `" + ProtocolDocs.COMMAND + "` and commit it");
    }

    @Test
    void committedFirmwareHeaderIsUpToDate() throws IOException {
        Path file = committed().getParent().getParent().resolve(ProtocolCHeader.COMMITTED);
        String want = ProtocolCHeader.text();
        String have = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertTrue(want.equals(have), ProtocolCHeader.COMMITTED + " is out of date with the protocol declaration; "
                + "regenerate it from the repository root with `" + ProtocolCHeader.COMMAND + "` and commit it");
    }

    @Test
    void everyFieldMessageAndValueIsDocumented() {
        String doc = ProtocolDocs.text();
        assertTrue(!doc.contains("{{"), "every mark of the prose is filled");
        for (Layout l : Protocol.layouts()) {
            assertTrue(doc.contains("`" + l.name() + "` — "), l.name());
            for (Field f : l.fields()) {
                assertTrue(doc.contains("| " + f.offset() + " | `" + f.name() + "` | " + f.type().docName()), l.name() + "." + f.name());
            }
        }
        for (Class<? extends Coded> set : Protocol.codes()) {
            for (Coded c : set.getEnumConstants()) {
                assertTrue(doc.contains("| " + c.code() + " | `" + c.name() + "` |")
                        || doc.contains("| " + c.name() + " | `"), set.getSimpleName() + "." + c.name());
            }
        }
        assertEquals(1, doc.split("Generated file - do not edit", -1).length - 1);
    }
}
