package org.pulsedl.quantizer.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pulsedl.quantizer.io.AtomicOutput;
import org.pulsedl.quantizer.model.Activation;
import org.pulsedl.quantizer.model.AveragePooling1D;
import org.pulsedl.quantizer.model.Conv1D;
import org.pulsedl.quantizer.model.Dense;
import org.pulsedl.quantizer.model.Flatten;
import org.pulsedl.quantizer.model.FloatInference;
import org.pulsedl.quantizer.model.Layer;
import org.pulsedl.quantizer.model.MaxPooling1D;
import org.pulsedl.quantizer.model.Model;
import org.pulsedl.quantizer.model.Padding;
import org.pulsedl.quantizer.model.Reshape;
import org.pulsedl.quantizer.model.Shape;
import org.pulsedl.quantizer.quant.AdcInput;

/**
 * A trained float model that the project reloads without TensorFlow: the float IR (Keras weight layouts),
 * the input normalisation {@code x = (adc − baseline) · code_scale} and the output names and units. File
 * form: JSON {@code "format": "pulsedl-float-model"}, version 1, written deterministically (fields in a
 * fixed order, one weight row per line, doubles as shortest round-trip decimals) — see docs/training.md.
 *
 * @param model    the float model; outputs in label units
 * @param adc      the input normalisation, or {@code null}
 * @param outputs  output names
 * @param units    output units (same length; empty strings allowed)
 * @param metadata provenance (ordered)
 */
