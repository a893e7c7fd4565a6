package org.pulsedl.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes docs/protocol.md (the committed copy is checked by ProtocolDocsTest). The banner follows the project's
 * generated-file banner (STYLE item 6): the command, the tool and a hash of the inputs, never a date.
 */
public final class ProtocolDocs {
    /** The committed file, relative to the repository root. */
    public static final String COMMITTED = "docs/protocol.md";
    /** How to regenerate it from the repository root. */
    public static final String COMMAND = "mvn -B -q -o -pl protocol compile && "
            + "java -cp protocol/target/classes org.pulsedl.protocol.ProtocolDocs " + COMMITTED;
    public static final String TOOL = "pulsedl protocol 0.1.0";

    private ProtocolDocs() {
    }

    /** The banner lines of a file generated from the declaration (and, for the docs, the prose) by {@code command}. */
    public static List<String> banner(String command, String... inputs) {
        return List.of("Generated file - do not edit; regenerate it instead.", "Command: " + command, "Tool: " + TOOL,
                "Input hash: sha256:" + sha256(inputs));
    }

    /** The text of docs/protocol.md. */
    public static String text() {
        return ProtocolMarkdown.emit(banner(COMMAND, Protocol.canonical(), ProtocolMarkdown.prose()));
    }

    private static String sha256(String... inputs) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String in : inputs) {
                byte[] b = in.getBytes(StandardCharsets.UTF_8);
                md.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
                md.update(b);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** {@code ProtocolDocs FILE}: writes the docs to FILE. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ProtocolDocs FILE   (the committed copy is " + COMMITTED + ")");
            System.exit(2);
        }
        Files.writeString(Path.of(args[0]), text(), StandardCharsets.UTF_8);
    }
}
