package org.pulsedl.daq.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pulsedl.daq.bench.BenchmarkJson;
import org.pulsedl.daq.bench.BenchmarkPlots;
import org.pulsedl.daq.bench.BenchmarkPoint;
import org.pulsedl.daq.bench.BenchmarkRun;
import org.pulsedl.daq.bench.MethodRegistry;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.daq.bench.ResultTable;
import org.pulsedl.daq.sim.PulseSimulator;
import org.pulsedl.daq.sim.SimulatorConfig;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.data.DatasetIo;
import org.pulsedl.quantizer.io.OutputPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pulsedl demo}: the main job on the built-in default data. Simulates the pdl2 benchmark, stores it as
 * HDF5, benchmarks the stored file against the Cramér–Rao bound, sweeps the SNR, and writes the report.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"End-to-end demo on the default pdl2 benchmark: simulate → HDF5 dataset → resolution benchmark "
                + "(classical methods and the shipped network, float and integer, vs the Cramér–Rao bound) → SNR sweep → "
                + "JSON report and PNG plots."})
public final class DemoCommand implements Callable<Integer> {
    /** What the demo writes into {@code --out}. */
    private static final String DATASET = "pdl2.h5";
    private static final String REPORT = "bench.json";
    private static final String PLOTS = "plots";

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo-out",
            description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = {"-n", "--events"}, paramLabel = "N", defaultValue = "20000",
            description = "Events at the main point (47.4 dB). Default: ${DEFAULT-VALUE}.")
    int events;

    @Option(names = "--sweep-events", paramLabel = "N", defaultValue = "5000",
            description = "Events per point of the SNR sweep. Default: ${DEFAULT-VALUE}.")
    int sweepEvents;

    @Option(names = "--snr-sweep", paramLabel = "FROM:TO:STEP", defaultValue = "30:55:5",
            description = "SNR sweep in dB. Default: ${DEFAULT-VALUE}.")
    String snrSweep;

    @Option(names = "--model", paramLabel = "PATH", defaultValue = NeuralModel.BUILTIN,
            description = "Trained network for nn_float, nn_fakequant and nn_int (a .qmodel or its folder). "
                    + "Default: ${DEFAULT-VALUE} (the shipped models/pdl2).")
    String model;

    @Option(names = "--gui", description = "Also open the DAQ window on the built-in emulator while the demo runs, when a display "
            + "is present (the demo stays headless otherwise); the command ends when the window is closed.")
    boolean gui;

    @Override
    public Integer call() throws Exception {
        DemoWindow window = gui ? DemoWindow.open(spec.commandLine().getOut()) : null;
        int code = runDemo();
        if (window != null) window.awaitClosed(spec.commandLine().getOut());
        return code;
    }

    private int runDemo() throws Exception {
        if (events < 100 || sweepEvents < 100) throw new IllegalArgumentException("--events and --sweep-events must be >= 100");
        OutputPaths.folder("--out", out);
        for (String file : new String[] {DATASET, REPORT}) OutputPaths.file("--out", out.resolve(file));
        OutputPaths.folder("--out", out.resolve(PLOTS));
        List<Double> snrs = BenchCommand.parseSweep(snrSweep); // refuse a bad sweep before the main point runs
        PrintWriter w = spec.commandLine().getOut();
        NeuralModel network = ModelInput.resolve(model);
        Files.createDirectories(out);
        SimulatorConfig config = SimulatorConfig.pdl2();
        List<String> methods = MethodRegistry.names(network);

        w.printf("[1/4] simulating pdl2: %d events, %s, SNR %.1f dB%n", events, config.shape().describe(), config.targetSnrDb());
        w.flush();
        Path datasetFile = out.resolve(DATASET);
        DatasetIo.write(PulseSimulator.generate(config, events), datasetFile);

        w.printf("[2/4] benchmarking the stored dataset %s%n%n", datasetFile);
        w.flush();
        Dataset stored = DatasetIo.read(datasetFile);
        // The stored file has every generator parameter; the bound is computed from the configuration itself.
        BenchmarkPoint main = BenchmarkRun.simulatedDataset(stored, config, methods, network, "pdl2");
        ResultTable.print(w, main);

        List<BenchmarkPoint> sweep = new ArrayList<>();
        w.printf("%n[3/4] SNR sweep %s dB, %d events per point%n", snrSweep, sweepEvents);
        w.flush();
        for (double snr : snrs) {
            BenchmarkPoint p = BenchmarkRun.simulated(config.withSnrDb(snr), sweepEvents, methods, network, String.format("SNR %.1f dB", snr));
            sweep.add(p);
            w.printf("  SNR %5.1f dB: CRLB σΔt %6.1f ps, template fit %6.1f ps, nn_int %6.1f ps, dCFD %6.1f ps%n",
                    p.snrDbMeasured(), p.crlb().sigmaDtPs(), sigmaDt(p, "template_fit"), sigmaDt(p, "nn_int"), sigmaDt(p, "dcfd"));
            w.flush();
        }

        w.printf("%n[4/4] writing the report%n");
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("name", "pdl2");
        parameters.put("events", Integer.toString(events));
        parameters.put("sweep_events", Integer.toString(sweepEvents));
        parameters.put("snr_sweep", snrSweep);
        parameters.putAll(config.attributes());
        parameters.put("methods", String.join(",", methods));
        parameters.put("model", model);
        Path json = out.resolve(REPORT);
        BenchmarkJson.write(json, BenchmarkJson.toJson(parameters, main, sweep));
        Path plots = out.resolve(PLOTS);
        List<Path> files = BenchmarkPlots.write(plots, main, sweep);
        w.printf("  %s (dataset), %s (report), %d plots in %s%n", datasetFile, json, files.size(), plots);
        w.flush();
        return 0;
    }

    private static double sigmaDt(BenchmarkPoint p, String method) {
        return p.methods().stream().filter(m -> m.name().equals(method) && m.sigmaDtPs() != null)
                .mapToDouble(m -> m.sigmaDtPs()).findFirst().orElse(Double.NaN);
    }
}
