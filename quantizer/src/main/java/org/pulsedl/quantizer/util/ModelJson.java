package org.pulsedl.quantizer.util;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Our own JSON model files ({@code .qmodel}, float-model JSON): reading them with errors in the user's terms, and
 * the content checksum that lets a reader refuse a file damaged after it was written (issue 8: "no corrupt file
 * accepted as valid").
 *
 * <p>The checksum, defined once here: field {@value #CHECKSUM_FIELD} of the top-level object holds the CRC-32
 * (8 lower-case hex digits) of the <b>canonical content</b> — the parsed JSON without that field, written compactly
 * by Jackson (keys in file order, numbers as parsed). Whitespace and layout therefore do not count; any change of a
 * key, string or number does. Files without the field (hand-written ones) are accepted and only validated.
 */
public final class ModelJson {
    /** The checksum field of our JSON model files. */
    public static final String CHECKSUM_FIELD = "content_crc32";
    /** Largest JSON model file read (a pulsedl model is kilobytes to a few megabytes; the parsed tree is ~10× larger). */
    public static final long MAX_BYTES = 64L << 20;

    private static final int MAX_MESSAGE = 300;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ModelJson() {}

    /**
     * Reads {@code file} as UTF-8 JSON. Problems are {@link IllegalArgumentException}s whose message is the file name
     * followed by the problem, e.g. {@code m.qmodel: not a pulsedl model file: it is not UTF-8 text (byte 0x9c at
     * offset 3)}.
     *
     * @param what what the file should be, for the messages ("pulsedl model file")
     * @throws IOException when the file cannot be read at all
     */
    public static JsonNode read(Path file, String what) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IllegalArgumentException(file + ": " + size + " bytes, larger than any " + what + " ("
                    + (MAX_BYTES >> 20) + " MB at most) — not a model file, or a damaged one");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        }
        if (bytes.length == 0) {
            throw new IllegalArgumentException(file + ": the file is empty (0 bytes), not a " + what);
        }
        try {
            return parse(utf8(bytes, what));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses JSON text; syntax errors are {@link IllegalArgumentException}s giving line and column. */
    public static JsonNode parse(String text) {
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new IllegalArgumentException("the file holds no JSON (only white space)");
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw new IllegalArgumentException("the JSON is nested deeper or holds longer numbers or strings than any"
                    + " model file (" + at(e) + ")");
        } catch (JsonEOFException e) {
            throw new IllegalArgumentException("the file ends in the middle of the JSON at line " + line(e)
                    + " — truncated?");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON " + at(e) + ": " + oneLine(e.getOriginalMessage()));
        }
    }

    /** The CRC-32 of {@code root}'s canonical content (see the class comment), as 8 lower-case hex digits. */
    public static String checksum(JsonNode root) {
        ObjectNode content = ((ObjectNode) root).deepCopy();
        content.remove(CHECKSUM_FIELD);
        CRC32 crc = new CRC32();
        try {
            crc.update(MAPPER.writeValueAsBytes(content));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
        return String.format(Locale.ROOT, "%08x", crc.getValue());
    }

    /**
     * What is wrong with {@value #CHECKSUM_FIELD} of {@code root} (malformed, or not matching the content), or
     * {@code null} when it matches or is absent.
     */
    public static String checksumProblem(JsonNode root) {
        if (!root.isObject() || !root.has(CHECKSUM_FIELD)) {
            return null;
        }
        JsonNode v = root.get(CHECKSUM_FIELD);
        if (!v.isTextual() || !v.asText().matches("[0-9a-f]{8}")) {
            return "must be 8 lower-case hex digits, got " + clip(v.toString());
        }
        String actual = checksum(root);
        if (actual.equals(v.asText())) {
            return null;
        }
        return "the content does not match its checksum (the file says " + v.asText() + ", the content gives " + actual
                + "): the file was damaged or edited after it was written. Write it again, or delete the "
                + CHECKSUM_FIELD + " line after a deliberate edit";
    }

    /** {@code root} with {@value #CHECKSUM_FIELD} (computed over the rest) inserted after {@code after}. */
    public static ObjectNode withChecksum(ObjectNode root, String after) {
        String crc = checksum(root);
        ObjectNode out = MAPPER.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals(CHECKSUM_FIELD)) {
                out.set(e.getKey(), e.getValue());
            }
            if (e.getKey().equals(after)) {
                out.put(CHECKSUM_FIELD, crc);
            }
        }
        if (!out.has(CHECKSUM_FIELD)) {
            out.put(CHECKSUM_FIELD, crc);
        }
        return out;
    }

    /** A message fragment made safe for one line: control characters escaped, at most {@value #MAX_MESSAGE} characters. */
    public static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return clip(sb.toString());
    }

    private static String clip(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "…";
    }

    private static String at(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null ? "near the end" : "at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static int line(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null ? -1 : at.getLineNr();
    }

    /** Strict UTF-8 decoding; the error gives the first bad byte and its offset. */
    private static String utf8(byte[] bytes, String what) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            throw new IllegalArgumentException("not a " + what + ": it is not UTF-8 text (byte 0x"
                    + String.format(Locale.ROOT, "%02x", bytes[at] & 0xff) + " at offset " + at + ")");
        }
        dec.flush(out);
        return out.flip().toString();
    }
}