public record FloatModelFile(Model model, AdcInput adc, List<String> outputs, List<String> units,
                             Map<String, String> metadata) {
    public static final String FORMAT = "pulsedl-float-model";
    public static final int VERSION = 1;

    public FloatModelFile {
        outputs = List.copyOf(outputs);
        units = List.copyOf(units);
        metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        if (outputs.size() != units.size()) {
            throw new IllegalArgumentException("one unit per output needed");
        }
        if (!outputs.isEmpty() && outputs.size() != model.outputShape().size()) {
            throw new IllegalArgumentException("model '" + model.name() + "' has " + model.outputShape().size()
                    + " outputs but " + outputs.size() + " output names");
        }
    }

    /** The float outputs (label units) for ADC codes {@code [channel][sample]}. */
    public double[] runFromAdc(short[][] adc) {
        if (this.adc == null) {
            throw new IllegalStateException("model '" + model.name() + "' has no input normalisation");
        }
        return new FloatInference(model).run(this.adc.toModelInput(adc));
    }

    /** Writes the model to {@code file} atomically (missing folders are created). */
    public void write(Path file) throws IOException {
        AtomicOutput.writeString(file, toJson());
    }

    public String toJson() {
        StringBuilder sb = new StringBuilder("{\n");
        field(sb, 1, "format", quote(FORMAT), true);
        field(sb, 1, "version", Integer.toString(VERSION), true);
        field(sb, 1, "name", quote(model.name()), true);
        field(sb, 1, "input_shape", ints(model.inputShape().dims()), true);
        if (adc != null) {
            sb.append("  \"input_stage\": {\n");
            field(sb, 2, "adc_bits", Integer.toString(adc.adcBits()), true);
            field(sb, 2, "baseline", ints(adc.baseline()), true);
            field(sb, 2, "code_scale", doubles(adc.codeScale()), false);
            sb.append("  },\n");
        }
        sb.append("  \"outputs\": [");
        for (int i = 0; i < outputs.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append("{\"name\": ").append(quote(outputs.get(i)))
                    .append(", \"unit\": ").append(quote(units.get(i))).append('}');
        }
        sb.append("],\n  \"layers\": [\n");
        for (int i = 0; i < model.layers().size(); i++) {
            layer(sb, model.layers().get(i));
            sb.append(i + 1 < model.layers().size() ? ",\n" : "\n");
        }
        sb.append("  ],\n  \"metadata\": {");
        int k = 0;
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            sb.append(k++ == 0 ? "\n" : ",\n").append("    ").append(quote(e.getKey())).append(": ").append(quote(e.getValue()));
        }
        sb.append(k == 0 ? "}\n}\n" : "\n  }\n}\n");
        return sb.toString();
    }

    private static void layer(StringBuilder sb, Layer l) {
        sb.append("    {\n");
        if (l instanceof Conv1D c) {
            head(sb, "conv1d", c.name());
            field(sb, 3, "filters", Integer.toString(c.filters()), true);
            field(sb, 3, "kernel_size", Integer.toString(c.kernelSize()), true);
            field(sb, 3, "stride", Integer.toString(c.stride()), true);
            field(sb, 3, "padding", quote(c.padding().keras()), true);
            field(sb, 3, "activation", quote(c.activation().keras()), true);
            sb.append("      \"kernel_layout\": \"[kernel_size][in_channels][filters]\",\n      \"kernel\": [\n");
            for (int t = 0; t < c.kernelSize(); t++) {
                for (int ch = 0; ch < c.inChannels(); ch++) {
                    boolean last = t == c.kernelSize() - 1 && ch == c.inChannels() - 1;
                    sb.append(ch == 0 ? "        [" : "         ").append(doubles(c.kernel()[t][ch]))
                            .append(ch == c.inChannels() - 1 ? "]" : "").append(last ? "\n" : ",\n");
                }
            }
            sb.append("      ],\n");
            field(sb, 3, "bias", doubles(c.bias()), false);
        } else if (l instanceof Dense d) {
            head(sb, "dense", d.name());
            field(sb, 3, "units", Integer.toString(d.units()), true);
            field(sb, 3, "activation", quote(d.activation().keras()), true);
            sb.append("      \"kernel_layout\": \"[inputs][units]\",\n      \"kernel\": [\n");
            for (int i = 0; i < d.inputs(); i++) {
                sb.append("        ").append(doubles(d.weights()[i])).append(i + 1 < d.inputs() ? ",\n" : "\n");
            }
            sb.append("      ],\n");
            field(sb, 3, "bias", doubles(d.bias()), false);
        } else if (l instanceof MaxPooling1D p) {
            pool(sb, "max_pool1d", p.name(), p.poolSize(), p.stride(), p.padding());
        } else if (l instanceof AveragePooling1D p) {
            pool(sb, "average_pool1d", p.name(), p.poolSize(), p.stride(), p.padding());
        } else if (l instanceof Flatten f) {
            head(sb, "flatten", f.name());
            sb.setLength(sb.length() - 2);
            sb.append('\n');
        } else if (l instanceof Reshape r) {
            head(sb, "reshape", r.name());
            field(sb, 3, "target_shape", ints(r.target().dims()), false);
        } else {
            throw new IllegalArgumentException("layer '" + l.name() + "' (" + l.type()
                    + ") cannot be written to a float model file (fold BatchNormalization and drop Dropout first)");
        }
        sb.append("    }");
    }

    private static void head(StringBuilder sb, String type, String name) {
        field(sb, 3, "type", quote(type), true);
        field(sb, 3, "name", quote(name), true);
    }

    private static void pool(StringBuilder sb, String type, String name, int size, int stride, Padding padding) {
        head(sb, type, name);
        field(sb, 3, "pool_size", Integer.toString(size), true);
        field(sb, 3, "stride", Integer.toString(stride), true);
        field(sb, 3, "padding", quote(padding.keras()), false);
    }

    private static void field(StringBuilder sb, int indent, String name, String value, boolean comma) {
        sb.append("  ".repeat(indent)).append(quote(name)).append(": ").append(value).append(comma ? ",\n" : "\n");
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static String ints(int[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(v[i]);
        }
        return sb.append(']').toString();
    }

    private static String doubles(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("cannot write a non-finite weight " + v[i]);
            }
            sb.append(i == 0 ? "" : ", ").append(v[i]);
        }
        return sb.append(']').toString();
    }

    /**
     * Reads a float model file.
     *
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException naming the file and what is wrong
     */
    public static FloatModelFile read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage());
        }
        try {
            return fromJson(root);
        } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    static FloatModelFile fromJson(JsonNode root) {
        if (!FORMAT.equals(text(root, "format"))) {
            throw new IllegalArgumentException("format is not \"" + FORMAT + "\"");
        }
        if (req(root, "version").asInt() != VERSION) {
            throw new IllegalArgumentException("unsupported version " + root.get("version") + " (expected " + VERSION + ")");
        }
        Shape in = new Shape(intArray(req(root, "input_shape")));
        AdcInput adc = null;
        if (root.has("input_stage")) {
            JsonNode s = root.get("input_stage");
            adc = new AdcInput(req(s, "adc_bits").asInt(), intArray(req(s, "baseline")), doubleArray(req(s, "code_scale")));
        }
        List<String> names = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (JsonNode o : req(root, "outputs")) {
            names.add(text(o, "name"));
            units.add(o.has("unit") ? o.get("unit").asText() : "");
        }
        List<Layer> layers = new ArrayList<>();
        int i = 0;
        for (JsonNode l : req(root, "layers")) {
            try {
                layers.add(layerFrom(l));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layers[" + i + "]: " + e.getMessage());
            }
            i++;
        }
        Map<String, String> meta = new LinkedHashMap<>();
        if (root.has("metadata")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.get("metadata").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                meta.put(e.getKey(), e.getValue().asText());
            }
        }
        return new FloatModelFile(new Model(text(root, "name"), in, layers), adc, names, units, meta);
    }

    private static Layer layerFrom(JsonNode l) {
        String type = text(l, "type");
        String name = text(l, "name");
        return switch (type) {
            case "conv1d" -> {
                int filters = req(l, "filters").asInt();
                int k = req(l, "kernel_size").asInt();
                JsonNode kn = req(l, "kernel");
                double[][][] kernel = new double[kn.size()][][];
                for (int t = 0; t < kn.size(); t++) {
                    kernel[t] = new double[kn.get(t).size()][];
                    for (int c = 0; c < kn.get(t).size(); c++) {
                        kernel[t][c] = doubleArray(kn.get(t).get(c));
                    }
                }
                yield new Conv1D(name, filters, k, req(l, "stride").asInt(), Padding.parse(text(l, "padding")),
                        Activation.parse(text(l, "activation")), kernel, doubleArray(req(l, "bias")));
            }
            case "dense" -> {
                JsonNode kn = req(l, "kernel");
                double[][] w = new double[kn.size()][];
                for (int a = 0; a < kn.size(); a++) {
                    w[a] = doubleArray(kn.get(a));
                }
                yield new Dense(name, req(l, "units").asInt(), Activation.parse(text(l, "activation")), w,
                        doubleArray(req(l, "bias")));
            }
            case "max_pool1d" -> new MaxPooling1D(name, req(l, "pool_size").asInt(), req(l, "stride").asInt(),
                    Padding.parse(text(l, "padding")));
            case "average_pool1d" -> new AveragePooling1D(name, req(l, "pool_size").asInt(), req(l, "stride").asInt(),
                    Padding.parse(text(l, "padding")));
            case "flatten" -> new Flatten(name);
            case "reshape" -> new Reshape(name, new Shape(intArray(req(l, "target_shape"))));
            default -> throw new IllegalArgumentException("unknown layer type '" + type + "'");
        };
    }

    private static JsonNode req(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return v;
    }

    private static String text(JsonNode n, String field) { return req(n, field).asText(); }

    private static int[] intArray(JsonNode a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            if (!a.get(i).canConvertToInt()) {
                throw new IllegalArgumentException("expected integers, got " + a.get(i));
            }
            v[i] = a.get(i).asInt();
        }
        return v;
    }

    private static double[] doubleArray(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            if (!a.get(i).isNumber()) {
                throw new IllegalArgumentException("expected numbers, got " + a.get(i));
            }
            v[i] = a.get(i).asDouble();
        }
        return v;
    }
}
