package org.pulsedl.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emitted C header compiles warning-free with gcc, and the compiler's own {@code sizeof}/{@code offsetof} of
 * every struct and the value of every constant equal the Java declaration's: the firmware and the host read the
 * same bytes the same way.
 */
class ProtocolCHeaderTest {
    @TempDir
    Path dir;

    @Test
    void gccAgreesWithTheDeclaration() throws IOException, InterruptedException {
        Files.writeString(dir.resolve(ProtocolCHeader.FILE), ProtocolCHeader.emit(List.of("test banner")));
        StringBuilder c = new StringBuilder("#include <stddef.h>\n#include <stdio.h>\n#include \"")
                .append(ProtocolCHeader.FILE).append("\"\nint main(void) {\n");
        StringBuilder expected = new StringBuilder();
        for (Layout l : Protocol.layouts()) {
            String s = ProtocolCHeader.structName(l);
            print(c, l.name(), "sizeof(" + s + ")");
            expected.append(l.name()).append(' ').append(l.fixedSize()).append('\n');
            for (Field f : l.fields()) {
                print(c, l.name() + "." + f.name(), "offsetof(" + s + ", " + f.name() + ")");
                print(c, l.name() + "." + f.name() + "#", ProtocolCHeader.layoutPrefix(l) + "_"
                        + f.name().toUpperCase(java.util.Locale.ROOT) + "_OFFSET");
                print(c, l.name() + "." + f.name() + "^", "sizeof(((" + s + " *)0)->" + f.name() + ")");
                expected.append(l.name()).append('.').append(f.name()).append(' ').append(f.offset()).append('\n');
                expected.append(l.name()).append('.').append(f.name()).append("# ").append(f.offset()).append('\n');
                expected.append(l.name()).append('.').append(f.name()).append("^ ").append(f.type().size()).append('\n');
            }
            if (l.tail() != null && l.tail().scalar() != null) {
                print(c, l.name() + "." + l.tail().name(), "offsetof(" + s + ", " + l.tail().name() + ")");
                expected.append(l.name()).append('.').append(l.tail().name()).append(' ').append(l.fixedSize()).append('\n');
            }
        }
        for (Class<? extends Coded> set : Protocol.codes()) {
            for (Coded v : set.getEnumConstants()) {
                String name = ProtocolCHeader.setPrefix(set) + "_" + v.name();
                print(c, name, name);
                long value = Protocol.isBitSet(set) ? 1L << v.code() : v.code();
                expected.append(name).append(' ').append(value).append('\n');
            }
        }
        print(c, "PDL_MAX_FRAME", "PDL_MAX_FRAME");
        expected.append("PDL_MAX_FRAME ").append(FrameHeader.MAX_FRAME).append('\n');
        c.append("    return 0;\n}\n");
        Files.writeString(dir.resolve("sizes.c"), c);

        run(List.of("gcc", "-std=c11", "-Wall", "-Wextra", "-Werror", "-o", "sizes", "sizes.c"));
        assertEquals(expected.toString(), run(List.of("./sizes")));
    }

    private static void print(StringBuilder c, String label, String expr) {
        c.append("    printf(\"%s %lu\\n\", \"").append(label).append("\", (unsigned long)(").append(expr).append("));\n");
    }

    private String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " timed out");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + out);
        return out;
    }
}
