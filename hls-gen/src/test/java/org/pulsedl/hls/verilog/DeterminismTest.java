package org.pulsedl.hls.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The same input gives byte-identical output; the banner changes only with the inputs (STYLE item 6). */
class DeterminismTest {
    @Test
    void sameInputSameBytes() {
        List<VerilogFile> a = TestModules.lanesFiles(3, 100, 13, MemorySpec.ReadStyle.REGISTERED_ADDRESS, "x.hex");
        List<VerilogFile> b = TestModules.lanesFiles(3, 100, 13, MemorySpec.ReadStyle.REGISTERED_ADDRESS, "x.hex");
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).text(), b.get(i).text());
        }
    }

    @Test
    void bannerHashFollowsTheInputsAndHoldsNoDate() {
        Provenance p = new Provenance("pulsedl generate --out rtl", "pulsedl hls-gen 0.1.0");
        Banner one = p.banner("config A");
        assertEquals(one, p.banner("config A"));
        assertNotEquals(one.inputHash(), p.banner("config B").inputHash());
        String text = VerilogWriter.file(one, List.of(TestModules.counter()));
        assertFalse(text.matches("(?s).*(19|20)\\d\\d-\\d\\d-\\d\\d.*"), "banner must not hold a date");
        assertTrue(text.startsWith("""
                // Generated file - do not edit; regenerate it instead.
                // Command: pulsedl generate --out rtl
                // Tool: pulsedl hls-gen 0.1.0
                // Input hash: sha256:"""));
        assertTrue(text.contains("\n`default_nettype none\n") && text.endsWith("\n`default_nettype wire\n"));
    }

    @Test
    void hashSeparatesInputBoundaries() {
        Provenance p = new Provenance("c", "t");
        Banner ab = Banner.of(p, List.of("a".getBytes(), "bc".getBytes()));
        Banner abc = Banner.of(p, List.of("ab".getBytes(), "c".getBytes()));
        assertNotEquals(ab.inputHash(), abc.inputHash());
    }

    @Test
    void outputHasNoTabsOrTrailingSpaces() {
        for (VerilogFile f : TestModules.lanesFiles(3, 16, 8, MemorySpec.ReadStyle.REGISTERED_DATA, null)) {
            for (String line : f.text().split("\n")) {
                assertFalse(line.contains("\t") || line.endsWith(" "), "bad line: '" + line + "'");
            }
        }
    }
}
