package org.pulsedl.daq.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pulsedl.daq.bench.BenchmarkJson;
import org.pulsedl.daq.bench.BenchmarkRun;
import org.pulsedl.daq.bench.MethodRegistry;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.daq.bench.robust.RobustnessJson;
import org.pulsedl.daq.bench.robust.RobustnessMatrix;
import org.pulsedl.daq.bench.robust.RobustnessPlot;
import org.pulsedl.daq.bench.robust.RobustnessPoint;
import org.pulsedl.daq.bench.robust.RobustnessRow;
import org.pulsedl.daq.bench.robust.RobustnessRun;
import org.pulsedl.daq.bench.robust.RobustnessTable;
import org.pulsedl.daq.sim.SimulatorConfig;

/** {@code bench --robustness}: the network over the real-detector matrix (docs/benchmark.md "Robustness"). */
final class RobustnessBench {
    /** Events per point unless --events is given: σ to about 1.1 % per point, the whole matrix in minutes. */
    static final int DEFAULT_EVENTS = 4000;
    /** Methods unless --methods is given: the integer network the goals are about. */
    static final List<String> DEFAULT_METHODS = List.of("nn_int");

    private RobustnessBench() {}

    static int run(SimulatorConfig base, int events, List<String> methods, String model, NeuralModel network, Path json,
                   Path plots, PrintWriter out) throws Exception {
        List<RobustnessPoint> points = RobustnessMatrix.around(base);
        MethodRegistry.create(methods, BenchmarkRun.pulseModel(base, base.samples()), network); // unknown names before any work
        for (RobustnessPoint p : points) network.checkWindows(p.config().samples(), SimulatorOptions.windowsOf(p.config()));
        out.printf("robustness: %d points × %d events, methods %s, model %s%n", points.size(), events, String.join(",", methods), model);
        out.flush();
        List<RobustnessRow> rows = RobustnessRun.run(points, events, methods, network, out);
        out.println();
        RobustnessTable.print(out, rows);
        if (json != null) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("name", "robustness");
            parameters.put("events_per_point", Integer.toString(events));
            parameters.put("methods", String.join(",", methods));
            parameters.put("model", model);
            parameters.putAll(base.attributes());
            BenchmarkJson.write(json, RobustnessJson.toJson(parameters, rows));
            out.println("wrote " + json);
        }
        if (plots != null) out.println("wrote " + RobustnessPlot.write(plots, rows));
        out.flush();
        return 0;
    }
}
