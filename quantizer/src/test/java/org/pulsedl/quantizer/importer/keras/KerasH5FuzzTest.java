package org.pulsedl.quantizer.importer.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.quantizer.fuzz.AcceptedModels;
import org.pulsedl.quantizer.fuzz.FileFuzzer;
import org.pulsedl.quantizer.importer.ModelFiles;

/**
 * Damaged legacy Keras {@code .h5} files (issue 8 §4): a tiny Keras model saved as HDF5 (resource
 * {@code tiny.h5}, made by {@code make_tiny_keras.py}), truncated, bit-flipped and replaced by random
 * bytes. The format has no checksum of its own over the model, so a variant is either refused with a user error
 * naming the file or accepted as a structurally valid model whose float inference runs a window to finite outputs.
 */
class KerasH5FuzzTest {
    @TempDir
    Path dir;

    @Test
    void damagedFilesAreRefusedOrReadAsValidModels() throws Exception {
        long seed = FileFuzzer.seed("KerasH5FuzzTest", 8L);
        byte[] valid = FileFuzzer.resource("/org/pulsedl/quantizer/fuzz/tiny.h5");
        List<FileFuzzer.Variant> variants = FileFuzzer.variants(valid, 8, seed, 40, 220, 40);
        FileFuzzer.Summary s = FileFuzzer.run("KerasH5FuzzTest", seed, variants, dir, "h5", ModelFiles::load,
                (loaded, v) -> AcceptedModels.runsAWindow(loaded));
        assertEquals(300, s.variants());
    }
}
