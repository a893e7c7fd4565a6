package org.pulsedl.quantizer.importer.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.quantizer.fuzz.FileFuzzer;
import org.pulsedl.quantizer.importer.ModelFiles;
import org.pulsedl.quantizer.fuzz.AcceptedModels;

/**
 * Damaged {@code .tflite} files (issue 8 §4): the synthetic int8 chain of {@link SyntheticTflite}, truncated,
 * bit-flipped and replaced by random bytes. TFLite files carry no checksum, so a variant is either refused with a
 * user error naming the file or accepted as a structurally valid model: it passed the {@code .qmodel} rules and
 * the golden model runs a window on it.
 */
class TfliteFuzzTest {
    @TempDir
    Path dir;

    @Test
    void damagedFilesAreRefusedOrReadAsValidModels() throws Exception {
        long seed = FileFuzzer.seed("TfliteFuzzTest", 8L);
        byte[] valid = SyntheticTflite.standard().build();
        List<FileFuzzer.Variant> variants = FileFuzzer.variants(valid, 8, seed, 40, 220, 40);
        FileFuzzer.Summary s = FileFuzzer.run("TfliteFuzzTest", seed, variants, dir, "tflite", ModelFiles::load,
                (loaded, v) -> AcceptedModels.runsAWindow(loaded));
        assertEquals(300, s.variants());
    }
}
