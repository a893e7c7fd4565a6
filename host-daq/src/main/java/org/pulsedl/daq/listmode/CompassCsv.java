package org.pulsedl.daq.listmode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.pulsedl.protocol.ResultBatch;
import org.pulsedl.quantizer.io.AtomicOutput;

/**
 * A list-mode file as CSV in the column layout of CAEN CoMPASS's list-mode CSV, so scripts written for CoMPASS read
 * it (docs/listmode.md §5): the header {@code BOARD;CHANNEL;TIMETAG;ENERGY;ENERGYSHORT;FLAGS}, semicolons, one row
 * per result. TIMETAG is the pulse time since START in integer picoseconds (the network's time, not only the
 * trigger tick); ENERGY the energy output rounded to an integer, as CoMPASS writes channels; ENERGYSHORT 0 (no
 * pulse-shape discrimination); FLAGS the result flags in hexadecimal ({@code 0x…}).
 */
public final class CompassCsv {
    public static final String HEADER = "BOARD;CHANNEL;TIMETAG;ENERGY;ENERGYSHORT;FLAGS";

    private CompassCsv() {}

    /** Writes every intact record of {@code reader} to {@code out}; returns the reading's report. */
    public static ListModeReader.Report write(ListModeReader reader, Path out) throws IOException {
        RecordUnits units = new RecordUnits(reader.header());
        ListModeReader.Report[] report = new ListModeReader.Report[1];
        AtomicOutput.write(out, stream -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.US_ASCII), 1 << 16);
            w.write(HEADER);
            w.write('\n');
            StringBuilder row = new StringBuilder(64);
            report[0] = reader.read(b -> {
                for (int i = 0; i < b.size(); i++) {
                    row.setLength(0);
                    row.append("0;").append(b.channels()[i]).append(';').append(Math.round(units.timeNs(b, i) * 1e3)).append(';')
                            .append(energyChannel(units, b, i)).append(";0;0x").append(Integer.toHexString(b.flags()[i])).append('\n');
                    w.append(row);
                }
            });
            w.flush();
        });
        return report[0];
    }

    private static long energyChannel(RecordUnits units, ResultBatch b, int i) {
        double e = units.energy(b, i);
        return Double.isFinite(e) ? Math.round(e) : 0;
    }
}
