package org.pulsedl.daq.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every parameter of the pulse simulator (DESIGN §3). Immutable; the constructor checks the invariants and
 * names the parameter and the limit it breaks. {@link #pdl2()} is the default benchmark.
 *
 * <p>Model for channel c of one event: the onset is {@code t_c = (onsetSample + φ)·T + offset_c + j + j_c}
 * with φ uniform in [0, 1), j ~ N(0, commonJitter²), j_c ~ N(0, channelJitter²); sample k is
 * {@code clip(round(baseline + A·s(k·T − t_c) + n_k), 0, 2^bits − 1)} with n_k ~ N(0, σ²) independent per
 * channel and sample, and A drawn from {@link #amplitude()} once per event (all channels see the same pulse).
 *
 * @param shape            pulse shape, unit peak
 * @param samplingRateMsps ADC sampling rate in MS/s (sample period T = 1000 / rate ns)
 * @param adcBits          ADC resolution, 1..15 (codes are stored as int16)
 * @param baselineFraction baseline as a fraction of full scale, in [0, 1)
 * @param samples          samples per window
 * @param onsetSample      nominal onset, in samples from the window start (the phase φ adds up to one more)
 * @param channelOffsetsNs fixed, known onset offset of each channel in ns; its size is the channel count
 * @param noise            white-noise level, as σ or as target SNR
 * @param commonJitterNs   σ of a Gaussian time jitter common to all channels of an event, ns (0 = none)
 * @param channelJitterNs  σ of an independent Gaussian time jitter per channel, ns (0 = none)
 * @param amplitude        amplitude distribution, fractions of full scale
 * @param seed             random seed; the same seed gives a bit-identical dataset
 */
public record SimulatorConfig(
        PulseShape shape,
        double samplingRateMsps,
        int adcBits,
        double baselineFraction,
        int samples,
        int onsetSample,
        List<Double> channelOffsetsNs,
        NoiseSpec noise,
        double commonJitterNs,
        double channelJitterNs,
        AmplitudeDistribution amplitude,
        long seed) {

    /** Seed of the {@code pdl2} preset. */
    public static final long PDL2_SEED = 20_240_047L;
    /** SNR of the {@code pdl2} preset, dB (≈ 234 linear). */
    public static final double PDL2_SNR_DB = 47.4;
    /** Maximum ADC resolution: codes are stored as int16. */
    public static final int MAX_ADC_BITS = 15;
    /** Phases used to average the noise-free maximum sample over the arrival phase. */
    private static final int PHASE_POINTS = 4096;

    public SimulatorConfig {
        if (shape == null) throw new IllegalArgumentException("shape must be given");
        if (!(samplingRateMsps > 0) || Double.isInfinite(samplingRateMsps)) {
            throw new IllegalArgumentException("sampling rate must be > 0 MSPS, got " + samplingRateMsps);
        }
        if (adcBits < 1 || adcBits > MAX_ADC_BITS) {
            throw new IllegalArgumentException("ADC bits must be in 1.." + MAX_ADC_BITS + " (codes are stored as int16), got " + adcBits);
        }
        if (!(baselineFraction >= 0 && baselineFraction < 1)) {
            throw new IllegalArgumentException("baseline must be a fraction of full scale in [0, 1), got " + baselineFraction);
        }
        if (samples < 2) throw new IllegalArgumentException("samples per window must be >= 2, got " + samples);
        if (onsetSample < 0 || onsetSample >= samples) {
            throw new IllegalArgumentException("onset sample must be in 0.." + (samples - 1) + " (window of " + samples + " samples), got " + onsetSample);
        }
        if (channelOffsetsNs == null || channelOffsetsNs.isEmpty()) {
            throw new IllegalArgumentException("channels must be >= 1 (one offset per channel), got 0");
        }
        channelOffsetsNs = List.copyOf(channelOffsetsNs);
        for (int c = 0; c < channelOffsetsNs.size(); c++) {
            if (!Double.isFinite(channelOffsetsNs.get(c))) {
                throw new IllegalArgumentException("channel " + c + " offset must be a finite number of ns, got " + channelOffsetsNs.get(c));
            }
        }
        if (noise == null) throw new IllegalArgumentException("noise must be given (sigma or SNR)");
        if (!Double.isFinite(commonJitterNs) || commonJitterNs < 0) {
            throw new IllegalArgumentException("common jitter sigma must be >= 0 ns, got " + commonJitterNs);
        }
        if (!Double.isFinite(channelJitterNs) || channelJitterNs < 0) {
            throw new IllegalArgumentException("channel jitter sigma must be >= 0 ns, got " + channelJitterNs);
        }
        if (amplitude == null) throw new IllegalArgumentException("amplitude distribution must be given");
        double period = 1000.0 / samplingRateMsps;
        double minOffset = channelOffsetsNs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double maxOffset = channelOffsetsNs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double earliest = onsetSample * period + minOffset;
        if (earliest < 0) {
            throw new IllegalArgumentException("onset + channel offset must not precede the window: onset " + onsetSample
                    + " samples (" + onsetSample * period + " ns) + offset " + minOffset + " ns = " + earliest
                    + " ns < 0 ns; use a later --onset");
        }
        double latestPeak = (onsetSample + 1) * period + maxOffset + shape.peakTimeNs();
        double lastSample = (samples - 1) * period;
        if (latestPeak > lastSample) {
            throw new IllegalArgumentException("onset + pulse must fit the window: latest onset (onset " + onsetSample
                    + " + 1 sample + offset " + maxOffset + " ns) + peak time " + shape.peakTimeNs() + " ns = " + latestPeak
                    + " ns is after the last sample at " + lastSample + " ns (" + samples + " samples of " + period
                    + " ns); use more --samples or an earlier --onset");
        }
    }

    /**
     * The default benchmark (DESIGN §3): 2 channels, same pulse, offsets 0 ns, 125 MSPS, 12 bits, 32 samples,
     * CR-RC n = 1 τ = 16 ns, onset 8 samples + uniform phase, amplitude 70 % FS, baseline 5 % FS, SNR 47.4 dB.
     */
    public static SimulatorConfig pdl2() {
        return new SimulatorConfig(new CrRcShape(1, 16.0), 125.0, 12, 0.05, 32, 8, List.of(0.0, 0.0),
                new NoiseSpec.SnrDb(PDL2_SNR_DB), 0.0, 0.0, new AmplitudeDistribution.Fixed(0.70), PDL2_SEED);
    }

    public SimulatorConfig withSnrDb(double snrDb) {
        return withNoise(new NoiseSpec.SnrDb(snrDb));
    }

    public SimulatorConfig withNoiseSigmaCodes(double sigma) {
        return withNoise(new NoiseSpec.Sigma(sigma));
    }

    public SimulatorConfig withNoise(NoiseSpec n) {
        return new SimulatorConfig(shape, samplingRateMsps, adcBits, baselineFraction, samples, onsetSample, channelOffsetsNs,
                n, commonJitterNs, channelJitterNs, amplitude, seed);
    }

    public SimulatorConfig withSeed(long s) {
        return new SimulatorConfig(shape, samplingRateMsps, adcBits, baselineFraction, samples, onsetSample, channelOffsetsNs,
                noise, commonJitterNs, channelJitterNs, amplitude, s);
    }

    public SimulatorConfig withShape(PulseShape s) {
        return new SimulatorConfig(s, samplingRateMsps, adcBits, baselineFraction, samples, onsetSample, channelOffsetsNs,
                noise, commonJitterNs, channelJitterNs, amplitude, seed);
    }

    public SimulatorConfig withAmplitude(AmplitudeDistribution a) {
        return new SimulatorConfig(shape, samplingRateMsps, adcBits, baselineFraction, samples, onsetSample, channelOffsetsNs,
                noise, commonJitterNs, channelJitterNs, a, seed);
    }

    /** The same config with these channel offsets (their count sets the number of channels). */
    public SimulatorConfig withChannelOffsetsNs(List<Double> offsets) {
        return new SimulatorConfig(shape, samplingRateMsps, adcBits, baselineFraction, samples, onsetSample, offsets,
                noise, commonJitterNs, channelJitterNs, amplitude, seed);
    }

    public SimulatorConfig withJitterNs(double common, double perChannel) {
        return new SimulatorConfig(shape, samplingRateMsps, adcBits, baselineFraction, samples, onsetSample, channelOffsetsNs,
                noise, common, perChannel, amplitude, seed);
    }

    public SimulatorConfig withBaselineFraction(double b) {
        return new SimulatorConfig(shape, samplingRateMsps, adcBits, b, samples, onsetSample, channelOffsetsNs,
                noise, commonJitterNs, channelJitterNs, amplitude, seed);
    }

    /** Sample period T in ns. */
    public double samplePeriodNs() { return 1000.0 / samplingRateMsps; }

    public int channels() { return channelOffsetsNs.size(); }

    public double channelOffsetNs(int channel) { return channelOffsetsNs.get(channel); }

    /** Largest ADC code, 2^bits − 1; the ADC clips to [0, fullScaleCodes]. */
    public int fullScaleCodes() { return (1 << adcBits) - 1; }

    public double baselineCodes() { return baselineFraction * fullScaleCodes(); }

    /** The fixed amplitude, or the mean of the amplitude distribution, in ADC codes. */
    public double nominalAmplitudeCodes() { return amplitude.mean() * fullScaleCodes(); }

    /** The target SNR in dB, or NaN when the noise is given as σ. */
    public double targetSnrDb() { return noise instanceof NoiseSpec.SnrDb s ? s.db() : Double.NaN; }

    /**
     * σ of the white noise actually added, in ADC codes. When the noise is given as an SNR, σ is the expected
     * signal ({@link #expectedSignalCodes()}) divided by the linear target SNR, so the expected measured SNR
     * equals the target. Two small residual biases remain, both documented and measured in the tests: noise
     * lifts the maximum sample (E[max(x_k + n_k)] &gt; max x_k, as the maximum picks the noisiest of the
     * samples near the peak), and rounding to integer codes adds 1/12 code² to the first-sample variance
     * (relative σ bias ≈ 1/(24σ²)). Measured for pdl2 with 200 000 events: target 20 / 30 / 40 / 47.4 / 55 dB
     * gives 22.11 / 30.13 / 40.01 / 47.41 / 54.99 dB, so the bias matters only below ~30 dB.
     */
    public double noiseSigmaCodes() {
        if (noise instanceof NoiseSpec.SnrDb s) return expectedSignalCodes() / Math.pow(10, s.db() / 20);
        return ((NoiseSpec.Sigma) noise).codes();
    }

    /**
     * Noise-free expected (max sample − baseline) in codes: the nominal amplitude times the maximum of the
     * sampled pulse, averaged over the arrival phase (midpoint rule, {@value #PHASE_POINTS} phases) for
     * channel 0, clipped at full scale. For amplitude distributions the nominal (mean) amplitude is used.
     */
    public double expectedSignalCodes() {
        double period = samplePeriodNs();
        double a = nominalAmplitudeCodes();
        double headroom = fullScaleCodes() - baselineCodes();
        double sum = 0;
        for (int p = 0; p < PHASE_POINTS; p++) {
            double t0 = (onsetSample + (p + 0.5) / PHASE_POINTS) * period + channelOffsetNs(0);
            double max = 0;
            for (int k = 0; k < samples; k++) max = Math.max(max, shape.value(k * period - t0));
            sum += Math.min(a * max, headroom);
        }
        return sum / PHASE_POINTS;
    }

    /** Every parameter, in a fixed order, as strings: dataset attributes and benchmark JSON. */
    public Map<String, String> attributes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("shape", shape.describe());
        m.put("shape_peak_time_ns", Double.toString(shape.peakTimeNs()));
        m.put("sampling_rate_msps", Double.toString(samplingRateMsps));
        m.put("sample_period_ns", Double.toString(samplePeriodNs()));
        m.put("adc_bits", Integer.toString(adcBits));
        m.put("full_scale_codes", Integer.toString(fullScaleCodes()));
        m.put("baseline_fraction", Double.toString(baselineFraction));
        m.put("baseline_codes", Double.toString(baselineCodes()));
        m.put("samples", Integer.toString(samples));
        m.put("onset_sample", Integer.toString(onsetSample));
        m.put("channels", Integer.toString(channels()));
        m.put("channel_offsets_ns", channelOffsetsNs.stream().map(String::valueOf).collect(Collectors.joining(",")));
        m.put("noise", noise.toString());
        m.put("snr_target_db", Double.isNaN(targetSnrDb()) ? "none" : Double.toString(targetSnrDb()));
        m.put("noise_sigma_codes", Double.toString(noiseSigmaCodes()));
        m.put("jitter_common_ns", Double.toString(commonJitterNs));
        m.put("jitter_channel_ns", Double.toString(channelJitterNs));
        m.put("amplitude_dist", amplitude.describe());
        m.put("amplitude_nominal_codes", Double.toString(nominalAmplitudeCodes()));
        m.put("seed", Long.toString(seed));
        return Collections.unmodifiableMap(m);
    }
}
