package org.pulsedl.daq.listmode;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.pulsedl.protocol.ResultBatch;
import org.pulsedl.quantizer.io.AtomicOutput;

/**
 * A list-mode file as HDF5 (docs/listmode.md §5), one dataset per column, every record: {@code timestamp} (int64,
 * ticks), {@code channel}, {@code flags} (int32), {@code raw_outputs} (int32, records × outputs, as the board sent
 * them), {@code time_ns} and {@code energy} (float64, converted with the header's scales). Root attributes carry the
 * model's identity, the tick, the scales and the reading's outcome, so a file from a killed run says so.
 */
public final class ListModeHdf5 {
    private ListModeHdf5() {}

    /** Writes every intact record of {@code reader} to {@code out}; returns the reading's report. */
    public static ListModeReader.Report write(ListModeReader reader, Path out) throws IOException {
        ListModeHeader h = reader.header();
        RecordUnits units = new RecordUnits(h);
        int k = h.outputCount();
        Columns c = new Columns(k);
        ListModeReader.Report report = reader.read(b -> c.add(b, units));
        if (c.n == 0) {
            throw new IllegalArgumentException("list-mode file '" + reader.file() + "' holds no records; there is nothing to export to HDF5");
        }
        AtomicOutput.writeFile(out, partial -> {
            try (WritableHdfFile f = HdfFile.write(partial)) {
                f.putAttribute("format", "pulsedl-listmode-export");
                f.putAttribute("model_name", h.model().name());
                f.putAttribute("model_crc32", String.format("%08x", h.modelCrc()));
                f.putAttribute("tick_ns", h.tickNs());
                f.putAttribute("channels", (long) h.channels());
                List<OutputScale> scales = h.scales();
                f.putAttribute("output_names", scales.stream().map(OutputScale::name).toArray(String[]::new));
                f.putAttribute("output_units", scales.stream().map(OutputScale::unit).toArray(String[]::new));
                f.putAttribute("output_gain", scales.stream().mapToDouble(OutputScale::gain).toArray());
                f.putAttribute("output_offset", scales.stream().mapToDouble(OutputScale::offset).toArray());
                f.putAttribute("energy_unit", units.energyUnit());
                f.putAttribute("complete", report.intact() ? "yes" : "no");
                f.putAttribute("damage", report.damage() == null ? "" : report.damage());
                f.putDataset("timestamp", Arrays.copyOf(c.ts, c.n));
                f.putDataset("channel", Arrays.copyOf(c.ch, c.n));
                f.putDataset("flags", Arrays.copyOf(c.fl, c.n));
                int[][] raw = new int[c.n][];
                for (int i = 0; i < c.n; i++) raw[i] = Arrays.copyOfRange(c.raw, i * k, (i + 1) * k);
                f.putDataset("raw_outputs", raw);
                f.putDataset("time_ns", Arrays.copyOf(c.time, c.n));
                f.putDataset("energy", Arrays.copyOf(c.energy, c.n));
            } catch (RuntimeException e) {
                throw new IOException("cannot write HDF5 file '" + out + "': " + e.getMessage(), e);
            }
        });
        return report;
    }

    /** Growing columns. */
    private static final class Columns {
        final int k;
        int n;
        long[] ts = new long[1024];
        int[] ch = new int[1024];
        int[] fl = new int[1024];
        int[] raw;
        double[] time = new double[1024];
        double[] energy = new double[1024];

        Columns(int k) {
            this.k = k;
            raw = new int[1024 * k];
        }

        void add(ResultBatch b, RecordUnits units) {
            if (n + b.size() > ts.length) {
                int cap = Math.max(ts.length * 2, n + b.size());
                ts = Arrays.copyOf(ts, cap);
                ch = Arrays.copyOf(ch, cap);
                fl = Arrays.copyOf(fl, cap);
                raw = Arrays.copyOf(raw, cap * k);
                time = Arrays.copyOf(time, cap);
                energy = Arrays.copyOf(energy, cap);
            }
            for (int i = 0; i < b.size(); i++, n++) {
                ts[n] = b.timestamps()[i];
                ch[n] = b.channels()[i];
                fl[n] = b.flags()[i];
                for (int j = 0; j < k; j++) raw[n * k + j] = b.output(i, j);
                time[n] = units.timeNs(b, i);
                energy[n] = units.energy(b, i);
            }
        }
    }
}
