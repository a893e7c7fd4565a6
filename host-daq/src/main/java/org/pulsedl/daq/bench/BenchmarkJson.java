package org.pulsedl.daq.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pulsedl.quantizer.io.AtomicOutput;

/**
 * Writes the benchmark report as JSON. The schema is a contract other tools read (docs/benchmark.md):
 * top level {@code benchmark}, {@code snr_db_measured}, {@code crlb}, {@code methods}, and with a sweep a
 * list {@code sweep} of such records. Fields may be added, never renamed.
 */
public final class BenchmarkJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchmarkJson() {}

    /**
     * @param parameters benchmark parameters and seed (ordered)
     * @param main       the main point (the only one without a sweep, the first one with)
     * @param sweep      the sweep points, or empty
     */
    public static ObjectNode toJson(Map<String, String> parameters, BenchmarkPoint main, List<BenchmarkPoint> sweep) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode bench = root.putObject("benchmark");
        parameters.forEach((k, v) -> putParameter(bench, k, v));
        writePoint(root, main);
        if (!sweep.isEmpty()) {
            ArrayNode arr = root.putArray("sweep");
            for (BenchmarkPoint p : sweep) writePoint(arr.addObject(), p);
        }
        return root;
    }

    /** One point's record (bound, methods, truth, flags), as in the top level of {@link #toJson}. */
    public static ObjectNode pointJson(BenchmarkPoint p) {
        ObjectNode o = MAPPER.createObjectNode();
        writePoint(o, p);
        return o;
    }

    /** Parameters as a JSON object: numbers stay numbers. */
    public static ObjectNode parametersJson(Map<String, String> parameters) {
        ObjectNode o = MAPPER.createObjectNode();
        parameters.forEach((k, v) -> putParameter(o, k, v));
        return o;
    }

    /** Writes the report to {@code file} atomically (missing folders are created). */
    public static void write(Path file, ObjectNode json) throws IOException {
        AtomicOutput.write(file, out -> MAPPER.writeValue(out, json));
    }

    private static void writePoint(ObjectNode node, BenchmarkPoint p) {
        putNullable(node, "snr_db_target", p.snrDbTarget());
        node.put("snr_db_measured", round(p.snrDbMeasured(), 4));
        if (p.crlb() == null) {
            node.putNull("crlb");
        } else {
            writeBound(node.putObject("crlb"), p.crlb());
        }
        ArrayNode methods = node.putArray("methods");
        for (MethodResult m : p.methods()) {
            ObjectNode o = methods.addObject();
            o.put("name", m.name());
            putNullable(o, "sigma_dt_ps", m.sigmaDtPs());
            putNullable(o, "sigma_dt_err_ps", m.sigmaDtErrPs());
            putNullable(o, "fwhm_dt_ps", m.fwhmDtPs());
            putNullable(o, "energy_res_pct", m.energyResPct());
            putNullable(o, "energy_fwhm_pct", m.energyFwhmPct());
            o.put("n_events", m.nEvents());
            // Additions beyond the fixed fields: single-channel equivalent, ratio to the bound, failures.
            putNullable(o, "sigma_dt_over_sqrt2_ps", m.sigmaDtPs() == null ? null : m.sigmaDtPs() / Math.sqrt(2));
            putNullable(o, "sigma_dt_over_crlb", m.sigmaDtPs() == null || p.crlb() == null ? null : m.sigmaDtPs() / p.crlb().sigmaDtPs());
            putNullable(o, "energy_res_over_crlb", m.energyResPct() == null || p.crlb() == null ? null : m.energyResPct() / p.crlb().sigmaARelPct());
            putNullable(o, "dt_fit_chi2_ndf", m.dtFit() == null ? null : m.dtFit().chi2PerNdf());
            o.put("n_failed", m.nFailed());
            putNullable(o, "mean_dt_ps", m.meanDtPs());
            writeTruth(o, m.truth());
            writeSpectrum(o, m.spectrum());
            writeSlices(o, m.dtVsAmplitude());
            ArrayNode flags = o.putArray("flags");
            for (Flag f : m.flags()) {
                ObjectNode fo = flags.addObject();
                fo.put("code", f.code());
                fo.put("quantity", f.quantity());
                fo.put("message", f.message());
            }
        }
    }

    /** The bound; {@code model} says where its pulse model comes from, {@code coloured_noise} is null for white noise. */
    private static void writeBound(ObjectNode c, CrlbSummary b) {
        c.put("sigma_dt_ps", round(b.sigmaDtPs(), 4));
        c.put("sigma_t_single_ps", round(b.sigmaTSinglePs(), 4));
        c.put("sigma_a_rel_pct", round(b.sigmaARelPct(), 6));
        c.put("model", b.model());
        if (b.colouredNoise() == null) c.putNull("coloured_noise");
        else writeBound(c.putObject("coloured_noise"), b.colouredNoise());
    }

    /** Against the truth (DESIGN §3); every field is null when the dataset has no such labels. */
    private static void writeTruth(ObjectNode o, TruthMetrics t) {
        putNullable(o, "phase_bias_rms_ps", t == null ? null : t.phaseBiasRmsPs());
        putNullable(o, "phase_bias_max_ps", t == null ? null : t.phaseBiasMaxPs());
        putArray(o, "phase_bias_ps", t == null ? null : t.phaseBiasPs());
        putArray(o, "sigma_t_truth_ps", t == null ? null : t.sigmaTruthPs());
        putNullable(o, "energy_bias_pct", t == null ? null : t.energyBiasPct());
        putNullable(o, "energy_slope", t == null ? null : t.energySlope());
        putNullable(o, "energy_intercept", t == null ? null : t.energyIntercept());
        putNullable(o, "energy_linearity_max_dev_pct", t == null ? null : t.energyLinearityPct());
    }

    /** The spectrum's fitted lines (null at a fixed amplitude). */
    private static void writeSpectrum(ObjectNode o, EnergySpectrum s) {
        if (s == null) {
            o.putNull("spectrum");
            return;
        }
        ObjectNode so = o.putObject("spectrum");
        so.put("calibrated", s.calibrated());
        so.put("unit", s.unit());
        so.put("bin_width", round(s.histogram().binWidth(), 6));
        ArrayNode lines = so.putArray("lines");
        for (org.pulsedl.daq.stats.LineFit l : s.lines()) {
            ObjectNode lo = lines.addObject();
            lo.put("centroid", round(l.centroid(), 6));
            lo.put("centroid_err", round(l.centroidError(), 6));
            lo.put("sigma", round(l.sigma(), 6));
            lo.put("fwhm", round(l.fwhm(), 6));
            lo.put("fwhm_pct", round(l.fwhmPct(), 6));
            lo.put("area", round(l.area(), 3));
            lo.put("background_per_bin", round(l.background(), 3));
            lo.put("chi2_ndf", round(l.chi2PerNdf(), 4));
        }
    }

    /** σΔt in amplitude slices (null at a fixed amplitude). */
    private static void writeSlices(ObjectNode o, List<AmplitudeSlices.Slice> slices) {
        if (slices == null) {
            o.putNull("dt_vs_amplitude");
            return;
        }
        ArrayNode a = o.putArray("dt_vs_amplitude");
        for (AmplitudeSlices.Slice s : slices) {
            ObjectNode so = a.addObject();
            so.put("amplitude_lo", round(s.amplitudeLo(), 4));
            so.put("amplitude_hi", round(s.amplitudeHi(), 4));
            so.put("amplitude_mean", round(s.amplitudeMean(), 4));
            so.put("n_events", s.events());
            putNullable(so, "sigma_dt_ps", s.sigmaDtPs());
            putNullable(so, "sigma_dt_err_ps", s.sigmaDtErrPs());
        }
    }

    private static void putArray(ObjectNode o, String key, double[] v) {
        if (v == null) {
            o.putNull(key);
            return;
        }
        ArrayNode a = o.putArray(key);
        for (double x : v) {
            if (Double.isFinite(x)) a.add(round(x, 6));
            else a.addNull();
        }
    }

    private static void putNullable(ObjectNode o, String key, Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) o.putNull(key);
        else o.put(key, round(v, 6));
    }

    /** Numbers stay numbers in JSON; everything else is a string. */
    private static void putParameter(ObjectNode o, String key, String value) {
        try {
            if (value.matches("-?\\d+")) { o.put(key, Long.parseLong(value)); return; }
            if (value.matches("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) { o.put(key, Double.parseDouble(value)); return; }
        } catch (NumberFormatException ignored) {
            // fall through: keep the text
        }
        o.put(key, value);
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
