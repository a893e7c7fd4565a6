package org.pulsedl.daq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that writes checks its output paths before the work starts (issue 8): a folder where a file is
 * wanted, a file where a folder is wanted, or a folder that takes no files fails at once — exit 2, one line naming
 * the option, the path and the problem, nothing printed on stdout (no work done) and nothing changed on disk.
 */
class OutputPathChecksTest {
    @TempDir
    Path dir;

    private void refusedAtOnce(String message, String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("pulsedl " + args[0] + ": error: " + message + System.lineSeparator(), r.err(), r::toString);
        assertEquals("", r.out(), "no work before the refusal: " + r);
    }

    @Test
    void aFolderWhereAFileIsWantedIsRefusedBeforeTheWork() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("pdl2.h5"));
        String d = folder.toString();
        String why = ": is an existing folder; choose a file name";
        refusedAtOnce("--out " + d + why, "simulate", "--out", d, "--events", "1000000");
        refusedAtOnce("--out " + d + why, "convert", "--in", dir.resolve("missing.csv").toString(), "--out", d);
        refusedAtOnce("--json " + d + why, "bench", "--json", d);
        refusedAtOnce("--out " + d + why, "quantize", "--model", "m.json", "--calib", "c.h5", "--out", d);
        refusedAtOnce("--out " + d + why, "import", "m.keras", "--out", d);
        refusedAtOnce("--png " + d + why, "trace", "--png", d);
        assertTrue(Files.isDirectory(folder), "the folder is untouched");
    }

    @Test
    void aFileWhereAFolderIsWantedIsRefusedBeforeTheWork() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "keep");
        String f = file.toString();
        String why = ": is an existing file; choose a folder name";
        refusedAtOnce("--plots " + f + why, "bench", "--plots", f);
        refusedAtOnce("--out " + f + why, "demo", "--out", f);
        refusedAtOnce("--out " + f + why, "train", "--data", "d.h5", "--out", f);
        refusedAtOnce("--out " + f + why, "generate", "--model", "m.qmodel", "--out", f);
        refusedAtOnce("--json " + file.resolve("bench.json") + ": " + f + " is a file, not a folder",
                "bench", "--json", file.resolve("bench.json").toString());
        assertEquals("keep", Files.readString(file));
    }

    /** Holds as root too: /sys takes no new files whatever the user. */
    @Test
    void aFolderThatTakesNoFilesIsRefusedBeforeTheWork() {
        assumeTrue(Files.isDirectory(Path.of("/sys")) && !Files.exists(Path.of("/sys/bench.json")), "needs Linux /sys");
        List<String> lines = new ArrayList<>();
        for (String[] args : List.of(new String[] {"bench", "--json", "/sys/bench.json"},
                new String[] {"simulate", "--out", "/sys/out/pdl2.h5"}, new String[] {"generate", "--model", "m", "--out", "/sys/gen"})) {
            CliRun r = CliRun.of(args);
            assertEquals(2, r.exitCode(), r::toString);
            assertEquals("", r.out(), r::toString);
            lines.add(r.err().strip());
        }
        assertTrue(lines.get(0).matches("pulsedl bench: error: --json /sys/bench.json: folder /sys/ is "
                + "(read-only \\(permission denied\\)|on a read-only file system)"), lines.get(0));
        assertTrue(lines.get(1).matches("pulsedl simulate: error: --out /sys/out/pdl2.h5: folder /sys/ is .* "
                + "\\(the missing folders below it cannot be created\\)"), lines.get(1));
        assertTrue(lines.get(2).startsWith("pulsedl generate: error: --out /sys/gen: folder /sys/ is "), lines.get(2));
    }

    /** The README's {@code --json out/bench.json}: missing folders are created by the write. */
    @Test
    void missingFoldersAreCreated() {
        Path json = dir.resolve("out/deeper/bench.json");
        CliRun r = CliRun.of("bench", "-n", "200", "--methods", "dcfd", "--json", json.toString(), "--plots",
                dir.resolve("out/plots").toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(Files.isRegularFile(json));
        assertTrue(Files.isRegularFile(dir.resolve("out/plots/dt_dcfd.png")));
    }
}
