package org.pulsedl.daq.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.pulsedl.quantizer.data.Dataset;

/**
 * Generates digitised pulses per {@link SimulatorConfig} (model in its class comment).
 *
 * <p>Output: waveforms {@code [event][channel][sample]} of int16 ADC codes (rounded half up, clipped to
 * [0, 2^bits − 1]); labels {@code t_ch0_ns, t_ch1_ns, …} = true onset of each channel in ns after the first
 * sample of the window (phase, offset and jitter included) and {@code amplitude} = true peak above baseline
 * in ADC codes (before clipping); attributes = {@link SimulatorConfig#attributes()} plus
 * {@code generator=pulsedl simulate}.
 *
 * <p>Deterministic: one {@link SplittableRandom} seeded from the config, consumed in a fixed order per event
 * (amplitude, phase, common jitter if σ &gt; 0, per-channel jitter if σ &gt; 0, then the noise channel by
 * channel, sample by sample), so the same config gives a bit-identical dataset. The shape is evaluated
 * exactly (no look-up table), once per event when all channels share the onset time.
 */
public final class PulseSimulator {
    /** Value of the {@code generator} attribute. */
    public static final String GENERATOR = "pulsedl simulate";
    /** Name of the amplitude label column. */
    public static final String AMPLITUDE_LABEL = "amplitude";
    private static final int PROGRESS_EVERY = 4096;

    private PulseSimulator() {}

    /** Name of the onset-time label of {@code channel}: {@code t_ch<channel>_ns}. */
    public static String timeLabel(int channel) {
        return "t_ch" + channel + "_ns";
    }

    /** Label columns of a simulated dataset with {@code channels} channels. */
    public static List<String> labelNames(int channels) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < channels; c++) names.add(timeLabel(c));
        names.add(AMPLITUDE_LABEL);
        return names;
    }

    public static Dataset generate(SimulatorConfig config, int events) {
        return generate(config, events, done -> { });
    }

    /**
     * As {@link #generate(SimulatorConfig, int)}, calling {@code progress} with the number of events done every
     * few thousand events and once at the end.
     */
    public static Dataset generate(SimulatorConfig config, int events, LongConsumer progress) {
        if (events < 0) throw new IllegalArgumentException("events must be >= 0, got " + events);
        int channels = config.channels();
        short[][][] waveforms = new short[events][channels][config.samples()];
        double[][] labels = new double[events][channels + 1];
        EventSource source = new EventSource(config);
        for (int e = 0; e < events; e++) {
            source.next(waveforms[e], labels[e]);
            if ((e + 1) % PROGRESS_EVERY == 0) progress.accept(e + 1);
        }
        progress.accept(events);
        return new Dataset(waveforms, labelNames(channels), labels, attributes(config));
    }

    /** The attributes of a dataset simulated with {@code config}: its parameters and {@code generator}. */
    public static Map<String, String> attributes(SimulatorConfig config) {
        Map<String, String> attributes = new LinkedHashMap<>(config.attributes());
        attributes.put("generator", GENERATOR);
        return attributes;
    }

    /**
     * Produces events one at a time into caller-owned arrays, without allocating. Not thread-safe: use one per
     * thread (with different seeds).
     */
    public static final class EventSource {
        private final SplittableRandom rnd;
        private final PulseShape shape;
        private final AmplitudeDistribution amplitude;
        private final int samples;
        private final int channels;
        private final double period;
        private final double onsetNs;
        private final double[] offsets;
        private final double commonJitter;
        private final double channelJitter;
        private final boolean sharedTime;
        private final double fullScale;
        private final double baseline;
        private final double sigma;
        private final int maxCode;
        /** baseline + A·s(k·T − t) for the current channel (or all channels when they share the time). */
        private final double[] clean;

        public EventSource(SimulatorConfig config) {
            this.rnd = new SplittableRandom(config.seed());
            this.shape = config.shape();
            this.amplitude = config.amplitude();
            this.samples = config.samples();
            this.channels = config.channels();
            this.period = config.samplePeriodNs();
            this.onsetNs = config.onsetSample() * period;
            this.offsets = new double[channels];
            boolean allZero = true;
            for (int c = 0; c < channels; c++) {
                offsets[c] = config.channelOffsetNs(c);
                allZero &= offsets[c] == 0;
            }
            this.commonJitter = config.commonJitterNs();
            this.channelJitter = config.channelJitterNs();
            this.sharedTime = allZero && channelJitter == 0;
            this.fullScale = config.fullScaleCodes();
            this.baseline = config.baselineCodes();
            this.sigma = config.noiseSigmaCodes();
            this.maxCode = config.fullScaleCodes();
            this.clean = new double[samples];
        }

        /**
         * Writes the next event: {@code out[channel][sample]} codes and {@code labels} = onset time of each
         * channel (ns) followed by the amplitude (codes).
         */
        public void next(short[][] out, double[] labels) {
            double a = amplitude.sample(rnd) * fullScale;
            double t = onsetNs + rnd.nextDouble() * period;
            if (commonJitter > 0) t += commonJitter * Ziggurat.next(rnd);
            for (int c = 0; c < channels; c++) {
                double tc = t + offsets[c];
                if (channelJitter > 0) tc += channelJitter * Ziggurat.next(rnd);
                labels[c] = tc;
            }
            labels[channels] = a;
            if (sharedTime) fillClean(t, a);
            for (int c = 0; c < channels; c++) {
                if (!sharedTime) fillClean(labels[c], a);
                digitise(out[c]);
            }
        }

        private void fillClean(double onset, double a) {
            for (int k = 0; k < samples; k++) {
                double dt = k * period - onset;
                clean[k] = dt > 0 ? baseline + a * shape.value(dt) : baseline;
            }
        }

        private void digitise(short[] out) {
            for (int k = 0; k < samples; k++) {
                double v = clean[k] + sigma * Ziggurat.next(rnd);
                // Truncation of v + 0.5 rounds half up for v ≥ −0.5; anything below rounds to ≤ 0 and clips to 0.
                int code = (int) (v + 0.5);
                out[k] = (short) (code < 0 ? 0 : Math.min(code, maxCode));
            }
        }
    }
}
