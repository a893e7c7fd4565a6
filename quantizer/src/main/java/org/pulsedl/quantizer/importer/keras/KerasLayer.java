package org.pulsedl.quantizer.importer.keras;

import com.fasterxml.jackson.databind.JsonNode;
import org.pulsedl.quantizer.model.ModelException;

/**
 * One layer of a Keras model config, in the order of the config's {@code layers} list.
 *
 * @param index     position in the config's layer list (the number the error messages quote)
 * @param name      the Keras layer name
 * @param className the Keras class, e.g. {@code Conv1D}
 * @param config    the layer's {@code config} object
 */
record KerasLayer(int index, String name, String className, JsonNode config) {

    /** The one error for this layer: {@code layer 3 'conv2' (Conv1D): reason}. */
    ModelException refuse(String reason) {
        return new ModelException("layer " + index + " '" + name + "' (" + className + "): " + reason);
    }

    boolean has(String key) {
        JsonNode v = config.get(key);
        return v != null && !v.isNull();
    }

    String text(String key, String fallback) {
        JsonNode v = config.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw refuse("config field '" + key + "' is not a string: " + v);
        }
        return v.asText();
    }

    boolean bool(String key, boolean fallback) {
        JsonNode v = config.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw refuse("config field '" + key + "' is not a boolean: " + v);
        }
        return v.asBoolean();
    }

    double number(String key, double fallback) {
        JsonNode v = config.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw refuse("config field '" + key + "' is not a number: " + v);
        }
        return v.asDouble();
    }

    /** An integer given as {@code 3} or as a one-element list {@code [3]} (Keras' 1-D tuples). */
    int int1d(String key, int fallback) {
        JsonNode v = config.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (v.isArray()) {
            if (v.size() != 1 || !v.get(0).canConvertToInt()) {
                throw refuse("config field '" + key + "' must be one integer for a 1-D layer, got " + v);
            }
            v = v.get(0);
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw refuse("config field '" + key + "' is not an integer: " + v);
        }
        return v.asInt();
    }

    /** {@code data_format} must be channels_last (DESIGN §2 layout); Keras' default is channels_last. */
    void requireChannelsLast() {
        String format = text("data_format", "channels_last");
        if (!format.equals("channels_last")) {
            throw refuse("data_format '" + format + "' is not supported (pulsedl uses channels_last, [length][channels])");
        }
    }
}
