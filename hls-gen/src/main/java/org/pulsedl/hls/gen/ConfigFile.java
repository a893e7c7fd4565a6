package org.pulsedl.hls.gen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An accelerator configuration file for {@code pulsedl generate --config FILE} (docs/generate.md): either JSON
 * (an object) or Java properties ({@code key = value} lines, {@code #} comments). Keys are the {@link ConfigKey}
 * names, plus an optional {@code preset} naming the base configuration; every key not given keeps the preset's value.
 *
 * <pre>
 * {"preset": "artix7", "pes": 16, "two_macs_per_dsp": true, "rounding_modes": ["SINGLE"]}
 * </pre>
 *
 * @param preset the {@code preset} key, or null
 * @param values the other keys in file order, values as text (JSON arrays joined with commas)
 */
public record ConfigFile(Path source, String preset, Map<String, String> values) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public ConfigFile {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Reads {@code file}: JSON when it ends in {@code .json} or starts with <code>{</code>, else properties. */
    public static ConfigFile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                || text.stripLeading().startsWith("{");
        Map<String, String> raw = json ? json(file, text) : properties(file, text);
        String preset = raw.remove("preset");
        for (String key : raw.keySet()) {
            try {
                ConfigKey.named(key);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("config file " + file + ": " + e.getMessage());
            }
        }
        return new ConfigFile(file, preset, raw);
    }

    private static Map<String, String> json(Path file, String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("config file " + file + ": not valid JSON: "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("config file " + file + ": the JSON must be an object of key: value");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isArray()) {
                List<String> parts = new ArrayList<>();
                for (JsonNode item : v) {
                    parts.add(scalar(file, e.getKey(), item));
                }
                out.put(e.getKey(), String.join(",", parts));
            } else {
                out.put(e.getKey(), scalar(file, e.getKey(), v));
            }
        }
        return out;
    }

    private static String scalar(Path file, String key, JsonNode v) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isNumber() || v.isBoolean()) {
            return v.asText();
        }
        throw new IllegalArgumentException("config file " + file + ": key '" + key + "' must be a number, a boolean, "
                + "a string or a list of strings, got " + v.getNodeType().name().toLowerCase(Locale.ROOT));
    }

    private static Map<String, String> properties(Path file, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = line.indexOf('=');
            int colon = line.indexOf(':');
            int sep = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
            if (sep <= 0) {
                throw new IllegalArgumentException("config file " + file + " line " + (i + 1) + ": expected "
                        + "'key = value', got '" + line + "'");
            }
            String key = line.substring(0, sep).strip();
            if (out.put(key, line.substring(sep + 1).strip()) != null) {
                throw new IllegalArgumentException("config file " + file + " line " + (i + 1) + ": key '" + key
                        + "' is given twice");
            }
        }
        return out;
    }
}
