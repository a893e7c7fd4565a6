package org.pulsedl.daq.bench.robust;

import java.io.PrintWriter;
import java.util.List;

/** The terminal table of a robustness run: one line per point and method, then the goals each line misses. */
public final class RobustnessTable {
    private RobustnessTable() {}

    public static void print(PrintWriter out, List<RobustnessRow> rows) {
        String head = String.format("%-18s %-10s %15s %13s %10s %9s %11s %9s  %s", "point", "method", "σΔt/CRLB", "phase bias",
                "σE/bound", "E bias %", "gain shift", "E lin. %", "flags");
        out.println(head);
        out.println("-".repeat(head.length() + 10));
        for (RobustnessRow r : rows) {
            // A flagged quantity carries "!", as in the ordinary table: never a plain number.
            String tm = r.flags().stream().anyMatch(f -> f.quantity().equals("time")) ? "!" : "";
            String em = r.flags().stream().anyMatch(f -> f.quantity().equals("energy")) ? "!" : "";
            out.printf("%-18s %-10s %15s %13s %10s %9s %11s %9s  %s%n", r.point().name(), r.method(),
                    r.sigmaDtOverCrlb() == null ? "—" : String.format("%.3f ± %.3f", r.sigmaDtOverCrlb(), r.sigmaDtOverCrlbErr()) + tm,
                    fmt(r.phaseBiasRmsPs(), "%.1f ps", tm), fmt(r.energyOverBound(), "%.3f", em), fmt(r.energyBiasPct(), "%+.3f", em),
                    fmt(r.energyShiftPct(), "%+.3f %%", em), fmt(r.linearityPct(), "%.3f", em), r.flagCodes());
        }
        out.println();
        out.printf("goals (issue 9): σΔt ≤ %.2f× CRLB at amplitude ≥ %.0f %% FS (≤ %.2f× at the default point), phase bias rms ≤ %.0f ps "
                        + "at the default point, σE ≤ %.2f× the bound, gain shift and linearity within %.1f %%%n",
                RobustnessGoals.TIME, 100 * RobustnessMatrix.GOAL_MIN_AMPLITUDE, RobustnessGoals.TIME_DEFAULT,
                RobustnessGoals.PHASE_BIAS_PS, RobustnessGoals.ENERGY, RobustnessGoals.LINEARITY_PCT);
        int missed = 0;
        for (RobustnessRow r : rows) {
            List<String> m = RobustnessGoals.misses(r);
            if (m.isEmpty()) continue;
            missed++;
            out.printf("  misses: %s %s: %s%n", r.point().name(), r.method(), String.join("; ", m));
        }
        out.printf("%d of %d lines meet every goal%n", rows.size() - missed, rows.size());
    }

    private static String fmt(Double v, String format, String mark) {
        return v == null || v.isNaN() ? "—" : String.format(format, v) + mark;
    }
}
