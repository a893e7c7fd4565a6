package org.pulsedl.quantizer.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An architecture without weights, written as a short text, e.g. the paper's network on a 32×1 window:
 * <pre>  input 32x1, layers conv1d:8:4:2:relu,conv1d:16:4:2:relu,flatten,dense:32:relu,dense:32:relu,dense:1</pre>
 *
 * <p>Items (comma-separated, fields colon-separated; optional fields may be given in any order after the
 * required ones):
 * <ul>
 *   <li>{@code conv1d:FILTERS:KERNEL:STRIDE[:same|valid][:none|relu|relu6]} — padding defaults to
 *       <b>same</b> (the paper's network needs it to reach Flatten(128)), activation to none;</li>
 *   <li>{@code dense:UNITS[:activation]};</li>
 *   <li>{@code flatten}; {@code reshape:LxC} (first item only);</li>
 *   <li>{@code maxpool:POOL[:STRIDE][:same|valid]}, {@code avgpool:…} — stride defaults to the pool size,
 *       padding to valid (Keras defaults);</li>
 *   <li>{@code batchnorm} (or {@code bn}); {@code dropout[:RATE]}.</li>
 * </ul>
 * {@link #build} makes a {@link Model} with Keras-like initial weights (Glorot uniform, zero bias,
 * identity BatchNormalization) from a seed, and Keras-style layer names ({@code conv1d}, {@code conv1d_1}…).
 */
public record ModelSpec(Shape inputShape, List<Item> items) {

    /** The paper's network (PulseDL-II) with {@code outputs} regression outputs. */
    public static final String PAPER_LAYERS = "conv1d:8:4:2:relu,conv1d:16:4:2:relu,flatten,dense:32:relu,dense:32:relu,dense:";

    /** One parsed item: its kind and fields. Integers are -1 when not given. */
    public record Item(String kind, int a, int b, int c, Padding padding, Activation activation, double rate, String text) {}

    public ModelSpec {
        items = List.copyOf(items);
    }

    /** The paper's network on a {@code length × channels} window with {@code outputs} outputs. */
    public static ModelSpec paper(int length, int channels, int outputs) {
        return parse(length + "x" + channels, PAPER_LAYERS + outputs);
    }

    /**
     * Parses an input shape ({@code 32x2}) and a layer list.
     *
     * @throws IllegalArgumentException naming the item number, its text and the reason
     */
    public static ModelSpec parse(String inputShape, String layers) {
        Shape in = Shape.parse(inputShape);
        if (layers.isBlank()) {
            throw new IllegalArgumentException("model spec: no layers given");
        }
        String[] texts = layers.split(",");
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            String t = texts[i].trim();
            try {
                items.add(parseItem(t));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("model spec item " + (i + 1) + " '" + t + "': " + e.getMessage());
            }
        }
        return new ModelSpec(in, items);
    }

    private static Item parseItem(String text) {
        String[] f = text.toLowerCase(Locale.ROOT).split(":");
        String kind = f[0].trim();
        return switch (kind) {
            case "conv1d" -> {
                int[] n = integers(f, 3, "conv1d:FILTERS:KERNEL:STRIDE");
                Options o = options(f, 4, true, true);
                yield new Item(kind, n[0], n[1], n[2], o.padding == null ? Padding.SAME : o.padding,
                        o.activation == null ? Activation.NONE : o.activation, 0, text);
            }
            case "dense" -> {
                int[] n = integers(f, 1, "dense:UNITS");
                Options o = options(f, 2, false, true);
                yield new Item(kind, n[0], -1, -1, null, o.activation == null ? Activation.NONE : o.activation, 0, text);
            }
            case "maxpool", "avgpool" -> {
                int pool = integers(f, 1, kind + ":POOL")[0];
                int stride = pool;
                int next = 2;
                if (f.length > 2 && f[2].trim().matches("\\d+")) {
                    stride = positive(f[2], "stride");
                    next = 3;
                }
                Options o = options(f, next, true, false);
                yield new Item(kind, pool, stride, -1, o.padding == null ? Padding.VALID : o.padding, null, 0, text);
            }
            case "flatten", "batchnorm", "bn" -> {
                noMoreFields(f, 1);
                yield new Item(kind.equals("bn") ? "batchnorm" : kind, -1, -1, -1, null, null, 0, text);
            }
            case "dropout" -> {
                noMoreFields(f, 2);
                double rate = 0.0;
                if (f.length == 2) {
                    try {
                        rate = Double.parseDouble(f[1].trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("rate '" + f[1] + "' is not a number");
                    }
                }
                yield new Item(kind, -1, -1, -1, null, null, rate, text);
            }
            case "reshape" -> {
                if (f.length != 2) {
                    throw new IllegalArgumentException("expected reshape:LENGTHxCHANNELS");
                }
                Shape s = Shape.parse(f[1]);
                int[] d = s.dims();
                yield new Item(kind, d[0], d.length > 1 ? d[1] : -1, -1, null, null, 0, text);
            }
            default -> throw new IllegalArgumentException("unknown layer type '" + kind
                    + "' (expected conv1d, dense, flatten, reshape, maxpool, avgpool, batchnorm or dropout)");
        };
    }

    private record Options(Padding padding, Activation activation) {}

    private static int[] integers(String[] f, int count, String form) {
        if (f.length < 1 + count) {
            throw new IllegalArgumentException("expected " + form);
        }
        String[] names = form.split(":");
        int[] n = new int[count];
        for (int i = 0; i < count; i++) {
            n[i] = positive(f[1 + i], names[1 + i].toLowerCase(Locale.ROOT));
        }
        return n;
    }

    private static int positive(String text, String what) {
        int v;
        try {
            v = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text.trim() + "' is not an integer");
        }
        if (v < 1) {
            throw new IllegalArgumentException(what + " must be >= 1, got " + v);
        }
        return v;
    }

    private static Options options(String[] f, int from, boolean allowPadding, boolean allowActivation) {
        Padding padding = null;
        Activation activation = null;
        for (int i = from; i < f.length; i++) {
            String t = f[i].trim();
            if (allowPadding && (t.equals("same") || t.equals("valid")) && padding == null) {
                padding = Padding.parse(t);
            } else if (allowActivation && Arrays.asList("none", "linear", "relu", "relu6").contains(t) && activation == null) {
                activation = Activation.parse(t);
            } else {
                throw new IllegalArgumentException("unexpected field '" + t + "'");
            }
        }
        return new Options(padding, activation);
    }

    private static void noMoreFields(String[] f, int max) {
        if (f.length > max) {
            throw new IllegalArgumentException("unexpected field '" + f[max].trim() + "'");
        }
    }

    /** Builds the model with seeded Glorot-uniform weights and zero biases. */
    public Model build(String name, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Map<String, Integer> counts = new HashMap<>();
        List<Layer> layers = new ArrayList<>();
        Shape shape = inputShape;
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            String layerName = kerasName(it.kind(), counts);
            Layer layer = switch (it.kind()) {
                case "conv1d" -> {
                    int cin = shape.rank() == 2 ? shape.channels() : 1;
                    double lim = Math.sqrt(6.0 / (it.b() * cin + it.b() * it.a()));
                    double[][][] k = new double[it.b()][cin][it.a()];
                    for (double[][] tap : k) {
                        for (double[] row : tap) {
                            fill(row, rnd, lim);
                        }
                    }
                    yield new Conv1D(layerName, it.a(), it.b(), it.c(), it.padding(), it.activation(), k, new double[it.a()]);
                }
                case "dense" -> {
                    int in = shape.size();
                    double lim = Math.sqrt(6.0 / (in + it.a()));
                    double[][] w = new double[in][it.a()];
                    for (double[] row : w) {
                        fill(row, rnd, lim);
                    }
                    yield new Dense(layerName, it.a(), it.activation(), w, new double[it.a()]);
                }
                case "maxpool" -> new MaxPooling1D(layerName, it.a(), it.b(), it.padding());
                case "avgpool" -> new AveragePooling1D(layerName, it.a(), it.b(), it.padding());
                case "flatten" -> new Flatten(layerName);
                case "dropout" -> new Dropout(layerName, it.rate());
                case "reshape" -> new Reshape(layerName, it.b() < 0 ? Shape.flat(it.a()) : Shape.of(it.a(), it.b()));
                case "batchnorm" -> {
                    int c = shape.dims()[shape.rank() - 1];
                    double[] ones = new double[c];
                    Arrays.fill(ones, 1.0);
                    yield new BatchNormalization(layerName, ones, new double[c], new double[c], ones.clone(), 1e-3);
                }
                default -> throw new IllegalStateException(it.kind());
            };
            layers.add(layer);
            try {
                shape = layer.outputShape(shape);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new ModelException(i, layer, e.getMessage());
            }
        }
        return new Model(name, inputShape, layers);
    }

    private static void fill(double[] row, SplittableRandom rnd, double limit) {
        for (int j = 0; j < row.length; j++) {
            row[j] = (rnd.nextDouble() * 2 - 1) * limit;
        }
    }

    private static String kerasName(String kind, Map<String, Integer> counts) {
        String base = switch (kind) {
            case "maxpool" -> "max_pooling1d";
            case "avgpool" -> "average_pooling1d";
            case "batchnorm" -> "batch_normalization";
            default -> kind;
        };
        int n = counts.merge(base, 1, Integer::sum) - 1;
        return n == 0 ? base : base + "_" + n;
    }
}
