package org.pulsedl.hls.regmap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pulsedl.hls.verilog.Golden;

/** Layer 1: the demo register map and the SoC memory map against exact expected text. */
class RegisterMapGoldenTest {
    private static final String DIR = "org/pulsedl/hls/regmap/";

    @Test
    void registerFileVerilog() throws Exception {
        Golden.assertMatches(DIR + "demo_regs.v", RegisterFileVerilog.file(TestMaps.demo(), TestMaps.PROVENANCE).text());
    }

    @Test
    void cHeader() throws Exception {
        Golden.assertMatches(DIR + "demo.h", RegisterMapCHeader.emit(TestMaps.demo(), TestMaps.PROVENANCE));
    }

    @Test
    void markdown() throws Exception {
        Golden.assertMatches(DIR + "demo.md", RegisterMapMarkdown.emit(TestMaps.demo(), TestMaps.PROVENANCE));
    }

    @Test
    void json() throws Exception {
        Golden.assertMatches(DIR + "demo.json", RegisterMapJson.emit(TestMaps.demo(), TestMaps.PROVENANCE));
    }

    @Test
    void memoryMap() throws Exception {
        MemoryMap soc = MemoryMap.pulsedlSoc();
        Golden.assertMatches(DIR + "soc.h", MemoryMapEmitter.cHeader(soc, TestMaps.PROVENANCE));
        Golden.assertMatches(DIR + "soc.md", MemoryMapEmitter.markdown(soc, TestMaps.PROVENANCE));
        Golden.assertMatches(DIR + "soc_memory_map.vh", MemoryMapEmitter.verilogInclude(soc, TestMaps.PROVENANCE));
    }

    @Test
    void readValueConcatenation() {
        Register r = TestMaps.demo().registers().get(1);
        assertEquals("{22'h0, status_done_r, 7'h0, i_status_busy}", RegisterFileVerilog.readValue(r));
    }

    @Test
    void sameMapSameBytes() {
        for (RegisterMap m : TestMaps.matrix()) {
            RegisterMap again = TestMaps.matrix().get(TestMaps.matrix().indexOf(m));
            assertEquals(RegisterFileVerilog.file(m, TestMaps.PROVENANCE).text(), RegisterFileVerilog.file(again, TestMaps.PROVENANCE).text());
            assertEquals(RegisterMapCHeader.emit(m, TestMaps.PROVENANCE), RegisterMapCHeader.emit(again, TestMaps.PROVENANCE));
            assertEquals(RegisterMapMarkdown.emit(m, TestMaps.PROVENANCE), RegisterMapMarkdown.emit(again, TestMaps.PROVENANCE));
            assertEquals(RegisterMapJson.emit(m, TestMaps.PROVENANCE), RegisterMapJson.emit(again, TestMaps.PROVENANCE));
        }
    }
}
