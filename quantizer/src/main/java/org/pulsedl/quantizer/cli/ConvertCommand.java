package org.pulsedl.quantizer.cli;

import org.pulsedl.quantizer.data.CaptureImport;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.data.DatasetIo;
import org.pulsedl.quantizer.data.IlaCsvImporter;
import org.pulsedl.quantizer.data.PlainCsvCaptureImporter;
import org.pulsedl.quantizer.io.OutputPaths;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code pulsedl convert}: converts a dataset between HDF5 and CSV, or imports a raw capture (Vivado ILA
 * export, plain CSV) as a dataset. Prints one summary line; formats and rules are in {@code docs/datasets.md}.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert a dataset between HDF5 (.h5/.hdf5) and CSV (.csv), or import a capture.",
                "Examples:",
                "  pulsedl convert --in a.csv --out a.h5",
                "  pulsedl convert --ila ila.csv --signals adc_ch0,adc_ch1 --samples 32 --out capture.h5",
                "  pulsedl convert --plain capture.csv --channels 2 --samples 32 --out capture.h5"})
public final class ConvertCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    static final class Source {
        @Option(names = "--in", paramLabel = "FILE", description = "Dataset to convert (.h5, .hdf5, .csv).")
        Path dataset;
        @Option(names = "--ila", paramLabel = "FILE", description = "Vivado ILA CSV export to import.")
        Path ila;
        @Option(names = "--plain", paramLabel = "FILE", description = "Plain CSV capture to import: one integer column per channel.")
        Path plain;
    }

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Dataset to write (.h5, .hdf5, .csv).")
    private Path out;

    @Option(names = "--signals", split = ",", paramLabel = "NAME",
            description = "ILA signals to use as channels, in order; '[msb:lsb]' may be left off.")
    private List<String> signals;

    @Option(names = "--samples", paramLabel = "L", description = "Samples per event (capture imports).")
    private Integer samples;

    @Option(names = "--channels", paramLabel = "C",
            description = "Columns per row of a plain capture (default: the columns of its first row).")
    private int channels;

    @Option(names = "--skip-partial", description = "Drop rows that do not fill a whole event (with a warning) instead of failing.")
    private boolean skipPartial;

    @Option(names = "--split-on-window",
            description = "ILA: start a new event whenever 'Sample in Window' restarts at 0.")
    private boolean splitOnWindow;

    @Option(names = "--twos-complement",
            description = "ILA: read HEX and BINARY values as two's complement of the bus width in the signal name.")
    private boolean twosComplement;

    @Override
    public Integer call() throws IOException {
        checkOptions();
        DatasetIo.formatOf(out);
        OutputPaths.file("--out", out);
        CaptureImport imported = null;
        Dataset dataset;
        if (source.dataset != null) {
            dataset = DatasetIo.read(source.dataset);
        } else if (source.ila != null) {
            imported = new IlaCsvImporter(signals, samples, skipPartial, splitOnWindow, twosComplement).read(source.ila);
            dataset = imported.dataset();
        } else {
            imported = new PlainCsvCaptureImporter(channels, samples, skipPartial).read(source.plain);
            dataset = imported.dataset();
        }
        if (dataset.events() == 0 && imported != null) {
            throw new IllegalArgumentException("no complete event of " + samples + " samples in '" + input() + "'; nothing written");
        }
        DatasetIo.write(dataset, out);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("wrote " + out + ": " + dataset.events() + " events x " + dataset.channels() + " channels x "
                + dataset.samples() + " samples, " + (dataset.labelNames().isEmpty() ? "no labels" : "labels " + dataset.labelNames())
                + (imported != null && imported.warning() != null ? " (warning: " + imported.warning() + ")" : ""));
        stdout.flush();
        return 0;
    }

    private void checkOptions() {
        boolean capture = source.dataset == null;
        if (capture && samples == null) throw new IllegalArgumentException("--samples is required when importing a capture");
        if (source.ila != null && (signals == null || signals.isEmpty())) {
            throw new IllegalArgumentException("--signals is required with --ila (e.g. --signals adc_ch0,adc_ch1)");
        }
        if (source.ila == null && (signals != null || splitOnWindow || twosComplement)) {
            throw new IllegalArgumentException("--signals, --split-on-window and --twos-complement apply only to --ila");
        }
        if (source.plain == null && GivenOptions.given(spec, "--channels")) {
            throw new IllegalArgumentException("--channels applies only to --plain");
        }
        if (!capture && (samples != null || skipPartial)) {
            throw new IllegalArgumentException("--samples and --skip-partial apply only to capture imports (--ila, --plain)");
        }
    }

    private Path input() {
        return source.dataset != null ? source.dataset : source.ila != null ? source.ila : source.plain;
    }
}
