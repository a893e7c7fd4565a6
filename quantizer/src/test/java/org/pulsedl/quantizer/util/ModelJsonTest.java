package org.pulsedl.quantizer.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pulsedl.quantizer.fuzz.FileFuzzer;
import org.pulsedl.quantizer.qmodel.QConv1D;
import org.pulsedl.quantizer.qmodel.QModelFormat;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/** The reading errors and the content checksum of our JSON model files, one exact message per case. */
class ModelJsonTest {
    @TempDir
    Path dir;

    private String refusal(String name, byte[] bytes) throws Exception {
        Path f = Files.write(dir.resolve(name), bytes);
        return assertThrows(IllegalArgumentException.class, () -> QModelFormat.read(f)).getMessage();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void notUtf8TextNamesTheByteAndOffset() throws Exception {
        assertEquals(dir.resolve("m.qmodel") + ": not a pulsedl model file: it is not UTF-8 text (byte 0x9c at offset 3)",
                refusal("m.qmodel", new byte[] {'{', ' ', ' ', (byte) 0x9c, '}'}));
    }

    @Test
    void emptyTruncatedNestedDuplicateAndTrailing() throws Exception {
        assertEquals(dir.resolve("e.qmodel") + ": the file is empty (0 bytes), not a pulsedl model file",
                refusal("e.qmodel", new byte[0]));
        assertEquals(dir.resolve("t.qmodel") + ": the file ends in the middle of the JSON at line 2 — truncated?",
                refusal("t.qmodel", utf8("{\n \"format\": \"pulsedl-q")));
        String nested = refusal("n.qmodel", utf8("[".repeat(5000) + "]".repeat(5000)));
        assertTrue(nested.startsWith(dir.resolve("n.qmodel") + ": the JSON is nested deeper or holds longer numbers"),
                nested);
        String trailing = refusal("x.qmodel", utf8("{} {}"));
        assertTrue(trailing.startsWith(dir.resolve("x.qmodel") + ": not valid JSON at line 1, column "), trailing);
        String dup = refusal("d.qmodel", utf8("{\"a\": 1, \"a\": 2}"));
        assertTrue(dup.startsWith(dir.resolve("d.qmodel") + ": not valid JSON at line 1, column ")
                && dup.contains("Duplicate field 'a'"), dup);
    }

    @Test
    void aChangedWeightIsRefusedAndAFileWithoutChecksumIsValidated() throws Exception {
        QuantizedModel m = QModelFormat.read(FileFuzzer.shippedModel("model.qmodel"));
        String text = QModelFormat.toJson(m);
        assertTrue(text.startsWith("{\n  \"format\": \"pulsedl-qmodel\",\n  \"version\": 1,\n  \"content_crc32\": \""), text);
        // the first conv weight changed by one: still a valid model, but not the one written
        int open = text.indexOf('[', text.indexOf("\"weights\": [\n") + "\"weights\": [\n".length()) + 1;
        int comma = text.indexOf(',', open);
        int w = Integer.parseInt(text.substring(open, comma).trim());
        int changed = w == 127 ? w - 1 : w + 1;
        String edited = text.substring(0, open) + changed + text.substring(comma);
        String e = refusal("edited.qmodel", utf8(edited));
        assertTrue(e.startsWith(dir.resolve("edited.qmodel") + ": content_crc32: the content does not match its checksum"
                + " (the file says "), e);
        // without the checksum line the same edit is a valid hand-written model
        Path hand = Files.writeString(dir.resolve("hand.qmodel"),
                edited.replaceFirst("  \"content_crc32\": \"[0-9a-f]{8}\",\n", ""));
        assertEquals(changed, ((QConv1D) QModelFormat.read(hand).layers().get(0)).weights()[0][0]);
        // layout does not count: re-indented content still matches its checksum
        Path reindented = Files.writeString(dir.resolve("re.qmodel"), text.replace("\n  ", "\n\t"));
        assertEquals(text, QModelFormat.toJson(QModelFormat.read(reindented)));
    }
}
