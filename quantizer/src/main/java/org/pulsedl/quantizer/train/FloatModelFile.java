package org.pulsedl.quantizer.train;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.pulsedl.quantizer.qmodel.JsonFields;
import org.pulsedl.quantizer.qmodel.QModelException;
import org.pulsedl.quantizer.quant.AdcInput;
import org.pulsedl.quantizer.util.ModelJson;

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
        if (adc != null) {
            int channels = model.inputShape().rank() == 2 ? model.inputShape().channels() : 1;
            if (adc.baseline().length != channels) {
                throw new IllegalArgumentException("input_stage: has " + adc.baseline().length + " channels, the model input "
                        + model.inputShape() + " has " + channels);
            }
            if (adc.adcBits() < 1 || adc.adcBits() > 16) {
                throw new IllegalArgumentException("input_stage.adc_bits: must be in [1, 16], got " + adc.adcBits());
            }
            for (double s : adc.codeScale()) {
                if (!(s > 0) || !Double.isFinite(s)) {
                    throw new IllegalArgumentException("input_stage.code_scale: must be finite and > 0, got " + s);
                }
            }
        }
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

    /** The file's text: the fields below, with {@code content_crc32} ({@link ModelJson}) after {@code version}. */
    public String toJson() {
        String text = toJsonWithoutChecksum();
        String versionLine = "  \"version\": " + VERSION + ",\n";
        String crc = "  \"" + ModelJson.CHECKSUM_FIELD + "\": \"" + ModelJson.checksum(ModelJson.parse(text)) + "\",\n";
        int at = text.indexOf(versionLine) + versionLine.length();
        return text.substring(0, at) + crc + text.substring(at);
    }

    private String toJsonWithoutChecksum() {
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
            // callers pass PostTrainingQuantizer.prepare(model): a layer left here is a programming error
            throw new IllegalStateException("layer '" + l.name() + "' (" + l.type() + ") has no float-model-file form;"
                    + " write the model after PostTrainingQuantizer.prepare");
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
     * Reads a float model file, verifying {@code content_crc32} when present ({@link ModelJson}).
     *
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException naming the file and what is wrong
     */
    public static FloatModelFile read(Path file) throws IOException {
        JsonNode root = ModelJson.read(file, "pulsedl float model file");
        try {
            return fromJson(root);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(file + ": " + ModelJson.oneLine(e.getMessage()), e);
        }
    }

    static FloatModelFile fromJson(JsonNode tree) {
        JsonFields root = new JsonFields(tree, "");
        String format = root.has("format") && root.get("format").isTextual() ? root.get("format").asText() : null;
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("format: expected \"" + FORMAT + "\" (a pulsedl float model file), got "
                    + (root.has("format") ? root.get("format") : "nothing"));
        }
        int version = root.integer("version");
        if (version != VERSION) {
            throw new IllegalArgumentException("version: this reader understands version " + VERSION + ", the file has "
                    + version);
        }
        String damaged = ModelJson.checksumProblem(tree);
        if (damaged != null) {
            throw new IllegalArgumentException(ModelJson.CHECKSUM_FIELD + ": " + damaged);
        }
        root.onlyKeys("format", "version", ModelJson.CHECKSUM_FIELD, "name", "input_shape", "input_stage", "outputs",
                "layers", "metadata");
        Shape in = at("input_shape", () -> new Shape(root.ints("input_shape")));
        AdcInput adc = null;
        if (root.has("input_stage")) {
            JsonFields s = root.object("input_stage");
            s.onlyKeys("adc_bits", "baseline", "code_scale");
            adc = at("input_stage", () -> new AdcInput(s.integer("adc_bits"), s.ints("baseline"), s.doubles("code_scale")));
        }
        List<String> names = new ArrayList<>();
        List<String> units = new ArrayList<>();
        JsonNode outs = root.array("outputs");
        for (int i = 0; i < outs.size(); i++) {
            JsonFields o = new JsonFields(outs.get(i), "outputs[" + i + "]");
            o.onlyKeys("name", "unit");
            names.add(o.text("name"));
            units.add(o.has("unit") ? o.text("unit") : "");
        }
        List<Layer> layers = new ArrayList<>();
        JsonNode ls = root.array("layers");
        for (int i = 0; i < ls.size(); i++) {
            JsonFields l = new JsonFields(ls.get(i), "layers[" + i + "]");
            layers.add(at(l.here(), () -> layerFrom(l)));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        if (root.has("metadata")) {
            JsonFields md = root.object("metadata");
            for (Iterator<String> it = root.get("metadata").fieldNames(); it.hasNext(); ) {
                String key = it.next();
                meta.put(key, md.text(key));
            }
        }
        String name = root.text("name");
        AdcInput stage = adc;
        return at("(root)", () -> new FloatModelFile(new Model(name, in, layers), stage, names, units, meta));
    }

    private static Layer layerFrom(JsonFields l) {
        String type = l.text("type");
        String name = l.text("name");
        return switch (type) {
            case "conv1d" -> {
                l.onlyKeys("type", "name", "filters", "kernel_size", "stride", "padding", "activation", "kernel_layout",
                        "kernel", "bias");
                checkLayout(l, "[kernel_size][in_channels][filters]");
                JsonNode kn = l.array("kernel");
                double[][][] kernel = new double[kn.size()][][];
                for (int t = 0; t < kn.size(); t++) {
                    String tp = l.path("kernel") + "[" + t + "]";
                    JsonNode tap = JsonFields.arrayAt(kn.get(t), tp);
                    kernel[t] = new double[tap.size()][];
                    for (int c = 0; c < tap.size(); c++) {
                        kernel[t][c] = JsonFields.doubleArray(tap.get(c), tp + "[" + c + "]");
                    }
                }
                yield new Conv1D(name, l.integer("filters"), l.integer("kernel_size"), l.integer("stride"),
                        Padding.parse(l.text("padding")), Activation.parse(l.text("activation")), kernel, l.doubles("bias"));
            }
            case "dense" -> {
                l.onlyKeys("type", "name", "units", "activation", "kernel_layout", "kernel", "bias");
                checkLayout(l, "[inputs][units]");
                JsonNode kn = l.array("kernel");
                double[][] w = new double[kn.size()][];
                for (int a = 0; a < kn.size(); a++) {
                    w[a] = JsonFields.doubleArray(kn.get(a), l.path("kernel") + "[" + a + "]");
                }
                yield new Dense(name, l.integer("units"), Activation.parse(l.text("activation")), w, l.doubles("bias"));
            }
            case "max_pool1d", "average_pool1d" -> {
                l.onlyKeys("type", "name", "pool_size", "stride", "padding");
                int size = l.integer("pool_size");
                int stride = l.integer("stride");
                Padding padding = Padding.parse(l.text("padding"));
                yield type.equals("max_pool1d") ? new MaxPooling1D(name, size, stride, padding)
                        : new AveragePooling1D(name, size, stride, padding);
            }
            case "flatten" -> {
                l.onlyKeys("type", "name");
                yield new Flatten(name);
            }
            case "reshape" -> {
                l.onlyKeys("type", "name", "target_shape");
                yield new Reshape(name, new Shape(l.ints("target_shape")));
            }
            default -> throw new IllegalArgumentException("unknown layer type '" + type + "'");
        };
    }

    private static void checkLayout(JsonFields l, String expected) {
        if (l.has("kernel_layout") && !l.text("kernel_layout").equals(expected)) {
            throw new IllegalArgumentException("kernel_layout: expected \"" + expected + "\", got \""
                    + l.text("kernel_layout") + "\"");
        }
    }

    /** Runs a parser or constructor; a plain IllegalArgumentException gets {@code path} in front (field errors have theirs). */
    private static <T> T at(String path, java.util.function.Supplier<T> p) {
        try {
            return p.get();
        } catch (QModelException e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }
}
