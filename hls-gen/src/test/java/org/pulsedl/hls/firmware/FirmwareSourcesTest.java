package org.pulsedl.hls.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.accel.LayerProgram;
import org.pulsedl.hls.gen.GeneratedFiles;
import org.pulsedl.hls.gen.Generator;
import org.pulsedl.hls.gen.OutputLayout;
import org.pulsedl.hls.gen.Repo;
import org.pulsedl.hls.gen.StandInRtl;
import org.pulsedl.hls.verilog.Provenance;
import org.pulsedl.hls.verilog.RtlTools;
import org.pulsedl.quantizer.qmodel.QModelFormat;

/**
 * The generated firmware sources compile with the host gcc ({@code -std=c99 -Wall -Wextra -Werror}) and hold exactly
 * the program's words: a host program built from them prints a checksum of every array, compared with Java's.
 */
class FirmwareSourcesTest {
    static final List<String> GCC = List.of("gcc", "-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic");

    @TempDir
    Path tmp;

    @Test
    void defaultConfiguration() throws IOException {
        check(AcceleratorConfig.artix7Default());
    }

    @Test
    void smallConfiguration() throws IOException {
        check(AcceleratorConfig.small());
    }

    @Test
    void wideLanes() throws IOException {
        check(AcceleratorConfig.artix7Default().toBuilder().pes(4).lanes(32).build());
    }

    /** The committed sources, with the accelerator's real register header, compile as they are. */
    @Test
    void committedSourcesCompile() throws IOException {
        Path fw = Repo.root().resolve("firmware/generated");
        Files.writeString(tmp.resolve("all.c"), "#include \"pulsedl_config.h\"\n#include \"pulsedl_accel_regs.h\"\n"
                + "#include \"pulsedl_model.h\"\nuint32_t pulsedl_check(void) { return pulsedl_model_descriptors[0]"
                + " + PULSEDL_CFG_PES; }\n");
        List<String> cmd = new ArrayList<>(GCC);
        cmd.addAll(List.of("-I", fw.toString(), "-c", fw.resolve("pulsedl_model.c").toString(), "all.c"));
        RtlTools.run(tmp, cmd);
    }

    private void check(AcceleratorConfig config) throws IOException {
        GeneratedFiles g = Generator.generate(QModelFormat.read(Repo.root().resolve(Repo.SHIPPED_MODEL)), config,
                new Provenance("pulsedl generate --model m.qmodel --out out", Generator.TOOL), OutputLayout.SPLIT,
                StandInRtl.INSTANCE);
        g.writeTo(tmp);
        Path fw = tmp.resolve("firmware");
        List<String> compile = new ArrayList<>(GCC);
        compile.addAll(List.of("-c", "pulsedl_model.c", "-o", "pulsedl_model.o"));
        RtlTools.run(fw, compile);
        Files.writeString(fw.resolve("main.c"), """
                #include <stdio.h>
                #include "pulsedl_config.h"
                #include "pulsedl_accel_regs.h"
                #include "pulsedl_model.h"

                /* The program was compiled for this configuration's lanes. */
                typedef char lanes_match[PULSEDL_MODEL_LANES == PULSEDL_CFG_LANES ? 1 : -1];

                static uint32_t sum(const uint32_t *w, uint32_t n) {
                    uint32_t s = 0, i;
                    for (i = 0; i < n; i++) s = s * 31u + w[i];
                    return s;
                }

                int main(void) {
                    lanes_match ok = {0};
                    (void)ok;
                    printf("%08x %08x %08x %u %u\\n",
                           (unsigned)sum(pulsedl_model_descriptors, PULSEDL_MODEL_DESCRIPTOR_WORDS),
                           (unsigned)sum(pulsedl_model_weights, PULSEDL_MODEL_WEIGHT_WORDS),
                           (unsigned)sum(pulsedl_model_params, PULSEDL_MODEL_PARAM_WORDS),
                           (unsigned)PULSEDL_CFG_PES, (unsigned)(PULSEDL_ACCEL_WEIGHT_BASE - PULSEDL_SOC_ACCEL_BASE));
                    return 0;
                }
                """);
        List<String> link = new ArrayList<>(GCC);
        link.addAll(List.of("main.c", "pulsedl_model.o", "-o", "check"));
        RtlTools.run(fw, link);
        String printed = RtlTools.run(fw, List.of(fw.resolve("check").toString())).strip();
        LayerProgram p = g.program();
        assertEquals(String.format(Locale.ROOT, "%08x %08x %08x %d %d", sum(p.descriptorWords()), sum(p.weightWords()),
                sum(p.paramWords()), config.pes(), ConfigHeader.WEIGHT_WINDOW), printed);
    }

    private static int sum(int[] w) {
        int s = 0;
        for (int x : w) {
            s = s * 31 + x;
        }
        return s;
    }
}
