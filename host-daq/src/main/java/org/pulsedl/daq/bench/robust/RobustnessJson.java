package org.pulsedl.daq.bench.robust;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pulsedl.daq.bench.BenchmarkJson;
import org.pulsedl.daq.bench.Flag;

/**
 * The robustness report as JSON (docs/benchmark.md "Robustness"): {@code benchmark} (parameters), {@code goals},
 * and {@code points}, each with its factor, its simulation, one summary per method ({@code rows}) and the full
 * benchmark record of the point ({@code result}, the schema of {@code bench --json}).
 */
public final class RobustnessJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RobustnessJson() {}

    public static ObjectNode toJson(Map<String, String> parameters, List<RobustnessRow> rows) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("benchmark", BenchmarkJson.parametersJson(parameters));
        ObjectNode goals = root.putObject("goals");
        goals.put("sigma_dt_over_crlb", RobustnessGoals.TIME);
        goals.put("sigma_dt_over_crlb_default", RobustnessGoals.TIME_DEFAULT);
        goals.put("min_amplitude_fraction", RobustnessMatrix.GOAL_MIN_AMPLITUDE);
        goals.put("phase_bias_rms_ps_default", RobustnessGoals.PHASE_BIAS_PS);
        goals.put("energy_res_over_crlb", RobustnessGoals.ENERGY);
        goals.put("linearity_pct", RobustnessGoals.LINEARITY_PCT);
        ArrayNode points = root.putArray("points");
        Map<RobustnessPoint, ObjectNode> byPoint = new LinkedHashMap<>();
        for (RobustnessRow r : rows) {
            ObjectNode p = byPoint.computeIfAbsent(r.point(), k -> {
                ObjectNode o = points.addObject();
                o.put("name", k.name());
                o.put("factor", k.factor());
                o.put("value", k.value());
                o.set("simulation", BenchmarkJson.parametersJson(k.config().attributes()));
                o.putArray("rows");
                o.set("result", BenchmarkJson.pointJson(r.result()));
                return o;
            });
            ObjectNode row = ((ArrayNode) p.get("rows")).addObject();
            row.put("method", r.method());
            put(row, "sigma_dt_over_crlb", r.sigmaDtOverCrlb());
            put(row, "sigma_dt_over_crlb_err", r.sigmaDtOverCrlbErr());
            put(row, "phase_bias_rms_ps", r.phaseBiasRmsPs());
            put(row, "energy_res_over_crlb", r.energyOverBound());
            put(row, "energy_bias_pct", r.energyBiasPct());
            put(row, "energy_gain_shift_pct", r.energyShiftPct());
            put(row, "energy_linearity_max_dev_pct", r.linearityPct());
            ArrayNode flags = row.putArray("flags");
            for (Flag f : r.flags()) flags.addObject().put("code", f.code()).put("quantity", f.quantity()).put("message", f.message());
            ArrayNode missed = row.putArray("goals_missed");
            RobustnessGoals.misses(r).forEach(missed::add);
        }
        return root;
    }

    private static void put(ObjectNode o, String key, Double v) {
        if (v == null || !Double.isFinite(v)) o.putNull(key);
        else o.put(key, Math.round(v * 1e6) / 1e6);
    }
}
