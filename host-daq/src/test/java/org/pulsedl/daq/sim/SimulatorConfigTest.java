package org.pulsedl.daq.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SimulatorConfigTest {
    private static final SimulatorConfig P = SimulatorConfig.pdl2();

    private static SimulatorConfig with(int samples, int onset, List<Double> offsets) {
        return new SimulatorConfig(P.shape(), P.samplingRateMsps(), P.adcBits(), P.baselineFraction(), samples, onset, offsets,
                P.noise(), 0, 0, P.amplitude(), P.seed());
    }

    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    @Test
    void pdl2MatchesTheBenchmarkContract() {
        assertEquals(new CrRcShape(1, 16), P.shape());
        assertEquals(8.0, P.samplePeriodNs());
        assertEquals(32, P.samples());
        assertEquals(2, P.channels());
        assertEquals(12, P.adcBits());
        assertEquals(4095, P.fullScaleCodes());
        assertEquals(0.05 * 4095, P.baselineCodes(), 1e-12);
        assertEquals(0.70 * 4095, P.nominalAmplitudeCodes(), 1e-12);
        assertEquals(8, P.onsetSample());
        assertEquals(0.0, P.channelOffsetNs(0));
        assertEquals(0.0, P.channelOffsetNs(1));
        assertEquals(47.4, P.targetSnrDb());
        // Phase-averaged max of a CR-RC n=1, τ = 2T pulse lies between s(0.75τ) = 0.963 and 1.
        double signal = P.expectedSignalCodes();
        assertTrue(signal > 0.963 * 2866.5 && signal < 2866.5, "signal " + signal);
        assertEquals(signal / Math.pow(10, 47.4 / 20), P.noiseSigmaCodes(), 1e-12);
        // Independent check (100 000-phase average in Python): mean max = 0.98970141 → σ = 12.1019717 codes.
        assertEquals(0.98970141 * 2866.5, signal, 1e-4);
        assertEquals(12.1019717, P.noiseSigmaCodes(), 1e-6);
    }

    @Test
    void withersChangeOneParameter() {
        assertEquals(3.5, P.withNoiseSigmaCodes(3.5).noiseSigmaCodes());
        assertTrue(Double.isNaN(P.withNoiseSigmaCodes(3.5).targetSnrDb()));
        assertEquals(P.noiseSigmaCodes() * 10, P.withSnrDb(27.4).noiseSigmaCodes(), 1e-9);
        assertEquals(99L, P.withSeed(99).seed());
        assertEquals(P, P.withSeed(P.seed()));
        assertEquals(3, P.withChannelOffsetsNs(List.of(0.0, 1.0, -2.0)).channels());
    }

    @Test
    void attributesListEveryParameterInOrder() {
        assertEquals(List.of("shape", "shape_peak_time_ns", "sampling_rate_msps", "sample_period_ns", "adc_bits", "full_scale_codes",
                "baseline_fraction", "baseline_codes", "samples", "onset_sample", "channels", "channel_offsets_ns", "noise",
                "snr_target_db", "noise_sigma_codes", "jitter_common_ns", "jitter_channel_ns", "amplitude_dist",
                "amplitude_nominal_codes", "seed"), List.copyOf(P.attributes().keySet()));
        assertEquals("CR-RC^1 tau=16.0 ns", P.attributes().get("shape"));
        assertEquals("0.0,0.0", P.attributes().get("channel_offsets_ns"));
        assertEquals("fixed:0.7", P.attributes().get("amplitude_dist"));
        assertEquals(Long.toString(SimulatorConfig.PDL2_SEED), P.attributes().get("seed"));
    }

    @Test
    void pulseMustFitTheWindow() {
        with(12, 8, List.of(0.0, 0.0)); // latest peak 72 + 16 = 88 ns = last sample: fits
        assertEquals("onset + pulse must fit the window: latest onset (onset 8 + 1 sample + offset 0.0 ns) + peak time 16.0 ns"
                + " = 88.0 ns is after the last sample at 80.0 ns (11 samples of 8.0 ns); use more --samples or an earlier --onset",
                message(() -> with(11, 8, List.of(0.0, 0.0))));
        assertTrue(message(() -> with(32, 8, List.of(0.0, 170.0))).startsWith(
                "onset + pulse must fit the window: latest onset (onset 8 + 1 sample + offset 170.0 ns)"));
        assertEquals("onset + channel offset must not precede the window: onset 1 samples (8.0 ns) + offset -10.0 ns = -2.0 ns < 0 ns;"
                + " use a later --onset", message(() -> with(32, 1, List.of(0.0, -10.0))));
        assertEquals("onset sample must be in 0..31 (window of 32 samples), got 32", message(() -> with(32, 32, List.of(0.0))));
        assertEquals("samples per window must be >= 2, got 1", message(() -> with(1, 0, List.of(0.0))));
        assertEquals("channels must be >= 1 (one offset per channel), got 0", message(() -> with(32, 8, List.of())));
    }

    @Test
    void parametersOutsideTheirLimitsAreRefusedByName() {
        assertEquals("ADC bits must be in 1..15 (codes are stored as int16), got 16", message(() -> new SimulatorConfig(P.shape(),
                125, 16, 0.05, 32, 8, List.of(0.0), P.noise(), 0, 0, P.amplitude(), 1)));
        assertEquals("sampling rate must be > 0 MSPS, got 0.0", message(() -> new SimulatorConfig(P.shape(),
                0, 12, 0.05, 32, 8, List.of(0.0), P.noise(), 0, 0, P.amplitude(), 1)));
        assertEquals("baseline must be a fraction of full scale in [0, 1), got 1.0", message(() -> P.withBaselineFraction(1.0)));
        assertEquals("common jitter sigma must be >= 0 ns, got -1.0", message(() -> P.withJitterNs(-1, 0)));
        assertEquals("channel jitter sigma must be >= 0 ns, got NaN", message(() -> P.withJitterNs(0, Double.NaN)));
        assertEquals("noise sigma must be a finite number of ADC codes >= 0, got -2.0", message(() -> P.withNoiseSigmaCodes(-2)));
        assertEquals("SNR must be a finite number of dB, got Infinity", message(() -> P.withSnrDb(Double.POSITIVE_INFINITY)));
        assertEquals("uniform amplitude lower bound must be a finite fraction of full scale >= 0, got -0.1",
                message(() -> new AmplitudeDistribution.Uniform(-0.1, 0.5)));
        assertEquals("uniform amplitude upper bound 0.2 is below the lower bound 0.5",
                message(() -> new AmplitudeDistribution.Uniform(0.5, 0.2)));
        assertEquals("gauss amplitude mean must be > 0, got 0.0", message(() -> new AmplitudeDistribution.Gaussian(0, 0.1)));
        // Amplitude + baseline above full scale is allowed: it clips in the ADC.
        assertEquals(1.2 * 4095, P.withAmplitude(new AmplitudeDistribution.Fixed(1.2)).nominalAmplitudeCodes(), 1e-9);
    }

    @Test
    void amplitudeDistributionSyntax() {
        assertEquals(new AmplitudeDistribution.Fixed(0.3), AmplitudeDistribution.parse("fixed", 0.3));
        assertEquals(new AmplitudeDistribution.Uniform(0.1, 0.9), AmplitudeDistribution.parse("uniform:0.1:0.9", 0.3));
        assertEquals(new AmplitudeDistribution.Gaussian(0.5, 0.02), AmplitudeDistribution.parse("gauss:0.5:0.02", 0.3));
        assertEquals("--amplitude-dist 'gauss:0.5': expected fixed, uniform:LO:HI, gauss:MEAN:SIGMA, spectrum:FILE or spectrum:FILE:SCALE",
                message(() -> AmplitudeDistribution.parse("gauss:0.5", 0.3)));
        assertEquals("--amplitude-dist 'uniform:a:0.5': LO must be a number, found 'a'",
                message(() -> AmplitudeDistribution.parse("uniform:a:0.5", 0.3)));
    }
}
