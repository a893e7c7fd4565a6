package org.pulsedl.quantizer.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Damaged variants of a CSV dataset: ours (checksummed: read back exactly or refused) and one from another
 * tool without marker or end line (read without error or refused), always naming the file (issue 8 §4).
 */
class CsvReaderFuzzTest {
    @TempDir
    Path dir;

    @Test
    void damagedFilesOfOursAreRefusedOrReadExactly() throws IOException {
        Dataset original = DatasetRoundTripTest.sample(20, 2, 16, 12);
        Path valid = dir.resolve("valid.csv");
        DatasetIo.write(original, valid);
        new ReaderFuzz("CsvReaderFuzzTest.ours", 8_002, dir, ".csv").run(Files.readAllBytes(valid), DatasetIo::read, original, 400);
    }

    @Test
    void damagedFilesFromOtherToolsAreReadOrRefused() {
        String foreign = "# source=hand made\nch0_s0,ch0_s1,ch0_s2,t0\n1,2,3,0.5\n-4,5,-6,1e-3\n7,8,9,NaN\n10,11,12,-0.0\n";
        new ReaderFuzz("CsvReaderFuzzTest.foreign", 8_003, dir, ".csv")
                .run(foreign.getBytes(StandardCharsets.UTF_8), DatasetIo::read, null, 200);
    }
}
