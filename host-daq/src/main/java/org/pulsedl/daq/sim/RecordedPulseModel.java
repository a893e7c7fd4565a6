package org.pulsedl.daq.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pulse model a dataset records in its attributes ({@link SimulatorConfig#attributes()}, written by
 * {@code simulate}): shape, sampling, ADC, baseline, onset and channel offsets. Each part is null when the
 * dataset does not record it (a capture from a real digitiser records none), so {@code bench --data} takes the
 * pulse model from the file it benchmarks rather than from defaults that may not describe it (issue 9).
 */
public record RecordedPulseModel(PulseShape shape, String shapeText, Double samplingRateMsps, Integer adcBits,
                                 Double baselineFraction, Integer onsetSample, List<Double> channelOffsetsNs) {
    private static final Pattern CRRC = Pattern.compile("CR-RC\\^(\\d+) tau=([0-9.eE+-]+) ns");
    private static final Pattern DEXP = Pattern.compile("double-exponential rise tau=([0-9.eE+-]+) ns decay tau=([0-9.eE+-]+) ns");

    /** True when the dataset records any part of a pulse model. */
    public boolean any() {
        return shapeText != null || samplingRateMsps != null || adcBits != null || baselineFraction != null
                || onsetSample != null || channelOffsetsNs != null;
    }

    /**
     * Reads the recorded model; a value that does not parse is an error naming the attribute (a recorded model
     * is a claim about the data, never guessed around).
     */
    public static RecordedPulseModel of(Map<String, String> a) {
        String shapeText = a.get("shape");
        return new RecordedPulseModel(shapeText == null ? null : shape(shapeText), shapeText,
                number(a, "sampling_rate_msps"), integer(a, "adc_bits"), number(a, "baseline_fraction"),
                integer(a, "onset_sample"), offsets(a));
    }

    /** The shape for a recorded description; null for a template, whose samples the attribute does not hold. */
    static PulseShape shape(String text) {
        Matcher m = CRRC.matcher(text);
        if (m.matches()) return new CrRcShape(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)));
        m = DEXP.matcher(text);
        if (m.matches()) return new DoubleExponentialShape(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
        if (text.startsWith("template ")) return null;
        throw new IllegalArgumentException("attribute shape='" + text + "' is not a pulse shape pulsedl records "
                + "(CR-RC^N tau=T ns, double-exponential rise tau=R ns decay tau=D ns, template …)");
    }

    private static Double number(Map<String, String> a, String key) {
        String v = a.get(key);
        if (v == null) return null;
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("attribute " + key + "='" + v + "' is not a number");
        }
    }

    private static Integer integer(Map<String, String> a, String key) {
        Double d = number(a, key);
        if (d == null) return null;
        if (d != Math.rint(d)) throw new IllegalArgumentException("attribute " + key + "='" + a.get(key) + "' is not a whole number");
        return d.intValue();
    }

    private static List<Double> offsets(Map<String, String> a) {
        String v = a.get("channel_offsets_ns");
        if (v == null) return null;
        List<Double> out = new ArrayList<>();
        for (String s : v.split(",")) {
            try {
                out.add(Double.parseDouble(s.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("attribute channel_offsets_ns='" + v + "' is not a comma list of numbers");
            }
        }
        return List.copyOf(out);
    }
}
