package org.pulsedl.daq.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pulsedl.daq.listmode.CompassCsv;
import org.pulsedl.daq.listmode.ListModeHdf5;
import org.pulsedl.daq.listmode.ListModeReader;
import org.pulsedl.quantizer.cli.InputFiles;
import org.pulsedl.quantizer.io.OutputPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pulsedl export}: a list-mode file as CoMPASS-layout CSV or as HDF5 (docs/listmode.md §5). */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Convert a list-mode file: .csv in CAEN CoMPASS's list-mode layout (BOARD;CHANNEL;TIMETAG;ENERGY;"
                + "ENERGYSHORT;FLAGS, TIMETAG in ps), or .h5 with every column, the raw outputs and the scales."})
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A list-mode file written by pulsedl daq.")
    Path file;

    @Option(names = "--to", required = true, paramLabel = "X.csv|X.h5", description = "The output; the format follows the extension.")
    Path to;

    @Override
    public Integer call() throws Exception {
        String name = to.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean csv = name.endsWith(".csv");
        if (!csv && !name.endsWith(".h5") && !name.endsWith(".hdf5")) {
            throw new IllegalArgumentException("--to '" + to + "': the format follows the extension, .csv (CoMPASS list-mode layout) or .h5");
        }
        OutputPaths.file("--to", to);
        PrintWriter out = spec.commandLine().getOut();
        try (ListModeReader reader = InputFiles.read(file, ListModeReader::open)) {
            ListModeReader.Report report = csv ? CompassCsv.write(reader, to) : ListModeHdf5.write(reader, to);
            out.printf("wrote %s: %,d results%n", to, report.records());
            if (report.damage() != null) out.println((report.closed() ? "note: " : "incomplete: ") + report.damage());
            out.flush();
        }
        return 0;
    }
}
