package org.pulsedl.quantizer.qmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.quantizer.fuzz.FileFuzzer;
import org.pulsedl.quantizer.importer.ModelFiles;

/**
 * Damaged {@code .qmodel} files (issue 8 §4): the shipped pdl2 model, written with its content checksum, then
 * truncated, bit-flipped and replaced by random bytes. A variant is either refused with a user error naming the
 * file, or read as exactly the original model — never a model with a changed weight.
 */
class QModelFuzzTest {
    @TempDir
    Path dir;

    @Test
    void damagedFilesAreRefusedOrReadExactly() throws Exception {
        long seed = FileFuzzer.seed("QModelFuzzTest", 8L);
        QuantizedModel original = QModelFormat.read(FileFuzzer.shippedModel("model.qmodel"));
        String expected = QModelFormat.toJson(original);
        byte[] valid = expected.getBytes(StandardCharsets.UTF_8);
        List<FileFuzzer.Variant> variants = FileFuzzer.variants(valid, 40, seed, 40, 220, 40);
        FileFuzzer.Summary s = FileFuzzer.run("QModelFuzzTest", seed, variants, dir, "qmodel", ModelFiles::load,
                (loaded, v) -> {
                    assertTrue(loaded.isQuantized());
                    assertEquals(expected, QModelFormat.toJson(loaded.quantized()), "a different model was accepted");
                });
        assertEquals(300, s.variants());
    }
}
