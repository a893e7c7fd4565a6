package org.pulsedl.daq.listmode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.pulsedl.quantizer.qmodel.QModelFormat;
import org.pulsedl.quantizer.qmodel.QuantizedModel;

/**
 * What a list-mode file says about its records (docs/listmode.md §2): the model that produced them (its whole
 * {@code .qmodel} and the CRC-32 of that text, its identity), how raw outputs and timestamps become physical
 * values, the channel count, and the acquisition's settings as text.
 *
 * @param model    the network whose raw outputs the records hold
 * @param tickNs   nanoseconds per timestamp tick (one ADC sample)
 * @param channels ADC channels
 * @param settings where the data came from and how it was taken (source, rate, …), in order
 */
public record ListModeHeader(QuantizedModel model, double tickNs, int channels, Map<String, String> settings) {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FORMAT = "pulsedl-listmode";

    public ListModeHeader {
        if (!(tickNs > 0) || Double.isInfinite(tickNs)) throw new IllegalArgumentException("tick must be > 0 ns, got " + tickNs);
        if (channels < 1 || channels > 255) throw new IllegalArgumentException("channels must be 1..255, got " + channels);
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    public int outputCount() { return model.outputShape().size(); }

    public List<OutputScale> scales() { return OutputScale.of(model); }

    /** CRC-32 of the model's {@code .qmodel} text: the model's identity (and the MODEL_LOAD image's CRC). */
    public long modelCrc() { return crcOf(QModelFormat.toJson(model)); }

    /** CRC-32 of {@code text} as UTF-8. */
    public static long crcOf(String text) {
        CRC32 c = new CRC32();
        c.update(text.getBytes(StandardCharsets.UTF_8));
        return c.getValue();
    }

    /** The header as the file stores it (UTF-8 JSON). */
    byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", ListModeFormat.VERSION);
        root.put("tick_ns", tickNs);
        root.put("channels", channels);
        root.put("output_count", outputCount());
        ArrayNode outs = root.putArray("outputs");
        for (OutputScale s : scales()) {
            outs.addObject().put("name", s.name()).put("unit", s.unit()).put("gain", s.gain()).put("offset", s.offset());
        }
        ObjectNode m = root.putObject("model");
        m.put("name", model.name());
        m.put("crc32", String.format("%08x", modelCrc()));
        ObjectNode set = root.putObject("settings");
        settings.forEach(set::put);
        try {
            m.set("qmodel", JSON.readTree(QModelFormat.toJson(model)));
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the list-mode header could not be written as JSON: " + e.getMessage(), e);
        }
    }

    /** Parses a header read from {@code file}; a header that does not describe a model names what is wrong. */
    static ListModeHeader fromJson(byte[] bytes, String file) {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (!FORMAT.equals(root.path("format").asText())) {
                throw new IllegalArgumentException("list-mode file '" + file + "': the header is not a " + FORMAT + " header");
            }
            QuantizedModel model = QModelFormat.fromJson(JSON.writeValueAsString(root.path("model").path("qmodel")));
            Map<String, String> settings = new LinkedHashMap<>();
            root.path("settings").fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
            return new ListModeHeader(model, root.path("tick_ns").asDouble(), root.path("channels").asInt(), settings);
        } catch (java.io.IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage().startsWith("list-mode file")) throw iae;
            throw new IllegalArgumentException("list-mode file '" + file + "': the header is damaged (" + e.getMessage() + ")", e);
        }
    }
}
