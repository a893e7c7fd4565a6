package org.pulsedl.daq.bench.robust;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.pulsedl.daq.bench.BenchmarkPoint;
import org.pulsedl.daq.bench.BenchmarkRun;
import org.pulsedl.daq.bench.MethodResult;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.daq.bench.TruthMetrics;

/**
 * Runs the robustness matrix with the ordinary benchmark machinery (simulation, bound, truth metrics, flags)
 * at every point, and reduces each method's result to a {@link RobustnessRow}.
 */
public final class RobustnessRun {
    private RobustnessRun() {}

    /**
     * @param events events per point
     * @param out    receives one line per point as it finishes (progress bars show the work inside a point)
     */
    public static List<RobustnessRow> run(List<RobustnessPoint> points, int events, List<String> methods, NeuralModel network,
                                          PrintWriter out) {
        List<BenchmarkPoint> results = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            RobustnessPoint p = points.get(i);
            // Each point its own seed: the points' noise is independent, and the run is reproducible.
            String label = String.format("[%d/%d] %s", i + 1, points.size(), p.name());
            BenchmarkPoint r = BenchmarkRun.simulated(p.config().withSeed(p.config().seed() + i), events, methods, network, label);
            results.add(r);
            out.printf("%s done%n", label);
            out.flush();
        }
        List<RobustnessRow> rows = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            for (MethodResult m : results.get(i).methods()) {
                rows.add(RobustnessRow.of(points.get(i), results.get(i), m, defaultGain(points, results, m.name())));
            }
        }
        return rows;
    }

    /** The default point's mean Ê/E for {@code method}, the calibration the other points are compared to. */
    private static Double defaultGain(List<RobustnessPoint> points, List<BenchmarkPoint> results, String method) {
        for (int i = 0; i < points.size(); i++) {
            if (!points.get(i).factor().equals("default")) continue;
            for (MethodResult m : results.get(i).methods()) {
                TruthMetrics t = m.truth();
                if (m.name().equals(method) && t != null && t.energyBiasPct() != null) return 1 + t.energyBiasPct() / 100;
            }
        }
        return null;
    }
}
