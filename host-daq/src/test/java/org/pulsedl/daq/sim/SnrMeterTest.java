package org.pulsedl.daq.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.pulsedl.quantizer.data.Dataset;

class SnrMeterTest {
    @Test
    void handComputedDefinition() {
        // First samples 10, 12, 14 → baseline 12, σ 2; maxima 110, 112, 120 → signal 114 − 12 = 102 → SNR 51.
        short[][][] w = {{{10, 110, 50}}, {{12, 112, 40}}, {{14, 30, 120}}};
        Dataset d = new Dataset(w, List.of("x"), new double[][] {{0}, {0}, {0}}, Map.of());
        SnrMeter.Snr snr = SnrMeter.measure(d);
        assertEquals(102, snr.signalCodes(), 1e-12);
        assertEquals(2, snr.noiseCodes(), 1e-12);
        assertEquals(51, snr.linear(), 1e-12);
        assertEquals(20 * Math.log10(51), snr.db(), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(doubles = {30, 40, 47.4, 55})
    void measuredSnrMatchesTheTarget(double db) {
        SimulatorConfig cfg = SimulatorConfig.pdl2().withSnrDb(db);
        SnrMeter.Snr snr = SnrMeter.measure(PulseSimulator.generate(cfg, 5000));
        assertEquals(db, snr.db(), 0.5, "measured " + snr.db() + " dB");
        // The σ estimate from 2 × 5000 first samples is good to ~0.7 %, i.e. ~0.06 dB: hold the result to 0.25 dB.
        assertEquals(db, snr.db(), 0.25, "measured " + snr.db() + " dB");
        assertEquals(db, snr.channelDb(0), 0.5);
        assertEquals(db, snr.channelDb(1), 0.5);
    }

    @Test
    void noiseSigmaIsMeasuredOnTheFirstSamples() {
        SimulatorConfig cfg = SimulatorConfig.pdl2();
        SnrMeter.Snr snr = SnrMeter.measure(PulseSimulator.generate(cfg, 10000));
        // Rounding to codes adds 1/12 code² to the variance.
        double expected = Math.sqrt(cfg.noiseSigmaCodes() * cfg.noiseSigmaCodes() + 1 / 12.0);
        assertEquals(expected, snr.noiseCodes(), 4 * expected / Math.sqrt(2 * 20000));
        assertEquals(cfg.expectedSignalCodes(), snr.signalCodes(), 1.0);
        SnrMeter.Snr given = SnrMeter.measure(PulseSimulator.generate(cfg.withNoiseSigmaCodes(3), 10000));
        assertEquals(Math.sqrt(9 + 1 / 12.0), given.noiseCodes(), 4 * 3 / Math.sqrt(2 * 20000));
    }
}
