package org.pulsedl.hls.cli;

import org.pulsedl.quantizer.cli.InputFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pulsedl.hls.accel.AcceleratorConfig;
import org.pulsedl.hls.gen.ConfigFile;
import org.pulsedl.hls.gen.ConfigKey;
import org.pulsedl.hls.gen.ConfigResolver;
import org.pulsedl.hls.gen.EstimatesReport;
import org.pulsedl.hls.gen.GeneratedFiles;
import org.pulsedl.hls.gen.Generator;
import org.pulsedl.hls.gen.OutputLayout;
import org.pulsedl.hls.gen.Preset;
import org.pulsedl.hls.gen.RtlSource;
import org.pulsedl.hls.verilog.Provenance;
import org.pulsedl.quantizer.importer.ModelFiles;
import org.pulsedl.quantizer.io.OutputPaths;
import org.pulsedl.quantizer.qmodel.QuantizedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pulsedl generate}: a quantised model and an accelerator configuration → the accelerator RTL, the firmware
 * sources (layer program and weights as C, register and configuration headers, {@code $readmemh} images), the docs
 * and {@code estimates.json} (docs/generate.md). Prints the cycle model per layer and the estimates.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate the accelerator RTL, firmware sources, docs and estimates for a quantised model.",
                "Configuration: a preset (default artix7), then --config FILE, then the options below."})
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "M",
            description = "Quantised model: .qmodel, an integer .tflite, or a trained-model folder.")
    String model;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    String out;

    @Option(names = "--layout", paramLabel = "split|repo", defaultValue = "split",
            description = "split: DIR/rtl, DIR/firmware, DIR/docs, DIR/estimates.json (default); repo: DIR/rtl/generated, "
                    + "DIR/firmware/generated, docs and estimates in DIR/rtl/generated.")
    String layout;

    @Option(names = "--preset", paramLabel = "NAME", description = "Base configuration: small | artix7 | xc7a100t.")
    String preset;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (JSON or properties; keys as "
            + "in docs/generate.md), applied over the preset.")
    String config;

    @Option(names = {"-P", "--pes"}, paramLabel = "N", description = "Processing elements.")
    Integer pes;

    @Option(names = {"-U", "--lanes"}, paramLabel = "N", description = "Arithmetic units per PE (multiple of 4).")
    Integer lanes;

    @Option(names = "--two-macs-per-dsp", negatable = true, description = "Two int8 MACs share one DSP48.")
    Boolean twoMacsPerDsp;

    @Option(names = "--int16-full-rate", negatable = true, description = "With two MACs per DSP48: fabric 8x16 "
            + "multipliers on the odd lanes, so int16 layers use all lanes.")
    Boolean int16FullRate;

    @Option(names = "--activation-bits", paramLabel = "8|16", description = "Widest activation.")
    Integer activationBits;

    @Option(names = "--acc-bits", paramLabel = "N", description = "Accumulator width.")
    Integer accBits;

    @Option(names = "--m-bits", paramLabel = "N", description = "Requantisation multiplier bits.")
    Integer mBits;

    @Option(names = "--rounding-modes", paramLabel = "MODES", description = "DOUBLE, SINGLE or DOUBLE,SINGLE.")
    String roundingModes;

    @Option(names = "--weight-words", paramLabel = "N", description = "Weight-memory depth (U-byte words).")
    Integer weightWords;

    @Option(names = "--act-depth", paramLabel = "N", description = "Entries per activation region.")
    Integer actDepth;

    @Option(names = "--clock-mhz", paramLabel = "MHZ", description = "Target clock.")
    Double clockMHz;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any configuration key (docs/generate.md); repeatable.")
    List<String> set = new ArrayList<>();

    @Option(names = "--check", description = "Write nothing; compare with the files in DIR and fail on any difference.")
    boolean check;

    private final Path workingDir;
    private final RtlSource rtl;

    public GenerateCommand() {
        this(Path.of(""), RtlSource.accelerator());
    }

    /** For tests: relative paths resolve against {@code workingDir}; the RTL comes from {@code rtl}. */
    public GenerateCommand(Path workingDir, RtlSource rtl) {
        this.workingDir = workingDir;
        this.rtl = rtl;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        Path dir = resolve(out);
        if (!check) {
            OutputPaths.folder("--out", dir);
            GeneratedFiles.checkReplaceable(dir, OutputLayout.named(layout));
        }
        GeneratedFiles g = generate();
        w.print(EstimatesReport.text(g.estimates()));
        if (check) {
            List<String> diffs = g.differences(dir);
            diffs.forEach(d -> w.println("differs: " + dir.resolve(d)));
            w.printf("%d of %d generated files differ from %s%s%n", diffs.size(), g.files().size(), dir,
                    diffs.isEmpty() ? "" : "; regenerate with: " + commandLine());
            w.flush();
            return diffs.isEmpty() ? 0 : 1;
        }
        g.writeTo(dir);
        w.printf("wrote %d files to %s%n", g.files().size(), dir);
        w.flush();
        return 0;
    }

    /** Loads, configures, compiles and generates everything in memory (refusals are IllegalArgumentExceptions). */
    public GeneratedFiles generate() throws IOException {
        OutputLayout l = OutputLayout.named(layout);
        if (preset != null) {
            Preset.named(preset);
        }
        ConfigFile file = config == null ? null : InputFiles.read(resolve(config), ConfigFile::read);
        AcceleratorConfig cfg = ConfigResolver.resolve(preset, file, overrides());
        QuantizedModel q = loadModel();
        return Generator.generate(q, cfg, new Provenance(commandLine(), Generator.TOOL), l, rtl);
    }

    private QuantizedModel loadModel() throws IOException {
        ModelFiles.Loaded m = InputFiles.read(resolve(model), ModelFiles::load);
        if (!m.isQuantized()) {
            throw new IllegalArgumentException(model + " is a float model (" + m.format() + "); generate needs a "
                    + "quantised model: run `pulsedl quantize` first");
        }
        return m.quantized();
    }

    /** The command-line options as configuration keys, in a fixed order, then {@code --set} in the order given. */
    Map<String, String> overrides() {
        Map<String, String> o = new LinkedHashMap<>();
        putIf(o, "pes", pes);
        putIf(o, "lanes", lanes);
        putIf(o, "two_macs_per_dsp", twoMacsPerDsp);
        putIf(o, "int16_full_rate", int16FullRate);
        putIf(o, "activation_bits", activationBits);
        putIf(o, "acc_bits", accBits);
        putIf(o, "m_bits", mBits);
        putIf(o, "rounding_modes", roundingModes);
        putIf(o, "weight_words", weightWords);
        putIf(o, "act_depth", actDepth);
        putIf(o, "clock_mhz", clockMHz);
        for (String s : set) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set " + s + ": expected KEY=VALUE");
            }
            String key = s.substring(0, eq).strip();
            ConfigKey.named(key);
            o.put(key, s.substring(eq + 1));
        }
        return o;
    }

    private static void putIf(Map<String, String> o, String key, Object v) {
        if (v != null) {
            o.put(key, v.toString());
        }
    }

    /**
     * The command that reproduces this run, for the banners: {@code pulsedl generate} and the options in a fixed
     * order with their values as given (so the same request always gives the same banner).
     */
    public String commandLine() {
        List<String> a = new ArrayList<>(List.of("pulsedl", "generate", "--model", model));
        opt(a, "--preset", preset);
        opt(a, "--config", config);
        opt(a, "-P", pes);
        opt(a, "-U", lanes);
        if (twoMacsPerDsp != null) {
            a.add(twoMacsPerDsp ? "--two-macs-per-dsp" : "--no-two-macs-per-dsp");
        }
        if (int16FullRate != null) {
            a.add(int16FullRate ? "--int16-full-rate" : "--no-int16-full-rate");
        }
        opt(a, "--activation-bits", activationBits);
        opt(a, "--acc-bits", accBits);
        opt(a, "--m-bits", mBits);
        opt(a, "--rounding-modes", roundingModes);
        opt(a, "--weight-words", weightWords);
        opt(a, "--act-depth", actDepth);
        opt(a, "--clock-mhz", clockMHz);
        for (String s : set) {
            opt(a, "--set", s);
        }
        if (!"split".equals(layout)) {
            opt(a, "--layout", layout);
        }
        opt(a, "--out", out);
        StringBuilder b = new StringBuilder();
        for (String s : a) {
            b.append(b.length() == 0 ? "" : " ").append(quote(s));
        }
        return b.toString();
    }

    private static void opt(List<String> a, String name, Object v) {
        if (v != null) {
            a.add(name);
            a.add(v.toString());
        }
    }

    /** Shell quoting where needed; characters a banner cannot hold become '?'. */
    private static String quote(String s) {
        StringBuilder clean = new StringBuilder();
        for (char c : s.toCharArray()) {
            clean.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        String t = clean.toString().replace("*/", "*?").replace("-->", "--?");
        return t.matches("[A-Za-z0-9_./=,:@%+-]+") ? t : "'" + t.replace("'", "'\\''") + "'";
    }

    private Path resolve(String p) {
        return workingDir.resolve(p);
    }
}
