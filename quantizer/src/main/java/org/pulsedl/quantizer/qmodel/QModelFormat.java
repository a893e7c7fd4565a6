package org.pulsedl.quantizer.qmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.pulsedl.quantizer.model.Padding;
import org.pulsedl.quantizer.model.Shape;
import org.pulsedl.quantizer.quant.QuantParams;
import org.pulsedl.quantizer.quant.RoundingMode;
import org.pulsedl.quantizer.quant.Width;
import org.pulsedl.quantizer.util.ModelJson;

/**
 * The {@code .qmodel} file: versioned JSON ({@code "format": "pulsedl-qmodel", "version": 1}), integer
 * arrays one row per output channel, documented field by field in docs/qmodel.md. Writing is
 * deterministic (same model, same bytes) and records {@code content_crc32} ({@link ModelJson}); reading verifies
 * it when present, checks every field and then the whole model ({@link QModelValidator}); errors are
 * {@link QModelException}s naming the field (and, from {@link #read}, the file).
 */
public final class QModelFormat {
    public static final String FORMAT = "pulsedl-qmodel";
    public static final int VERSION = 1;
    static final String CONV_LAYOUT = "[filters][kernel_size][in_channels]";
    static final String DENSE_LAYOUT = "[units][inputs]";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private QModelFormat() {}

    // ---------------------------------------------------------------- writing

    /** Writes {@code model} to {@code file} atomically (the previous file stays whole if the write is interrupted). */
    public static void write(QuantizedModel model, Path file) throws IOException {
        AtomicOutput.writeString(file, toJson(model));
    }

    /** The file's text: {@link #contentTree} with {@code content_crc32} after {@code version}. */
    public static String toJson(QuantizedModel m) {
        return JsonLayout.write(ModelJson.withChecksum(contentTree(m), "version"));
    }

    /**
     * The model's content in the file's layout without the checksum line: what identifies the model (the hardware
     * generator's banner hashes it), independent of the file's integrity field.
     */
    public static String contentJson(QuantizedModel m) {
        return JsonLayout.write(contentTree(m));
    }

