package org.pulsedl.quantizer.train;

import java.util.ArrayList;
import java.util.List;
import org.pulsedl.quantizer.data.Dataset;

/**
 * Which label columns the network regresses, and whether each channel of an event is a sample of its own.
 *
 * <p>Targets are label names. In per-channel mode a name may contain {@code {c}}, replaced by the channel
 * index: {@code t_ch{c}_ns,amplitude} makes channel 1 of an event regress {@code t_ch1_ns} and
 * {@code amplitude}. The quantizer gives the names no meaning (DESIGN §1); they become the model's output
 * names with {@code {c}} removed ({@code t_ch_ns}).
 *
 * @param templates  target label names or templates, in output order
 * @param perChannel every channel of an event is one single-channel sample
 */
public record TargetSpec(List<String> templates, boolean perChannel) {
    /** Default targets in per-channel mode (the simulator's labels). */
    public static final String PER_CHANNEL_DEFAULT = "t_ch{c}_ns,amplitude";

    public TargetSpec {
        templates = List.copyOf(templates);
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("no targets given");
        }
        for (String t : templates) {
            if (t.isBlank()) {
                throw new IllegalArgumentException("empty target name in " + templates);
            }
            if (!perChannel && t.contains("{c}")) {
                throw new IllegalArgumentException("target '" + t + "' is a per-channel template; add --per-channel");
            }
        }
    }

    /**
     * Parses a comma-separated target list; {@code null} or blank gives the default: {@link #PER_CHANNEL_DEFAULT}
     * in per-channel mode, every label column of the dataset otherwise ({@code labels}).
     */
    public static TargetSpec parse(String text, boolean perChannel, List<String> labels) {
        if (text == null || text.isBlank()) {
            if (perChannel) {
                return new TargetSpec(List.of(PER_CHANNEL_DEFAULT.split(",")), true);
            }
            if (labels.isEmpty()) {
                throw new IllegalArgumentException("the dataset has no label columns to train on");
            }
            return new TargetSpec(labels, false);
        }
        List<String> names = new ArrayList<>();
        for (String t : text.split(",")) {
            names.add(t.trim());
        }
        return new TargetSpec(names, perChannel);
    }

    /** The label column name of target {@code i} for channel {@code c}. */
    public String label(int i, int c) { return templates.get(i).replace("{c}", Integer.toString(c)); }

    /** Output names: the templates without {@code {c}}. */
    public List<String> outputNames() {
        List<String> out = new ArrayList<>();
        for (String t : templates) {
            out.add(t.replace("{c}", "").replace("__", "_"));
        }
        return out;
    }

    /**
     * Label column indices {@code [channel][target]} ({@code [1][targets]} when not per channel).
     *
     * @throws IllegalArgumentException naming the missing label and the labels the dataset has
     */
    public int[][] columns(Dataset data) {
        int channels = perChannel ? data.channels() : 1;
        int[][] idx = new int[channels][templates.size()];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < templates.size(); i++) {
                String name = label(i, c);
                int k = data.labelNames().indexOf(name);
                if (k < 0) {
                    throw new IllegalArgumentException("unknown target label '" + name + "'"
                            + (templates.get(i).contains("{c}") ? " (template '" + templates.get(i) + "', channel " + c + ")" : "")
                            + "; the dataset has labels " + data.labelNames());
                }
                idx[c][i] = k;
            }
        }
        return idx;
    }

    /** A unit guessed from a label name: {@code ns} for names ending in {@code _ns}, else empty. */
    public static String unitOf(String name) {
        int u = name.lastIndexOf('_');
        String suffix = u < 0 ? "" : name.substring(u + 1);
        return switch (suffix) {
            case "ns", "ps", "us", "codes", "kev", "mev" -> suffix;
            default -> name.equals("amplitude") ? "codes" : "";
        };
    }
}
