package org.pulsedl.daq.cli;

import org.pulsedl.quantizer.cli.InputFiles;
import java.io.PrintWriter;
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
import org.pulsedl.daq.bench.EstimatedPulseModel;
import org.pulsedl.daq.bench.MethodRegistry;
import org.pulsedl.daq.bench.NeuralModel;
import org.pulsedl.daq.bench.PerEventTable;
import org.pulsedl.daq.bench.ResultTable;
import org.pulsedl.daq.sim.PulseSimulator;
import org.pulsedl.daq.sim.RecordedPulseModel;
import org.pulsedl.daq.sim.SimulatorConfig;
import org.pulsedl.quantizer.data.Dataset;
import org.pulsedl.quantizer.cli.GivenOptions;
import org.pulsedl.quantizer.data.DatasetIo;
import org.pulsedl.quantizer.data.DatasetSize;
import org.pulsedl.quantizer.io.OutputPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pulsedl bench}: the offline resolution benchmark (DESIGN §3, docs/benchmark.md). */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Resolution benchmark: time (two-channel σΔt) and energy resolution of every method against "
                + "the Cramér–Rao bound, on simulated pulses (default: pdl2 at 47.4 dB) or on a dataset file.",
                "Prints a table; writes JSON (--json) and PNG plots (--plots)."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE",
            description = "Benchmark this dataset (.h5/.csv) instead of simulating. The pulse model for the bound and the "
                    + "template fit comes from the shape/sampling options; noise and amplitude are measured from the data.")
    Path data;

    @Option(names = {"-n", "--events"}, paramLabel = "N", defaultValue = "20000",
            description = "Simulated events per SNR point; with --data, use the first N events of the file. "
                    + "Default: ${DEFAULT-VALUE} (with --data: every event).")
    int events;

    @Option(names = "--snr-sweep", paramLabel = "FROM:TO:STEP",
            description = "Also run one point per SNR in dB from FROM to TO (inclusive) in steps of STEP.")
    String snrSweep;

    @Option(names = "--methods", paramLabel = "M", split = ",",
            description = "Methods to run (comma list). Default: all of le, dcfd, cfd_sinc, cfd, template_fit, trapezoid, peak.")
    List<String> methods;

    @Option(names = "--model", paramLabel = "PATH",
            description = "A trained network (a .qmodel, or a folder with model.qmodel and float-model.json) for the methods "
                    + "nn_float, nn_fakequant and nn_int; 'builtin' = the shipped default model.")
    String model;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the report as JSON to FILE.")
    Path json;

    @Option(names = "--plots", paramLabel = "DIR", description = "Write PNG plots into DIR.")
    Path plots;

    @Option(names = "--per-event", paramLabel = "FILE",
            description = "Write every benchmarked window with its truth (where known) and every method's time and energy "
                    + "per channel as label columns: a dataset (.h5 or .csv) for your own analysis (docs/benchmark.md).")
    Path perEvent;

    @Option(names = "--override", description = "With --data: use the pulse-model options given even where they contradict "
            + "what the dataset records (shape, sampling rate, ADC bits, baseline, onset).")
    boolean override;

    @Option(names = "--robustness", description = "Run the network over the real-detector matrix instead (onset ±2 samples, "
            + "channel offsets 0–5 ns, baseline 2–10 %%, amplitude 10–90 %%, SNR 30–55 dB, one factor at a time, plus corners): "
            + "a table, --json with every point, --plots robustness.png. Default --model builtin, --methods nn_int, "
            + "--events " + RobustnessBench.DEFAULT_EVENTS + " per point.")
    boolean robustness;

    @Mixin
    SimulatorOptions simulator;

    @Override
    public Integer call() throws Exception {
        if (events < 100) throw new IllegalArgumentException("--events must be >= 100 for meaningful statistics, got " + events);
        if (json != null) OutputPaths.file("--json", json);
        if (plots != null) OutputPaths.folder("--plots", plots);
        if (perEvent != null) {
            DatasetIo.formatOf(perEvent);
            OutputPaths.file("--per-event", perEvent);
        }
        if (robustness) {
            if (data != null || snrSweep != null || perEvent != null || override) {
                throw new IllegalArgumentException("--robustness simulates its own matrix: it cannot be combined with "
                        + (data != null ? "--data" : snrSweep != null ? "--snr-sweep" : perEvent != null ? "--per-event" : "--override"));
            }
            String m = model == null ? NeuralModel.BUILTIN : model;
            int n = GivenOptions.given(spec, "--events") ? events : RobustnessBench.DEFAULT_EVENTS;
            return RobustnessBench.run(simulator.toConfig(), n, methods == null ? RobustnessBench.DEFAULT_METHODS : methods, m,
                    ModelInput.resolve(m), json, plots, spec.commandLine().getOut());
        }
        if (data != null) {
            if (snrSweep != null) throw new IllegalArgumentException("--snr-sweep simulates; it cannot be combined with --data");
            simulator.refuseFixedByDataset("with --data: the dataset fixes the windows, channels, offsets, noise, jitter and "
                    + "random draws (only the pulse-shape, sampling and amplitude options apply)");
        }
        NeuralModel network = model == null ? null : ModelInput.resolve(model);
        List<String> names = methods == null ? MethodRegistry.names(network) : methods;
        List<Double> sweepSnrs = snrSweep == null ? List.of() : parseSweep(snrSweep);
        SimulatorConfig config = simulator.toConfig();
        MethodRegistry.create(names, BenchmarkRun.pulseModel(config, config.samples()), network); // refuse unknown names before any work
        PrintWriter out = spec.commandLine().getOut();

        Map<String, String> parameters = new LinkedHashMap<>();
        BenchmarkPoint main;
        Dataset benchmarked;
        if (data == null && override) throw new IllegalArgumentException("--override applies only with --data");
        if (data != null) {
            Dataset d = InputFiles.read(data, DatasetIo::read);
            Map<String, String> attributes = d.attributes();
            RecordedPulseModel recorded = InputFiles.read(data, f -> RecordedPulseModel.of(attributes));
            config = simulator.forDataset(recorded, d.samples(), d.channels(), override, data.toString());
            // A capture that records no model and is given none: estimate it from the data rather than assume one.
            boolean estimate = !recorded.any() && !simulator.pulseModelGiven();
            if (recorded.any()) {
                out.printf("pulse model from %s%s: %s, %.4g MSPS, onset sample %d (the bound and the fit use it)%n", data,
                        override ? " (your options override it where given)" : "", config.shape().describe(),
                        config.samplingRateMsps(), config.onsetSample());
            } else if (!estimate) {
                out.printf("%s records no pulse model: the bound and the fit assume the options' %s, %.4g MSPS, onset "
                        + "sample %d (the bound is labelled assumed)%n", data, config.shape().describe(),
                        config.samplingRateMsps(), config.onsetSample());
            }
            if (network != null) network.checkWindows(d.samples(), data.toString());
            int inFile = d.events();
            if (GivenOptions.given(spec, "--events")) {
                if (events > inFile) {
                    throw new IllegalArgumentException("--events " + events + ": " + data + " holds only " + inFile + " events");
                }
                d = DatasetHead.first(d, events);
                out.printf("using the first %d of the %d events in %s%n", events, inFile, data);
            }
            parameters.put("name", "dataset");
            parameters.put("data", data.toString());
            parameters.put("events", Integer.toString(d.events()));
            parameters.put("events_used", Integer.toString(d.events()));
            parameters.put("events_in_file", Integer.toString(inFile));
            parameters.putAll(d.attributes());
            if (estimate) {
                Dataset windows = d;
                double period = config.samplePeriodNs();
                EstimatedPulseModel m = InputFiles.read(data, f -> EstimatedPulseModel.of(windows, period));
                out.printf("%s records no pulse model: estimated from the data at %.4g MSPS — template averaged over aligned "
                                + "pulses (it starts %.1f ns into the window), %d pre-trigger samples, noise σ %.2f codes, lag-1 correlation %.3f%n",
                        data, config.samplingRateMsps(), m.onsetNs(), m.preTrigger(), m.noiseSigma(),
                        m.correlation().length == 0 ? 0.0 : m.correlation()[0]);
                parameters.put("pulse_model_source", "estimated from the data (aligned average pulse)");
                main = BenchmarkRun.estimated(d, m, period, names, network, "bench");
            } else {
                parameters.put("pulse_model_source", recorded.any() ? "dataset attributes" : "assumed (options; the dataset records none)");
                parameters.put("pulse_model_shape", config.shape().describe());
                main = BenchmarkRun.recorded(d, config, recorded.any(), names, network, "bench");
            }
            benchmarked = d;
        } else {
            if (network != null) network.checkWindows(config.samples(), SimulatorOptions.windowsOf(config));
            parameters.put("name", config.equals(SimulatorConfig.pdl2()) ? "pdl2" : "custom");
            parameters.put("events", Integer.toString(events));
            parameters.putAll(config.attributes());
            requireMemory(config, events, names.size());
            benchmarked = BenchmarkRun.simulate(config, events, "bench");
            main = BenchmarkRun.simulatedDataset(benchmarked, config, names, network, "bench");
        }
        parameters.put("methods", String.join(",", names));
        if (model != null) parameters.put("model", model);
        ResultTable.print(out, main);

        List<BenchmarkPoint> sweep = new ArrayList<>();
        for (double snr : sweepSnrs) {
            BenchmarkPoint p = BenchmarkRun.simulated(simulator.toConfigAtSnrDb(snr), events, names, network, String.format("SNR %.1f dB", snr));
            sweep.add(p);
            out.println();
            ResultTable.print(out, p);
        }
        if (!sweepSnrs.isEmpty()) parameters.put("snr_sweep", snrSweep);

        if (json != null) {
            BenchmarkJson.write(json, BenchmarkJson.toJson(parameters, main, sweep));
            out.println("wrote " + json);
        }
        if (perEvent != null) {
            DatasetIo.write(PerEventTable.of(benchmarked, main, parameters), perEvent);
            out.println("wrote " + perEvent + " (" + benchmarked.events() + " events, per-method columns)");
        }
        if (plots != null) {
            List<Path> files = BenchmarkPlots.write(plots, main, sweep);
            out.println("wrote " + files.size() + " plots to " + plots);
        }
        out.flush();
        return 0;
    }

    /** System property that skips the up-front size check (PULSEDL_JAVA_OPTS=-Dpulsedl.noSizeCheck=true). */
    static final String NO_SIZE_CHECK = "pulsedl.noSizeCheck";

    /**
     * Refuses a simulated benchmark whose windows and estimates cannot fit the heap, before simulating (issue 8:
     * sizes that cannot fit are refused up front with the estimate).
     */
    static void requireMemory(SimulatorConfig config, int events, int methods) {
        if (Boolean.getBoolean(NO_SIZE_CHECK)) return;
        int labels = PulseSimulator.labelNames(config.channels()).size();
        long perEvent = DatasetSize.heapBytesPerEvent(config.channels(), config.samples(), labels)
                + (long) methods * config.channels() * 2 * Double.BYTES;
        String shortfall = DatasetSize.heapShortfall(DatasetSize.saturatingMultiply(events, perEvent));
        if (shortfall != null) {
            throw new IllegalArgumentException("--events " + events + ": the benchmark " + shortfall + "; use fewer --events "
                    + "(the statistical error of σ falls only as 1/√N), or " + DatasetSize.HEAP_ADVICE);
        }
    }

    /** Parses FROM:TO:STEP into the list of SNR points (inclusive of TO within rounding). */
    static List<Double> parseSweep(String spec) {
        String[] p = spec.split(":");
        if (p.length != 3) throw new IllegalArgumentException("--snr-sweep must be FROM:TO:STEP in dB, got '" + spec + "'");
        double from, to, step;
        try {
            from = Double.parseDouble(p[0]);
            to = Double.parseDouble(p[1]);
            step = Double.parseDouble(p[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--snr-sweep must be FROM:TO:STEP with numbers in dB, got '" + spec + "'");
        }
        if (!(step > 0) || to < from) throw new IllegalArgumentException("--snr-sweep needs FROM <= TO and STEP > 0, got '" + spec + "'");
        int n = (int) Math.floor((to - from) / step + 1e-9) + 1;
        if (n > 100) throw new IllegalArgumentException("--snr-sweep '" + spec + "' has " + n + " points; at most 100");
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(from + i * step);
        return out;
    }
}
