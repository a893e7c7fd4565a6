package org.pulsedl.quantizer.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Damaged variants of a Vivado ILA export: imported without error or refused naming the file (issue 8 §4). */
class IlaCsvReaderFuzzTest {
    @TempDir
    Path dir;

    @Test
    void damagedExportsAreImportedOrRefused() {
        StringBuilder export = new StringBuilder("Sample in Buffer,Sample in Window,TRIGGER,adc_ch0[11:0],adc_ch1[11:0],flags[3:0]\n"
                + "Radix - UNSIGNED,UNSIGNED,UNSIGNED,HEX,SIGNED,BINARY\n");
        for (int r = 0; r < 64; r++) {
            export.append(r).append(',').append(r % 16).append(',').append(r == 3 ? 1 : 0).append(',')
                    .append(Integer.toHexString((r * 97) & 0xfff)).append(',').append(r * 61 % 4096 - 2048).append(',')
                    .append(Integer.toBinaryString(r & 15)).append('\n');
        }
        IlaCsvImporter importer = IlaCsvImporter.of(List.of("adc_ch0", "adc_ch1"), 16).withSplitOnWindowRestart(true);
        new ReaderFuzz("IlaCsvReaderFuzzTest", 8_004, dir, ".csv")
                .run(export.toString().getBytes(StandardCharsets.UTF_8), file -> importer.read(file).dataset(), null, 400);
    }
}
