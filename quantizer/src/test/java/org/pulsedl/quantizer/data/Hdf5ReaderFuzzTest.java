package org.pulsedl.quantizer.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Damaged variants of an HDF5 dataset we wrote: each is read back exactly or refused naming the file (issue 8 §4). */
class Hdf5ReaderFuzzTest {
    @TempDir
    Path dir;

    @Test
    void damagedFilesAreRefusedOrReadExactly() throws IOException {
        Dataset original = DatasetRoundTripTest.sample(20, 2, 16, 11);
        Path valid = dir.resolve("valid.h5");
        DatasetIo.write(original, valid);
        new ReaderFuzz("Hdf5ReaderFuzzTest", 8_001, dir, ".h5").run(Files.readAllBytes(valid), DatasetIo::read, original, 400);
    }
}
