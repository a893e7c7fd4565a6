package org.pulsedl.hls.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.accel.ProgramException;
import org.pulsedl.hls.verilog.Provenance;
import org.pulsedl.protocol.ProtocolCHeader;
import org.pulsedl.protocol.ProtocolVerilogHeader;
import org.pulsedl.quantizer.qmodel.QModelFormat;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/** The generator on the shipped model with a stand-in RTL: the file set, banners, estimates and determinism. */
class GeneratorTest {
    static final Provenance PROVENANCE = new Provenance("pulsedl generate --model m.qmodel --out out", Generator.TOOL);

    static QuantizedModel shipped() throws IOException {
        return QModelFormat.read(Repo.root().resolve(Repo.SHIPPED_MODEL));
    }

    static GeneratedFiles generate(AcceleratorConfig c, OutputLayout layout) throws IOException {
        return Generator.generate(shipped(), c, PROVENANCE, layout, StandInRtl.INSTANCE);
    }

    @Test
    void splitLayoutHasEveryFile() throws IOException {
        GeneratedFiles g = generate(AcceleratorConfig.artix7Default(), OutputLayout.SPLIT);
        assertEquals(List.of("rtl/pulsedl_accel_standin.v", "firmware/pulsedl_model.h", "firmware/pulsedl_model.c",
                "firmware/pulsedl_accel_regs.h", "firmware/pulsedl_config.h", "firmware/pulsedl_descriptors.hex",
                "firmware/pulsedl_weights.hex", "firmware/pulsedl_params.hex", "docs/pulsedl_accel_regs.md",
                "docs/pulsedl_accel_regs.json", "docs/soc_memory_map.md", "rtl/soc_memory_map.vh",
                "firmware/pulsedl_soc_map.h", "firmware/pulsedl_soc_memory.ld", "firmware/pulsedl_protocol.h",
                "rtl/pulsedl_protocol.vh", "rtl/pdl_result_header.vh",
                "rtl/pdl_uart_regs.v", "firmware/pdl_uart_regs.h", "docs/pdl_uart_regs.md",
                "rtl/pdl_timer_regs.v", "firmware/pdl_timer_regs.h", "docs/pdl_timer_regs.md",
                "rtl/pdl_sim_ctrl_regs.v", "firmware/pdl_sim_ctrl_regs.h", "docs/pdl_sim_ctrl_regs.md",
                "rtl/pdl_adc_regs.v", "firmware/pdl_adc_regs.h", "docs/pdl_adc_regs.md",
                "rtl/pdl_framer_regs.v", "firmware/pdl_framer_regs.h", "docs/pdl_framer_regs.md",
                "docs/README.md", "estimates.json"),
                List.copyOf(g.files().keySet()));
    }

    @Test
    void repoLayoutPutsDocsAndEstimatesNextToTheRtl() throws IOException {
        GeneratedFiles g = generate(AcceleratorConfig.artix7Default(), OutputLayout.REPO);
        assertTrue(g.files().containsKey("rtl/generated/pulsedl_accel_standin.v"));
        assertTrue(g.files().containsKey("firmware/generated/pulsedl_model.c"));
        assertTrue(g.files().containsKey("rtl/generated/docs/README.md"));
        assertTrue(g.files().containsKey("rtl/generated/estimates.json"));
    }

    @Test
    void everyFileCarriesTheBannerAndNoDate() throws IOException {
        GeneratedFiles g = generate(AcceleratorConfig.artix7Default(), OutputLayout.SPLIT);
        for (Map.Entry<String, String> e : g.files().entrySet()) {
            if (e.getKey().endsWith("/" + ProtocolCHeader.FILE)) {
                // the host protocol's header is the protocol module's, banner included (ProtocolDocsTest)
                assertEquals(ProtocolCHeader.text(), e.getValue());
                continue;
            }
            if (e.getKey().endsWith("/" + ProtocolVerilogHeader.FILE)) {
                assertEquals(ProtocolVerilogHeader.text(), e.getValue());
                continue;
            }
            String head = e.getValue().substring(0, Math.min(600, e.getValue().length()));
            assertTrue(head.contains("Generated file - do not edit; regenerate it instead."), e.getKey());
            assertTrue(head.contains("pulsedl generate --model m.qmodel --out out"), e.getKey());
            assertTrue(head.contains(Generator.TOOL), e.getKey());
            assertTrue(head.matches("(?s).*sha256:[0-9a-f]{64}.*"), e.getKey());
            assertFalse(e.getValue().matches("(?s).*20[0-9]{2}-[01][0-9]-[0-3][0-9].*"), e.getKey() + " has a date");
        }
    }

    @Test
    void estimatesJsonHasTheRequiredFields() throws IOException {
        GeneratedFiles g = generate(AcceleratorConfig.artix7Default(), OutputLayout.SPLIT);
        JsonNode j = new ObjectMapper().readTree(g.files().get("estimates.json"));
        for (String f : List.of("cycles_per_window", "mac_utilization", "macs_per_window", "dsp", "bram", "lut", "ff",
                "two_channel_pulses_per_second_at_100mhz")) {
            assertTrue(j.has(f) && j.get(f).isNumber(), f);
        }
        assertEquals(PROVENANCE.command(), j.get("generated").get("command").asText());
        assertEquals(112, j.get("dsp").asInt());
        assertEquals(g.estimates().macsPerWindow(), j.get("macs_per_window").asLong());
    }

    @Test
    void sameInputsSameBytesOtherInputsOtherHash() throws IOException {
        GeneratedFiles a = generate(AcceleratorConfig.artix7Default(), OutputLayout.SPLIT);
        GeneratedFiles b = generate(AcceleratorConfig.artix7Default(), OutputLayout.SPLIT);
        assertEquals(a.files(), b.files());
        GeneratedFiles c = generate(AcceleratorConfig.artix7Default().toBuilder().pes(16).build(), OutputLayout.SPLIT);
        String hashA = hashLine(a.files().get("firmware/pulsedl_model.c"));
        assertNotEquals(hashA, hashLine(c.files().get("firmware/pulsedl_model.c")));
    }

    @Test
    void modelThatDoesNotFitProducesNothing() {
        AcceleratorConfig tiny = AcceleratorConfig.artix7Default().toBuilder().weightWords(64).build();
        ProgramException e = assertThrows(ProgramException.class, () -> generate(tiny, OutputLayout.SPLIT));
        assertTrue(e.getMessage().contains("exceeding weight_words = 64"), e.getMessage());
    }

    @Test
    void readmeListsConfigurationLanesAndFiles() throws IOException {
        String r = generate(AcceleratorConfig.artix7Default(), OutputLayout.SPLIT).files().get("docs/README.md");
        assertTrue(r.contains("| `pes` | 28 |"), r);
        assertTrue(r.contains("| `two_macs_per_dsp` | true |"), r);
        assertTrue(r.contains("- `firmware/pulsedl_model.c`"), r);
        assertTrue(r.contains("- `estimates.json`"), r);
    }

    static String hashLine(String text) {
        return text.lines().filter(l -> l.contains("Input hash:")).findFirst().orElseThrow();
    }
}
