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
 * Damaged {@code .keras} archives (issue 8 §4): a tiny Keras 3 model (resource {@code tiny.keras}, made by
 * {@code make_tiny_keras.py}), truncated, bit-flipped and replaced by random
 * bytes. The format has no checksum of its own over the model, so a variant is either refused with a user error
 * naming the file or accepted as a structurally valid model whose float inference runs a window to finite outputs.
 */
class KerasArchiveFuzzTest {
    @TempDir
    Path dir;

    @Test
    void damagedFilesAreRefusedOrReadAsValidModels() throws Exception {
        long seed = FileFuzzer.seed("KerasArchiveFuzzTest", 8L);
        byte[] valid = FileFuzzer.resource("/org/pulsedl/quantizer/fuzz/tiny.keras");
        List<FileFuzzer.Variant> variants = FileFuzzer.variants(valid, 30, seed, 40, 220, 40);
        FileFuzzer.Summary s = FileFuzzer.run("KerasArchiveFuzzTest", seed, variants, dir, "keras", ModelFiles::load,
                (loaded, v) -> AcceptedModels.runsAWindow(loaded));
        assertEquals(300, s.variants());
    }
}
