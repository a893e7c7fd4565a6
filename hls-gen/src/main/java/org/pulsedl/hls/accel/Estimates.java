package org.pulsedl.hls.accel;

import java.util.List;
import java.util.Locale;

/**
 * The numbers {@code pulsedl generate} prints and writes to {@code estimates.json}: timing from {@link CycleModel},
 * resources from {@link ResourceEstimate}.
 */
public record Estimates(String model, AcceleratorConfig config, long macsPerWindow, long roundCycles,
                        double cyclesPerWindow, long latencyCycles, double macUtilization, ResourceEstimate resources,
                        double pulsesPerSecondAt100MHz, double pulsesPerSecondAtClock,
                        List<CycleModel.LayerCycles> layers) {

    public static Estimates of(String modelName, LayerProgram program) {
        CycleModel m = new CycleModel(program);
        AcceleratorConfig c = program.config();
        return new Estimates(modelName, c, program.macsPerWindow(), m.roundCycles(), m.cyclesPerWindow(),
                m.latencyCycles(), m.macUtilization(), ResourceEstimate.of(c), m.twoChannelPulsesPerSecond(100),
                m.twoChannelPulsesPerSecond(c.clockMHz()), m.layers());
    }

    /** Deterministic JSON (fixed field order, no timestamps). */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{\n");
        field(sb, "model", '"' + model.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        field(sb, "pes", config.pes());
        field(sb, "lanes", config.lanes());
        field(sb, "arithmetic_units", config.arithmeticUnits());
        field(sb, "two_macs_per_dsp", config.twoMacsPerDsp());
        field(sb, "clock_mhz", num(config.clockMHz()));
        field(sb, "macs_per_window", macsPerWindow);
        field(sb, "round_cycles", roundCycles);
        field(sb, "cycles_per_window", num(cyclesPerWindow));
        field(sb, "latency_cycles", latencyCycles);
        field(sb, "mac_utilization", num(macUtilization));
        field(sb, "dsp", resources.dsp());
        field(sb, "bram", num(resources.bram()));
        field(sb, "bram36", resources.bram36());
        field(sb, "bram18", resources.bram18());
        field(sb, "lut", resources.lut());
        field(sb, "ff", resources.ff());
        field(sb, "two_channel_pulses_per_second_at_100mhz", num(pulsesPerSecondAt100MHz));
        field(sb, "two_channel_pulses_per_second", num(pulsesPerSecondAtClock));
        sb.append("  \"layers\": [\n");
        for (int i = 0; i < layers.size(); i++) {
            CycleModel.LayerCycles l = layers.get(i);
            sb.append(String.format(Locale.ROOT,
                    "    {\"name\": \"%s\", \"groups_per_window\": %d, \"fan_in\": %d, \"cycles_per_round\": %d, "
                            + "\"macs_per_window\": %d}%s%n",
                    l.name(), l.groupsPerWindow(), l.fanIn(), l.cyclesPerRound(), l.macsPerWindow(),
                    i + 1 < layers.size() ? "," : ""));
        }
        sb.append("  ]\n}\n");
        return sb.toString();
    }

    private static String num(double v) { return String.format(Locale.ROOT, "%.6g", v); }

    private static void field(StringBuilder sb, String name, Object value) {
        sb.append("  \"").append(name).append("\": ").append(value).append(",\n");
    }
}
