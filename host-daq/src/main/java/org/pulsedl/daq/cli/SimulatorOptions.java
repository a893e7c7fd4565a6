package org.pulsedl.daq.cli;

import org.pulsedl.quantizer.cli.InputFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pulsedl.daq.sim.AmplitudeDistribution;
import org.pulsedl.daq.sim.CrRcShape;
import org.pulsedl.daq.sim.DoubleExponentialShape;
import org.pulsedl.daq.sim.NoiseSpec;
import org.pulsedl.daq.sim.PulseShape;
import org.pulsedl.daq.sim.RecordedPulseModel;
import org.pulsedl.daq.sim.SimulatorConfig;
import org.pulsedl.daq.sim.TemplateShape;
import org.pulsedl.quantizer.cli.GivenOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The pulse-simulator options, as a picocli {@code @Mixin} shared by {@code simulate} and {@code bench}.
 * Every default reproduces {@link SimulatorConfig#pdl2()} (DESIGN §3).
 */
public final class SimulatorOptions {
    /**
     * The options that only describe simulated pulses: a dataset file fixes them (its windows, channels, noise and
     * random draws), so with {@code --data} they are refused. The shape, sampling and amplitude options still apply
     * there: they are the pulse model for the bound and the estimators.
     */
    static final List<String> FIXED_BY_DATASET = List.of("--samples", "--channels", "--offset", "--snr", "--noise-sigma",
            "--jitter", "--channel-jitter", "--seed");

    /** The command these options are mixed into: tells which options the user gave. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** These options themselves: their names. */
    @Spec(Spec.Target.SELF)
    CommandSpec self;

    @Option(names = "--shape", paramLabel = "crrc|dexp|template",
            description = "Pulse shape family: crrc (CR-RC^n), dexp (double exponential) or template (sampled file). "
                    + "Default: crrc, or template when --template is given.")
    String shape;

    @Option(names = "--crrc-order", paramLabel = "N", defaultValue = "1",
            description = "CR-RC^n order n (crrc); the pulse peaks at n*tau. Default: ${DEFAULT-VALUE}.")
    int crrcOrder;

    @Option(names = "--tau", paramLabel = "NS", defaultValue = "16",
            description = "CR-RC^n time constant tau in ns (crrc). Default: ${DEFAULT-VALUE} ns.")
    double tauNs;

    @Option(names = "--rise-tau", paramLabel = "NS", defaultValue = "2",
            description = "Rise time constant in ns (dexp), smaller than --decay-tau. Default: ${DEFAULT-VALUE} ns.")
    double riseTauNs;

    @Option(names = "--decay-tau", paramLabel = "NS", defaultValue = "16",
            description = "Decay time constant in ns (dexp). Default: ${DEFAULT-VALUE} ns.")
    double decayTauNs;

    @Option(names = "--template", paramLabel = "FILE",
            description = "Template pulse (template): text/CSV, one value per line at --template-step, or rows t_ns,value; "
                    + "the first point is the onset and its value the baseline; normalised to unit peak.")
    Path templateFile;

    @Option(names = "--template-step", paramLabel = "NS",
            description = "Sample step in ns of a one-column --template file.")
    Double templateStepNs;

    @Option(names = "--sampling-rate", paramLabel = "MSPS", defaultValue = "125",
            description = "ADC sampling rate in MS/s. Default: ${DEFAULT-VALUE} MSPS.")
    double samplingRateMsps;

    @Option(names = "--adc-bits", paramLabel = "BITS", defaultValue = "12",
            description = "ADC resolution in bits (1..15); codes clip to [0, 2^bits - 1]. Default: ${DEFAULT-VALUE}.")
    int adcBits;

    @Option(names = "--baseline", paramLabel = "FRACTION", defaultValue = "0.05",
            description = "Baseline as a fraction of full scale. Default: ${DEFAULT-VALUE}.")
    double baselineFraction;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "32",
            description = "Samples per window. Default: ${DEFAULT-VALUE}.")
    int samples;

    @Option(names = "--onset", paramLabel = "SAMPLE", defaultValue = "8",
            description = "Pulse onset in samples from the window start, plus a phase uniform over one sample. Default: ${DEFAULT-VALUE}.")
    int onsetSample;

    @Option(names = "--channels", paramLabel = "N", defaultValue = "2",
            description = "Channels fed by the same pulse with independent noise. Default: ${DEFAULT-VALUE}.")
    int channels;

    @Option(names = "--offset", paramLabel = "NS", split = ",",
            description = "Fixed, known onset offset of each channel in ns: one value per channel, repeated or comma "
                    + "separated (e.g. --offset 0,1.5). Default: 0 for every channel.")
    List<Double> offsetsNs;

    @Option(names = "--snr", paramLabel = "DB",
            description = "Target SNR in dB: mean(max sample - baseline) / sd(first sample), 20*log10. "
                    + "Default: " + SimulatorConfig.PDL2_SNR_DB + " dB unless --noise-sigma is given.")
    Double snrDb;

    @Option(names = "--noise-sigma", paramLabel = "CODES",
            description = "White-noise sigma in ADC codes, instead of --snr.")
    Double noiseSigmaCodes;

    @Option(names = "--jitter", paramLabel = "NS", defaultValue = "0",
            description = "Sigma of a Gaussian time jitter common to all channels of an event, ns. Default: ${DEFAULT-VALUE} ns.")
    double commonJitterNs;

    @Option(names = "--channel-jitter", paramLabel = "NS", defaultValue = "0",
            description = "Sigma of an independent Gaussian time jitter per channel, ns. Default: ${DEFAULT-VALUE} ns.")
    double channelJitterNs;

    @Option(names = "--amplitude", paramLabel = "FRACTION", defaultValue = "0.7",
            description = "Fixed pulse amplitude (peak above baseline) as a fraction of full scale (with --amplitude-dist fixed). "
                    + "Default: ${DEFAULT-VALUE}.")
    double amplitudeFraction;

    @Option(names = "--amplitude-dist", paramLabel = "DIST", defaultValue = "fixed",
            description = "Amplitude distribution, in fractions of full scale: fixed (--amplitude), uniform:LO:HI, "
                    + "gauss:MEAN:SIGMA, spectrum:FILE[:SCALE] (histogram rows energy,counts, energy*SCALE = fraction of "
                    + "full scale, SCALE default 1). Default: ${DEFAULT-VALUE}.")
    String amplitudeDist;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "" + SimulatorConfig.PDL2_SEED,
            description = "Random seed; the same seed and options give a bit-identical dataset. Default: ${DEFAULT-VALUE}.")
    long seed;

    /** Refuses every simulator option the user gave: {@code why} says what replaces the simulation. */
    public void refuseAll(String why) {
        if (self != null) GivenOptions.refuse(command, why, self.options().stream().map(OptionSpec::longestName).toList());
    }

    /** Refuses the options a dataset fixes ({@link #FIXED_BY_DATASET}). */
    public void refuseFixedByDataset(String why) {
        GivenOptions.refuse(command, why, FIXED_BY_DATASET);
    }

    /** How an error names the windows of simulated pulses. */
    static String windowsOf(SimulatorConfig config) {
        return "the simulated pulses (--samples " + config.samples() + ")";
    }

    /** The configuration these options describe. */
    public SimulatorConfig toConfig() {
        if (channels < 1) throw new IllegalArgumentException("--channels must be >= 1, got " + channels);
        List<Double> offsets = new ArrayList<>();
        if (offsetsNs == null || offsetsNs.isEmpty()) {
            for (int c = 0; c < channels; c++) offsets.add(0.0);
        } else if (offsetsNs.size() != channels) {
            throw new IllegalArgumentException("--offset has " + offsetsNs.size() + " value(s) for " + channels
                    + " channels; give one offset in ns per channel, e.g. --offset " + exampleOffsets());
        } else {
            offsets.addAll(offsetsNs);
        }
        NoiseSpec noise = noiseSpec();
        if (!amplitudeDist.strip().equals("fixed")) {
            GivenOptions.refuse(command, "with --amplitude-dist " + amplitudeDist + " (it sets the fixed amplitude)", "--amplitude");
        }
        AmplitudeDistribution amplitude = AmplitudeDistribution.parse(amplitudeDist, amplitudeFraction);
        return new SimulatorConfig(pulseShape(), samplingRateMsps, adcBits, baselineFraction, samples, onsetSample, offsets,
                noise, commonJitterNs, channelJitterNs, amplitude, seed);
    }

    /** Options that describe the pulse shape. */
    private static final List<String> SHAPE_OPTIONS = List.of("--shape", "--crrc-order", "--tau", "--rise-tau", "--decay-tau",
            "--template", "--template-step");

    /** True when the user described the pulse (its shape or onset), so nothing needs estimating. */
    public boolean pulseModelGiven() {
        return SHAPE_OPTIONS.stream().anyMatch(o -> GivenOptions.given(command, o)) || GivenOptions.given(command, "--onset");
    }

    /**
     * The configuration of a stored dataset: its windows and channels, and the pulse model it records in its
     * attributes (issue 9: a 250 MSPS file benchmarked with the 125 MSPS default gave a 17× "resolution"). An
     * option that contradicts a recorded value is refused unless {@code override}; what the file does not record
     * comes from the options (their defaults included).
     *
     * @param file the dataset, for messages
     */
    public SimulatorConfig forDataset(RecordedPulseModel rec, int samples, int channels, boolean override, String file) {
        boolean shapeGiven = SHAPE_OPTIONS.stream().anyMatch(o -> GivenOptions.given(command, o));
        PulseShape shapeUsed;
        if (rec.shapeText() == null || (override && shapeGiven)) {
            shapeUsed = pulseShape();
        } else if (rec.shape() == null) {   // a template: the attribute names it but cannot hold its samples
            if (!shapeGiven) throw new IllegalArgumentException(file + " records the pulse shape '" + rec.shapeText()
                    + "'; give the same template with --shape template --template FILE");
            shapeUsed = pulseShape();
        } else {
            if (shapeGiven && !pulseShape().describe().equals(rec.shapeText())) {
                throw contradiction("--shape/--tau/…", pulseShape().describe(), "shape", rec.shapeText(), file);
            }
            shapeUsed = rec.shape();
        }
        double rate = recorded("--sampling-rate", samplingRateMsps, rec.samplingRateMsps(), "sampling_rate_msps", override, file);
        int bits = (int) recorded("--adc-bits", adcBits, rec.adcBits() == null ? null : rec.adcBits().doubleValue(), "adc_bits", override, file);
        double baseline = recorded("--baseline", baselineFraction, rec.baselineFraction(), "baseline_fraction", override, file);
        int onset = (int) recorded("--onset", onsetSample, rec.onsetSample() == null ? null : rec.onsetSample().doubleValue(),
                "onset_sample", override, file);
        List<Double> offsets = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            offsets.add(rec.channelOffsetsNs() != null && rec.channelOffsetsNs().size() == channels ? rec.channelOffsetsNs().get(c) : 0.0);
        }
        return new SimulatorConfig(shapeUsed, rate, bits, baseline, samples, onset, offsets, noiseSpec(), 0, 0,
                AmplitudeDistribution.parse(amplitudeDist, amplitudeFraction), seed);
    }

    /** The recorded value, or the option's when the file records none (or {@code override} and it was given). */
    private double recorded(String option, double optionValue, Double rec, String attribute, boolean override, String file) {
        boolean given = GivenOptions.given(command, option);
        if (rec == null || (override && given)) return optionValue;
        if (given && optionValue != rec) {
            throw contradiction(option, fmt(optionValue), attribute, fmt(rec), file);
        }
        return rec;
    }

    private static IllegalArgumentException contradiction(String option, String value, String attribute, String rec, String file) {
        return new IllegalArgumentException(option + " " + value + " contradicts " + file + ", which records " + attribute
                + "=" + rec + "; drop the option to use the file's value, or give --override to benchmark with yours");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }

    private NoiseSpec noiseSpec() {
        if (snrDb != null && noiseSigmaCodes != null) throw new IllegalArgumentException("give either --snr or --noise-sigma, not both");
        if (noiseSigmaCodes != null) return new NoiseSpec.Sigma(noiseSigmaCodes);
        return new NoiseSpec.SnrDb(snrDb != null ? snrDb : SimulatorConfig.PDL2_SNR_DB);
    }

    /** The configuration with the noise set by a target SNR, whatever --snr or --noise-sigma said (SNR sweeps). */
    public SimulatorConfig toConfigAtSnrDb(double snrDb) {
        return toConfig().withSnrDb(snrDb);
    }

    /** True when the user gave the noise level explicitly (--snr or --noise-sigma). */
    public boolean noiseGiven() {
        return snrDb != null || noiseSigmaCodes != null;
    }

    private PulseShape pulseShape() {
        String family = shape != null ? shape : templateFile != null ? "template" : "crrc";
        if (templateFile != null && !family.equals("template")) {
            throw new IllegalArgumentException("--template is only used with --shape template (got --shape " + family + ")");
        }
        String why = "to --shape " + family;
        if (!family.equals("crrc")) GivenOptions.refuse(command, why + " (CR-RC^n only)", "--crrc-order", "--tau");
        if (!family.equals("dexp")) GivenOptions.refuse(command, why + " (dexp only)", "--rise-tau", "--decay-tau");
        if (!family.equals("template")) GivenOptions.refuse(command, why + " (template only)", "--template-step");
        return switch (family) {
            case "crrc" -> new CrRcShape(crrcOrder, tauNs);
            case "dexp" -> new DoubleExponentialShape(riseTauNs, decayTauNs);
            case "template" -> readTemplate();
            default -> throw new IllegalArgumentException("--shape '" + family + "': expected crrc, dexp or template");
        };
    }

    private PulseShape readTemplate() {
        if (templateFile == null) throw new IllegalArgumentException("--shape template needs --template FILE");
        try {
            return InputFiles.read(templateFile, f -> TemplateShape.read(f, templateStepNs == null ? Double.NaN : templateStepNs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String exampleOffsets() {
        StringBuilder b = new StringBuilder("0");
        for (int c = 1; c < channels; c++) b.append(",").append(c == 1 ? "1.5" : "0");
        return b.toString();
    }
}
