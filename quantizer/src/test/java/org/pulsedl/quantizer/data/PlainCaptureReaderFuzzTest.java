package org.pulsedl.quantizer.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Damaged variants of a plain CSV capture: imported without error or refused naming the file (issue 8 §4). */
class PlainCaptureReaderFuzzTest {
    @TempDir
    Path dir;

    @Test
    void damagedCapturesAreImportedOrRefused() {
        StringBuilder capture = new StringBuilder("# scope dump\nadc0,adc1\n");
        for (int r = 0; r < 64; r++) capture.append(r * 37 % 4096).append(',').append(-r * 11).append('\n');
        PlainCsvCaptureImporter importer = new PlainCsvCaptureImporter(0, 8, false);
        new ReaderFuzz("PlainCaptureReaderFuzzTest", 8_005, dir, ".csv")
                .run(capture.toString().getBytes(StandardCharsets.UTF_8), file -> importer.read(file).dataset(), null, 400);
    }
}
