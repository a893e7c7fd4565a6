package org.pulsedl.daq.emulator;

import java.util.EnumMap;
import java.util.Map;
import org.pulsedl.protocol.ConfigKey;
import org.pulsedl.protocol.NackReason;
import org.pulsedl.protocol.ResultBatch;

/**
 * The emulated board's CONFIG settings (protocol {@link ConfigKey}), with their limits. Settings change only while
 * the board is stopped; the next START runs with them.
 */
final class BoardConfig {
    private final Map<ConfigKey, Integer> values = new EnumMap<>(ConfigKey.class);
    private final int channels;
    private final int samples;
    private final int maxBatch;

    BoardConfig(EmulatorSettings s, int outputs) {
        this.channels = s.sim().channels();
        this.samples = s.sim().samples();
        this.maxBatch = ResultBatch.maxRecords(outputs);
        values.put(ConfigKey.CHANNEL_MASK, (1 << channels) - 1);
        values.put(ConfigKey.TRIGGER_THRESHOLD, 0);
        values.put(ConfigKey.PRETRIGGER_SAMPLES, s.sim().onsetSample());
        values.put(ConfigKey.WAVEFORM_PRESCALE, 0);
        values.put(ConfigKey.RESULT_BATCH, maxBatch);
        values.put(ConfigKey.STATS_INTERVAL_MS, 1000);
        values.put(ConfigKey.PULSE_RATE_HZ, (int) Math.min(Integer.MAX_VALUE, Math.round(s.rateHz())));
        values.put(ConfigKey.PULSE_MODE, s.arrival() == Arrival.PERIODIC ? 0 : 1);
    }

    int get(ConfigKey key) { return values.get(key); }

    Map<ConfigKey, Integer> all() { return values; }

    /** Sets {@code key}; a value out of its range is refused with BAD_VALUE naming the key. */
    void set(ConfigKey key, int value) throws ModelImageLoad.Refused {
        boolean ok = switch (key) {
            case CHANNEL_MASK -> value > 0 && value < (1 << channels);
            case TRIGGER_THRESHOLD, WAVEFORM_PRESCALE, STATS_INTERVAL_MS -> value >= 0;
            case PRETRIGGER_SAMPLES -> value >= 0 && value < samples;
            case RESULT_BATCH -> value >= 1 && value <= maxBatch;
            case PULSE_RATE_HZ -> value > 0;
            case PULSE_MODE -> value == 0 || value == 1;
        };
        if (!ok) throw new ModelImageLoad.Refused(NackReason.BAD_VALUE, key.code(), key + " = " + value);
        values.put(key, value);
    }

    /** The engine settings for the next run. */
    EmulatorSettings apply(EmulatorSettings base) {
        Arrival a = get(ConfigKey.PULSE_MODE) == 0 ? Arrival.PERIODIC : Arrival.POISSON;
        return base.withRate(get(ConfigKey.PULSE_RATE_HZ), a);
    }
}