    private static ObjectNode contentTree(QuantizedModel m) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("name", m.name());
        root.put("rounding", m.rounding().name());
        root.put("m_bits", m.mBits());
        ObjectNode input = quant(m.input());
        input.set("shape", shape(m.inputShape()));
        root.set("input", reorder(input, "shape"));
        if (m.inputStage() != null) {
            InputStage s = m.inputStage();
            ObjectNode st = root.putObject("input_stage");
            st.put("adc_bits", s.adcBits());
            st.set("baseline", ints(s.baseline()));
            st.set("code_scale", doubles(s.codeScale()));
            st.set("m0", ints(s.m0()));
            st.set("shift", ints(s.shift()));
        }
        ArrayNode layers = root.putArray("layers");
        for (QLayer l : m.layers()) {
            layers.add(layer(l));
        }
        ArrayNode outs = root.putArray("outputs");
        for (OutputScaling o : m.outputs()) {
            ObjectNode n = outs.addObject();
            n.put("name", o.name());
            n.put("unit", o.unit());
            n.put("a", o.a());
            n.put("b", o.b());
        }
        ObjectNode meta = root.putObject("metadata");
        m.metadata().forEach(meta::put);
        return root;
    }

    private static ObjectNode layer(QLayer l) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("type", l.type());
        n.put("name", l.name());
        n.set("input_shape", shape(l.inputShape()));
        n.set("output_shape", shape(l.outputShape()));
        if (l instanceof QConv1D c) {
            n.put("filters", c.filters());
            n.put("kernel_size", c.kernelSize());
            n.put("stride", c.stride());
            n.put("padding", c.padding().keras());
            n.put("pad_left", c.padLeft());
            weighted(n, c.activation(), c.input(), c.requant(), CONV_LAYOUT, c.weightScales(), c.weights(), c.bias());
        } else if (l instanceof QDense d) {
            weighted(n, d.activation(), d.input(), d.requant(), DENSE_LAYOUT, d.weightScales(), d.weights(), d.bias());
        } else if (l instanceof QMaxPool1D p) {
            pool(n, p.poolSize(), p.stride(), p.padding(), p.padLeft(), p.quant());
        } else if (l instanceof QAvgPool1D p) {
            pool(n, p.poolSize(), p.stride(), p.padding(), p.padLeft(), p.quant());
        } else if (l instanceof QBiasAdd b) {
            biasAdd(n, b);
        } else {
            n.set("quant", quant(l.input()));
        }
        return n;
    }

    private static void biasAdd(ObjectNode n, QBiasAdd b) {
        n.put("activation", b.activation().keras());
        n.set("input", quant(b.input()));
        n.set("bias_quant", quant(b.biasQuant()));
        n.set("bias", ints(b.bias()));
        n.set("output", quant(b.output()));
        n.put("act_min", b.actMin());
        n.put("act_max", b.actMax());
        QBiasAdd.Rescale r = b.rescale();
        n.put("left_shift", r.leftShift());
        n.put("input_m0", r.inputM0());
        n.put("input_shift", r.inputShift());
        n.put("bias_m0", r.biasM0());
        n.put("bias_shift", r.biasShift());
        n.put("output_m0", r.outputM0());
        n.put("output_shift", r.outputShift());
    }

    private static void pool(ObjectNode n, int size, int stride, Padding padding, int padLeft, QuantParams q) {
        n.put("pool_size", size);
        n.put("stride", stride);
        n.put("padding", padding.keras());
        n.put("pad_left", padLeft);
        n.set("quant", quant(q));
    }

    private static void weighted(ObjectNode n, Activation act, QuantParams in, Requant rq, String layout,
                                 double[] scales, byte[][] w, long[] bias) {
        n.put("activation", act.keras());
        n.set("input", quant(in));
        n.put("raw", rq == null);
        if (rq != null) {
            n.set("output", quant(rq.output()));
            n.put("act_min", rq.actMin());
            n.put("act_max", rq.actMax());
        }
        n.put("weight_layout", layout);
        n.set("weight_scales", doubles(scales));
        ArrayNode rows = n.putArray("weights");
        for (byte[] row : w) {
            ArrayNode r = rows.addArray();
            for (byte v : row) {
                r.add(v);
            }
        }
        ArrayNode b = n.putArray("bias");
        for (long v : bias) {
            b.add(v);
        }
        if (rq != null) {
            n.set("m0", ints(rq.m0()));
            n.set("shift", ints(rq.shift()));
        }
    }

    private static ObjectNode quant(QuantParams q) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("width", q.width().label());
        n.put("scale", q.scale());
        n.put("zero_point", q.zeroPoint());
        return n;
    }

    private static ObjectNode reorder(ObjectNode n, String first) {
        ObjectNode r = MAPPER.createObjectNode();
        r.set(first, n.get(first));
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals(first)) {
                r.set(e.getKey(), e.getValue());
            }
        }
        return r;
    }

    private static ArrayNode shape(Shape s) { return ints(s.dims()); }

    private static ArrayNode ints(int[] v) {
        ArrayNode a = MAPPER.createArrayNode();
        for (int x : v) {
            a.add(x);
        }
        return a;
    }

    private static ArrayNode doubles(double[] v) {
        ArrayNode a = MAPPER.createArrayNode();
        for (double x : v) {
            a.add(x);
        }
        return a;
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads and validates a {@code .qmodel} file.
     *
     * @throws IOException             when the file cannot be read
     * @throws IllegalArgumentException naming the file and the problem ({@link QModelException} for a field)
     */
    public static QuantizedModel read(Path file) throws IOException {
        JsonNode tree = ModelJson.read(file, "pulsedl model file");
        try {
            return fromTree(tree);
        } catch (QModelException e) {
            throw e.inFile(file);
        }
    }

    /** Parses and validates; every problem is a {@link QModelException} naming the field. */
    public static QuantizedModel fromJson(String json) {
        JsonNode tree;
        try {
            tree = ModelJson.parse(json);
        } catch (IllegalArgumentException e) {
            throw new QModelException("(file)", e.getMessage());
        }
        return fromTree(tree);
    }

    private static QuantizedModel fromTree(JsonNode tree) {
        JsonFields root = new JsonFields(tree, "");
        String format = root.has("format") ? root.get("format").asText() : "";
        if (!FORMAT.equals(format)) {
            throw new QModelException("format", "expected \"" + FORMAT + "\", got " + (root.has("format") ? root.get("format") : "nothing"));
        }
        int version = root.integer("version");
        if (version != VERSION) {
            throw new QModelException("version", "this reader understands version " + VERSION + ", the file has " + version);
        }
        String damaged = ModelJson.checksumProblem(tree);
        if (damaged != null) {
            throw new QModelException(ModelJson.CHECKSUM_FIELD, damaged);
        }
        root.onlyKeys("format", "version", ModelJson.CHECKSUM_FIELD, "name", "rounding", "m_bits", "input", "input_stage", "layers", "outputs", "metadata");
        String name = root.text("name");
        RoundingMode rounding = parse(() -> RoundingMode.parse(root.text("rounding")), "rounding");
        int mBits = root.integer("m_bits");
        JsonFields in = root.object("input");
        Shape inputShape = shape(in, "shape");
        QuantParams input = quant(in, true);
        InputStage stage = root.has("input_stage") ? inputStage(root.object("input_stage")) : null;
        List<QLayer> layers = new ArrayList<>();
        JsonNode arr = root.array("layers");
        for (int i = 0; i < arr.size(); i++) {
            layers.add(layer(new JsonFields(arr.get(i), "layers[" + i + "]")));
        }
        List<OutputScaling> outputs = new ArrayList<>();
        if (root.has("outputs")) {
            JsonNode outs = root.array("outputs");
            for (int i = 0; i < outs.size(); i++) {
                JsonFields o = new JsonFields(outs.get(i), "outputs[" + i + "]");
                o.onlyKeys("name", "unit", "a", "b");
                String unit = o.has("unit") ? o.text("unit") : "";
                outputs.add(parse(() -> new OutputScaling(o.text("name"), unit, o.number("a"), o.number("b")), o.path("name")));
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        if (root.has("metadata")) {
            JsonFields md = root.object("metadata");
            for (Iterator<Map.Entry<String, JsonNode>> it = root.get("metadata").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                meta.put(e.getKey(), md.text(e.getKey()));
            }
        }
        return new QuantizedModel(name, inputShape, input, stage, layers, rounding, mBits, outputs, meta);
    }

    private static QLayer layer(JsonFields f) {
        String type = f.text("type");
        String name = f.text("name");
        Shape in = shape(f, "input_shape");
        QLayer layer = switch (type) {
            case "conv1d" -> {
                f.onlyKeys("type", "name", "input_shape", "output_shape", "filters", "kernel_size", "stride", "padding",
                        "pad_left", "activation", "input", "raw", "output", "act_min", "act_max", "weight_layout",
                        "weight_scales", "weights", "bias", "m0", "shift");
                checkLayout(f, CONV_LAYOUT);
                Padding padding = parse(() -> Padding.parse(f.text("padding")), f.path("padding"));
                Activation act = parse(() -> Activation.parse(f.text("activation")), f.path("activation"));
                QuantParams q = quant(f.object("input"));
                Requant rq = requant(f);
                QConv1D c = new QConv1D(name, in, f.integer("filters"), f.integer("kernel_size"), f.integer("stride"),
                        padding, act, q, f.weightRows("weights"), f.doubles("weight_scales"), f.longs("bias"), rq);
                if (in.rank() != 2) {
                    throw new QModelException(f.path("input_shape"), "conv1d needs [length, channels], got " + in);
                }
                checkDerived(f, "pad_left", c.padLeft());
                yield c;
            }
            case "dense" -> {
                f.onlyKeys("type", "name", "input_shape", "output_shape", "activation", "input", "raw", "output",
                        "act_min", "act_max", "weight_layout", "weight_scales", "weights", "bias", "m0", "shift");
                checkLayout(f, DENSE_LAYOUT);
                if (!in.isFlat()) {
                    throw new QModelException(f.path("input_shape"), "dense needs a flat input, got " + in);
                }
                Activation act = parse(() -> Activation.parse(f.text("activation")), f.path("activation"));
                QuantParams q = quant(f.object("input"));
                Requant rq = requant(f);
                byte[][] w = f.weightRows("weights");
                yield new QDense(name, in.size(), w.length, act, q, w, f.doubles("weight_scales"), f.longs("bias"), rq);
            }
            case "max_pool1d", "average_pool1d" -> {
                f.onlyKeys("type", "name", "input_shape", "output_shape", "pool_size", "stride", "padding", "pad_left", "quant");
                if (in.rank() != 2) {
                    throw new QModelException(f.path("input_shape"), type + " needs [length, channels], got " + in);
                }
                Padding padding = parse(() -> Padding.parse(f.text("padding")), f.path("padding"));
                QuantParams q = quant(f.object("quant"));
                int size = f.integer("pool_size");
                int stride = f.integer("stride");
                if (size < 1 || stride < 1) {
                    throw new QModelException(f.path("pool_size"), "pool_size and stride must be >= 1");
                }
                checkDerived(f, "pad_left", padding.padLeft(in.length(), size, stride));
                yield type.equals("max_pool1d")
                        ? new QMaxPool1D(name, in, size, stride, padding, q)
                        : new QAvgPool1D(name, in, size, stride, padding, q);
            }
            case "bias_add" -> {
                f.onlyKeys("type", "name", "input_shape", "output_shape", "activation", "input", "bias_quant", "bias",
                        "output", "act_min", "act_max", "left_shift", "input_m0", "input_shift", "bias_m0",
                        "bias_shift", "output_m0", "output_shift");
                Activation act = parse(() -> Activation.parse(f.text("activation")), f.path("activation"));
                QBiasAdd.Rescale r = new QBiasAdd.Rescale(f.integer("left_shift"), f.integer("input_m0"),
                        f.integer("input_shift"), f.integer("bias_m0"), f.integer("bias_shift"), f.integer("output_m0"),
                        f.integer("output_shift"));
                yield new QBiasAdd(name, in, quant(f.object("input")), quant(f.object("bias_quant")), f.ints("bias"), r,
                        quant(f.object("output")), act, f.integer("act_min"), f.integer("act_max"));
            }
            case "flatten" -> {
                f.onlyKeys("type", "name", "input_shape", "output_shape", "quant");
                yield new QFlatten(name, in, quant(f.object("quant")));
            }
            case "reshape" -> {
                f.onlyKeys("type", "name", "input_shape", "output_shape", "quant");
                yield new QReshape(name, in, shape(f, "output_shape"), quant(f.object("quant")));
            }
            default -> throw new QModelException(f.path("type"), "unknown layer type '" + type
                    + "' (expected conv1d, dense, max_pool1d, average_pool1d, bias_add, flatten or reshape)");
        };
        Shape declared = shape(f, "output_shape");
        Shape computed;
        try {
            computed = layer.outputShape();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new QModelException(f.path("output_shape"), e.getMessage());
        }
        if (!declared.equals(computed)) {
            throw new QModelException(f.path("output_shape"), "declares " + declared + " but the layer produces " + computed);
        }
        return layer;
    }

    private static Requant requant(JsonFields f) {
        boolean raw = f.bool("raw");
        if (raw) {
            for (String k : new String[] {"output", "act_min", "act_max", "m0", "shift"}) {
                if (f.has(k)) {
                    throw new QModelException(f.path(k), "not allowed in a raw layer");
                }
            }
            return null;
        }
        int[] m0 = f.ints("m0");
        int[] shift = f.ints("shift");
        if (m0.length != shift.length) {
            throw new QModelException(f.path("shift"), "has " + shift.length + " values but m0 has " + m0.length);
        }
        return new Requant(quant(f.object("output")), m0, shift, f.integer("act_min"), f.integer("act_max"));
    }

    private static QuantParams quant(JsonFields f) {
        return quant(f, false);
    }

    /** {@code withShape}: the model input object, which also holds {@code shape}. */
    private static QuantParams quant(JsonFields f, boolean withShape) {
        if (withShape) {
            f.onlyKeys("shape", "width", "scale", "zero_point");
        } else {
            f.onlyKeys("width", "scale", "zero_point");
        }
        Width w = parse(() -> Width.parse(f.text("width")), f.path("width"));
        double scale = f.number("scale");
        int zp = f.integer("zero_point");
        return parse(() -> new QuantParams(scale, zp, w), f.here());
    }

    private static InputStage inputStage(JsonFields f) {
        f.onlyKeys("adc_bits", "baseline", "code_scale", "m0", "shift");
        return new InputStage(f.integer("adc_bits"), f.ints("baseline"), f.doubles("code_scale"), f.ints("m0"), f.ints("shift"));
    }

    private static Shape shape(JsonFields f, String key) {
        int[] dims = f.ints(key);
        return parse(() -> new Shape(dims), f.path(key));
    }

    private static void checkLayout(JsonFields f, String expected) {
        if (f.has("weight_layout") && !f.text("weight_layout").equals(expected)) {
            throw new QModelException(f.path("weight_layout"), "expected \"" + expected + "\", got \"" + f.text("weight_layout") + "\"");
        }
    }

    private static void checkDerived(JsonFields f, String key, int computed) {
        if (f.has(key) && f.integer(key) != computed) {
            throw new QModelException(f.path(key), "declares " + f.integer(key) + " but the shapes give " + computed);
        }
    }

    private interface Parse<T> {
        T get();
    }

    /** Runs a constructor or parser and turns its IllegalArgumentException into a QModelException at {@code path}. */
    private static <T> T parse(Parse<T> p, String path) {
        try {
            return p.get();
        } catch (QModelException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new QModelException(path, e.getMessage());
        }
    }
}
