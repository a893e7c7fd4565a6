package org.pulsedl.quantizer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.quantizer.fuzz.FileFuzzer;
import org.pulsedl.quantizer.importer.ModelFiles;

/**
 * Damaged float-model JSON files (issue 8 §4): the shipped pdl2 float model, written with its content checksum,
 * then truncated, bit-flipped and replaced by random bytes. A variant is either refused with a user error naming
 * the file, or read as exactly the original model.
 */
class FloatModelFuzzTest {
    @TempDir
    Path dir;

    @Test
    void damagedFilesAreRefusedOrReadExactly() throws Exception {
        long seed = FileFuzzer.seed("FloatModelFuzzTest", 8L);
        FloatModelFile original = FloatModelFile.read(FileFuzzer.shippedModel("float-model.json"));
        String expected = original.toJson();
        byte[] valid = expected.getBytes(StandardCharsets.UTF_8);
        List<FileFuzzer.Variant> variants = FileFuzzer.variants(valid, 40, seed, 40, 220, 40);
        FileFuzzer.Summary s = FileFuzzer.run("FloatModelFuzzTest", seed, variants, dir, "json", ModelFiles::load,
                (loaded, v) -> assertEquals(expected, loaded.floatFile().toJson(), "a different model was accepted"));
        assertEquals(300, s.variants());
    }
}
