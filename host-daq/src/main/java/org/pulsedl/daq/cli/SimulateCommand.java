package org.pulsedl.daq.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pulsedl.daq.sim.SimulatorConfig;
import org.pulsedl.daq.sim.SnrMeter;
import org.pulsedl.quantizer.data.DatasetIo;
import org.pulsedl.quantizer.io.OutputPaths;
import org.pulsedl.quantizer.util.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pulsedl simulate}: writes a simulated dataset (DESIGN §3; defaults = the pdl2 benchmark). */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate digitised detector pulses and write them as a dataset.",
                "Defaults reproduce the pdl2 benchmark: 2 channels, 125 MSPS, 12 bits, 32 samples, CR-RC tau = 16 ns, "
                        + "amplitude 70 %% and baseline 5 %% of full scale, SNR 47.4 dB, fixed seed.",
                "Labels: t_chN_ns (true onset after the first sample, ns) and amplitude (true peak above baseline, ADC codes)."})
public final class SimulateCommand implements Callable<Integer> {
    /** Runs at least this long get a progress bar. */
    static final int PROGRESS_MIN_EVENTS = 200_000;

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE",
            description = "Output dataset; the format follows the extension (" + DatasetIo.SUPPORTED_EXTENSIONS + ").")
    Path out;

    @Option(names = {"-n", "--events"}, paramLabel = "N", defaultValue = "20000",
            description = "Number of events. Default: ${DEFAULT-VALUE}.")
    int events;

    @Mixin
    SimulatorOptions simulator;

    @Override
    public Integer call() throws Exception {
        if (events < 1) throw new IllegalArgumentException("--events must be >= 1, got " + events);
        DatasetIo.formatOf(out); // refuse an unknown extension before simulating
        OutputPaths.file("--out", out);
        SimulatorConfig config = simulator.toConfig();
        SimulationOutput.Written written;
        if (events >= PROGRESS_MIN_EVENTS) {
            try (ProgressBar bar = new ProgressBar("simulate", events)) {
                written = SimulationOutput.write(config, events, out, bar::set);
            }
        } else {
            written = SimulationOutput.write(config, events, out, done -> { });
        }
        printSummary(spec.commandLine().getOut(), config, written);
        return 0;
    }

    private void printSummary(PrintWriter w, SimulatorConfig config, SimulationOutput.Written written) {
        w.printf("wrote %s: %d events x %d channels x %d samples%n", out, written.events(), written.channels(), written.samples());
        w.printf("shape %s, %.6g MSPS, %d-bit ADC, baseline %.6g codes, amplitude %s%n", config.shape().describe(),
                config.samplingRateMsps(), config.adcBits(), config.baselineCodes(), config.amplitude().describe());
        String target = Double.isNaN(config.targetSnrDb()) ? "given" : String.format("for target SNR %.4g dB", config.targetSnrDb());
        w.printf("noise sigma %.4f codes (%s)%n", config.noiseSigmaCodes(), target);
        SnrMeter.Snr snr = written.snr();
        if (snr != null) {
            w.printf("measured SNR %.2f dB (%.1f): signal %.2f codes, first-sample sigma %.3f codes%n",
                    snr.db(), snr.linear(), snr.signalCodes(), snr.noiseCodes());
        }
        w.flush();
    }
}
