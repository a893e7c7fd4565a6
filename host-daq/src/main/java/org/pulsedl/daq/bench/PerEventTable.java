package org.pulsedl.daq.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pulsedl.quantizer.data.Dataset;

/**
 * {@code bench --per-event FILE} (issue 9): the benchmarked windows with, as label columns, their truth (where
 * known) and every method's time and energy per channel, for the user's own analysis. It is an ordinary
 * dataset (docs/datasets.md), so h5py, pandas and {@code pulsedl convert} read it; the columns are named
 * {@code <method>_t_ch<c>_ns} (time after the first sample, ns) and {@code <method>_e_ch<c>} (amplitude, codes);
 * a failed estimate is NaN.
 */
public final class PerEventTable {
    private PerEventTable() {}

    public static Dataset of(Dataset data, BenchmarkPoint p, Map<String, String> parameters) {
        List<String> names = new ArrayList<>(data.labelNames());
        for (MethodResult m : p.methods()) {
            MethodResult.PerEvent pe = m.perEvent();
            for (int c = 0; c < data.channels(); c++) {
                if (pe.timesNs() != null) names.add(m.name() + "_t_ch" + c + "_ns");
                if (pe.energies() != null) names.add(m.name() + "_e_ch" + c);
            }
        }
        double[][] labels = new double[data.events()][names.size()];
        int base = data.labelNames().size();
        for (int ev = 0; ev < data.events(); ev++) {
            System.arraycopy(data.labels()[ev], 0, labels[ev], 0, base);
            int col = base;
            for (MethodResult m : p.methods()) {
                MethodResult.PerEvent pe = m.perEvent();
                for (int c = 0; c < data.channels(); c++) {
                    if (pe.timesNs() != null) labels[ev][col++] = pe.timesNs()[ev][c];
                    if (pe.energies() != null) labels[ev][col++] = pe.energies()[ev][c];
                }
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>(data.attributes());
        parameters.forEach((k, v) -> attributes.put("bench_" + k, v));
        return new Dataset(data.waveforms(), names, labels, attributes);
    }
}
