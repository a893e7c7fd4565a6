package org.pulsedl.quantizer.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of digitised events: integer ADC waveforms {@code [event][channel][sample]}, per-event regression
 * labels with names, and free-form attributes (generator parameters, units, provenance).
 *
 * <p>The quantizer knows nothing about physics: labels are just named columns of doubles. The schema on
 * disk is documented in {@code docs/datasets.md}.
 */
public final class Dataset {
    private final short[][][] waveforms;
    private final List<String> labelNames;
    private final double[][] labels;
    private final Map<String, String> attributes;

    /**
     * @param waveforms  {@code [events][channels][samples]}, every event the same shape
     * @param labelNames names of the label columns
     * @param labels     {@code [events][labelNames.size()]}
     * @param attributes ordered key/value attributes (copied)
     */
    public Dataset(short[][][] waveforms, List<String> labelNames, double[][] labels, Map<String, String> attributes) {
        if (waveforms.length != labels.length) {
            throw new IllegalArgumentException("dataset has " + waveforms.length + " waveforms but " + labels.length + " label rows");
        }
        int channels = waveforms.length == 0 ? 0 : waveforms[0].length;
        int samples = channels == 0 ? 0 : waveforms[0][0].length;
        for (int e = 0; e < waveforms.length; e++) {
            if (waveforms[e].length != channels) {
                throw new IllegalArgumentException("event " + e + " has " + waveforms[e].length + " channels, expected " + channels);
            }
            for (short[] ch : waveforms[e]) {
                if (ch.length != samples) {
                    throw new IllegalArgumentException("event " + e + " has a channel of " + ch.length + " samples, expected " + samples);
                }
            }
            if (labels[e].length != labelNames.size()) {
                throw new IllegalArgumentException("event " + e + " has " + labels[e].length + " labels, expected " + labelNames.size());
            }
        }
        this.waveforms = waveforms;
        this.labelNames = List.copyOf(labelNames);
        this.labels = labels;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public int events() { return waveforms.length; }
    public int channels() { return waveforms.length == 0 ? 0 : waveforms[0].length; }
    public int samples() { return channels() == 0 ? 0 : waveforms[0][0].length; }

    /** The raw array {@code [event][channel][sample]}; not copied, do not modify. */
    public short[][][] waveforms() { return waveforms; }
    public short[] waveform(int event, int channel) { return waveforms[event][channel]; }
    public List<String> labelNames() { return labelNames; }
    /** The raw label matrix {@code [event][label]}; not copied, do not modify. */
    public double[][] labels() { return labels; }
    public Map<String, String> attributes() { return attributes; }

    /** Index of the label column {@code name}, or an error naming the columns that exist. */
    public int labelIndex(String name) {
        int i = labelNames.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("dataset has no label '" + name + "' (labels: " + labelNames + ")");
        return i;
    }

    /** One label column as an array over events. */
    public double[] labelColumn(String name) {
        int i = labelIndex(name);
        double[] out = new double[labels.length];
        for (int e = 0; e < labels.length; e++) out[e] = labels[e][i];
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset d && Arrays.deepEquals(waveforms, d.waveforms) && labelNames.equals(d.labelNames)
                && Arrays.deepEquals(labels, d.labels) && attributes.equals(d.attributes);
    }

    @Override
    public int hashCode() { return Arrays.deepHashCode(waveforms) * 31 + labelNames.hashCode(); }

    @Override
    public String toString() {
        return "Dataset[" + events() + " events x " + channels() + " channels x " + samples() + " samples, labels " + labelNames + "]";
    }
}
