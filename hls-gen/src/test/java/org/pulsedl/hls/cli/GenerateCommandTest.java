package org.pulsedl.hls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.hls.gen.Repo;
import org.pulsedl.hls.gen.StandInRtl;
import picocli.CommandLine;

/** {@code pulsedl generate} end to end on the shipped model (with a stand-in RTL), and its refusals. */
class GenerateCommandTest {
    @TempDir
    Path tmp;

    record Run(int exitCode, String out) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new GenerateCommand(Repo.root(), StandInRtl.INSTANCE));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int rc = cl.execute(args);
        return new Run(rc, out.toString());
    }

    static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    @Test
    void writesEverythingAndPrintsTheCycleModel() throws IOException {
        Path out = tmp.resolve("out");
        Run r = run("--model", Repo.SHIPPED_MODEL, "--out", out.toString());
        assertEquals(0, r.exitCode(), r.out());
        for (String f : List.of("rtl/pulsedl_accel_standin.v", "firmware/pulsedl_model.c", "firmware/pulsedl_model.h",
                "firmware/pulsedl_accel_regs.h", "firmware/pulsedl_config.h", "firmware/pulsedl_weights.hex",
                "firmware/pulsedl_descriptors.hex", "firmware/pulsedl_params.hex", "docs/README.md",
                "docs/pulsedl_accel_regs.md", "docs/soc_memory_map.md", "estimates.json")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
            String head = Files.readString(out.resolve(f)).lines().limit(8).reduce("", String::concat);
            assertTrue(head.contains("Command: pulsedl generate --model models/pdl2/model.qmodel --out " + out)
                    || head.contains("\"command\": \"pulsedl generate --model models/pdl2/model.qmodel --out " + out),
                    f + ": " + head);
        }
        assertTrue(r.out().contains("conv1d_1"), r.out());
        assertTrue(r.out().contains("cycle model per layer"), r.out());
        assertTrue(r.out().contains("112 DSP48E1"), r.out());
        JsonNode j = new ObjectMapper().readTree(out.resolve("estimates.json").toFile());
        for (String f : List.of("cycles_per_window", "mac_utilization", "macs_per_window", "dsp", "bram", "lut", "ff",
                "two_channel_pulses_per_second_at_100mhz")) {
            assertTrue(j.get(f).isNumber(), f);
        }
        assertEquals(9792, j.get("macs_per_window").asInt());
    }

    @Test
    void regeneratingChangesNoByteAndCheckAgrees() throws IOException {
        Path out = tmp.resolve("out");
        String[] args = {"--model", Repo.SHIPPED_MODEL, "--preset", "small", "--out", out.toString()};
        assertEquals(0, run(args).exitCode());
        Map<String, byte[]> first = snapshot(out);
        assertEquals(0, run(args).exitCode());
        Map<String, byte[]> second = snapshot(out);
        assertEquals(first.keySet(), second.keySet());
        first.forEach((k, v) -> assertTrue(java.util.Arrays.equals(v, second.get(k)), k));

        List<String> check = new ArrayList<>(List.of(args));
        check.add("--check");
        Run ok = run(check.toArray(String[]::new));
        assertEquals(0, ok.exitCode(), ok.out());
        Files.writeString(out.resolve("firmware/pulsedl_model.c"), "\n", java.nio.file.StandardOpenOption.APPEND);
        Run bad = run(check.toArray(String[]::new));
        assertEquals(1, bad.exitCode(), bad.out());
        assertTrue(bad.out().contains("firmware/pulsedl_model.c: differs"), bad.out());
        assertTrue(bad.out().contains("regenerate with: pulsedl generate --model models/pdl2/model.qmodel --preset small"),
                bad.out());
    }

    @Test
    void optionsConfigFileAndBannerCommand() throws IOException {
        Path cfg = Files.writeString(tmp.resolve("accel.json"), "{\"preset\": \"small\", \"pes\": 3}");
        GenerateCommand cmd = new GenerateCommand(Repo.root(), StandInRtl.INSTANCE);
        new CommandLine(cmd).parseArgs("--out", "o", "-U", "8", "--model", Repo.SHIPPED_MODEL, "--config",
                cfg.toString(), "--no-two-macs-per-dsp", "--set", "act_depth=512");
        assertEquals("pulsedl generate --model models/pdl2/model.qmodel --config " + cfg
                + " -U 8 --no-two-macs-per-dsp --set act_depth=512 --out o", cmd.commandLine());
        var g = cmd.generate();
        assertEquals(3, g.program().config().pes());
        assertEquals(8, g.program().config().lanes());
        assertEquals(512, g.program().config().actDepth());
        assertEquals(25.0, g.program().config().clockMHz());
    }

    static String refusal(String... args) {
        GenerateCommand cmd = new GenerateCommand(Repo.root(), StandInRtl.INSTANCE);
        new CommandLine(cmd).parseArgs(args);
        return assertThrows(IllegalArgumentException.class, cmd::generate).getMessage();
    }

    @Test
    void refusesBadPreset() {
        assertEquals("unknown preset 'ice40' (known: small, artix7, xc7a100t)",
                refusal("--model", Repo.SHIPPED_MODEL, "--out", "o", "--preset", "ice40"));
    }

    @Test
    void refusesZeroPes() {
        assertEquals("pes (P) must be in [1, 256], got 0", refusal("--model", Repo.SHIPPED_MODEL, "--out", "o", "-P", "0"));
    }

    @Test
    void refusesIllegalCombination() {
        assertEquals("acc_bits must be >= 48 with 16-bit activations (TFLite 16x8 accumulator bound 2^47), got 40",
                refusal("--model", Repo.SHIPPED_MODEL, "--out", "o", "--acc-bits", "40"));
    }

    @Test
    void refusesModelThatDoesNotFit() {
        assertEquals("model 'pdl2': weights need 740 words of 8 bytes, exceeding weight_words = 512 (layer 'dense' "
                        + "ends at word 580)",
                refusal("--model", Repo.SHIPPED_MODEL, "--out", "o", "--weight-words", "512"));
        assertEquals("model 'pdl2': input is int16 but activation_bits = 8",
                refusal("--model", Repo.SHIPPED_MODEL, "--out", "o", "--activation-bits", "8", "--acc-bits", "32"));
    }

    @Test
    void refusesFloatModelAndUnknownKey() {
        assertTrue(refusal("--model", "models/pdl2/float-model.json", "--out", "o")
                .endsWith("generate needs a quantised model: run `pulsedl quantize` first"));
        assertTrue(refusal("--model", Repo.SHIPPED_MODEL, "--out", "o", "--set", "pez=3")
                .startsWith("unknown configuration key 'pez' (known: pes, lanes,"));
        assertEquals("unknown layout 'flat' (known: split, repo)",
                refusal("--model", Repo.SHIPPED_MODEL, "--out", "o", "--layout", "flat"));
    }

    /** A file an earlier generation wrote and this one does not (another configuration) does not survive. */
    @Test
    void regeneratingRemovesStaleGeneratedFilesAndKeepsTheUsersOwn() throws IOException {
        Path out = tmp.resolve("out");
        String[] args = {"--model", Repo.SHIPPED_MODEL, "--out", out.toString()};
        assertEquals(0, run(args).exitCode());
        Map<String, byte[]> first = snapshot(out);
        String banner = "// " + org.pulsedl.hls.verilog.Banner.GENERATED + "\n";
        Files.writeString(out.resolve("rtl/pdl_accel_old_config.v"), banner + "module old; endmodule\n");
        Files.createDirectories(out.resolve("firmware/extra"));
        Files.writeString(out.resolve("firmware/extra/pulsedl_old.h"), "/*\n * " + org.pulsedl.hls.verilog.Banner.GENERATED + "\n */\n");
        Files.writeString(out.resolve("notes.txt"), "mine");
        Run r = run(args);
        assertEquals(0, r.exitCode(), r.out());
        Map<String, byte[]> second = snapshot(out);
        assertArrayEqualsByFile(first, second, "notes.txt");
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of("docs", "estimates.json", "firmware", "notes.txt", "rtl"),
                    s.map(p -> p.getFileName().toString()).sorted().toList(), "no partial or previous folder remains");
        }
    }

    /** A user's file inside a folder generate replaces whole is never deleted: the run is refused before any work. */
    @Test
    void aUsersFileInAGeneratedFolderIsRefusedAndNothingIsWritten() throws IOException {
        Path out = tmp.resolve("out");
        String[] args = {"--model", Repo.SHIPPED_MODEL, "--out", out.toString()};
        assertEquals(0, run(args).exitCode());
        Path mine = Files.writeString(out.resolve("rtl/my_top.v"), "module my_top; endmodule\n");
        Map<String, byte[]> before = snapshot(out);
        Run r = run(args);
        assertTrue(r.exitCode() != 0, r.out());
        assertTrue(r.out().contains(mine + ": not a generated file (no 'Generated file - do not edit; regenerate it instead.' "
                + "banner), and generate replaces " + out.resolve("rtl") + "/ whole; move the file elsewhere or choose another --out"), r.out());
        assertTrue(!r.out().contains("cycle model per layer"), "refused before generating: " + r.out());
        assertArrayEqualsByFile(before, snapshot(out), null);
    }

    @Test
    void anOutputThatIsAFileIsRefusedAtOnce() throws IOException {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        Run r = run("--model", Repo.SHIPPED_MODEL, "--out", file.toString());
        assertTrue(r.out().contains("--out " + file + ": is an existing file; choose a folder name"), r.out());
        assertTrue(!r.out().contains("cycle model per layer"), r.out());
    }

    private static void assertArrayEqualsByFile(Map<String, byte[]> want, Map<String, byte[]> have, String ignore) {
        Map<String, byte[]> h = new TreeMap<>(have);
        if (ignore != null) h.remove(ignore);
        assertEquals(want.keySet(), h.keySet());
        for (String k : want.keySet()) org.junit.jupiter.api.Assertions.assertArrayEquals(want.get(k), h.get(k), k);
    }
}
