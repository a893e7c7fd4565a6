package org.pulsedl.protocol;

/** The board settings CONFIG reads and writes; every value is a signed 32-bit integer. */
public enum ConfigKey implements Coded {
    CHANNEL_MASK(1, "bit n enables ADC channel n"),
    TRIGGER_THRESHOLD(2, "leading-edge trigger threshold in ADC counts above baseline"),
    PRETRIGGER_SAMPLES(3, "samples kept before the trigger in each window"),
    WAVEFORM_PRESCALE(4, "send the raw WAVEFORM of every n-th event (0 = none)"),
    RESULT_BATCH(5, "most records per RESULT frame (the board may send fewer, e.g. on a timeout)"),
    STATS_INTERVAL_MS(6, "period of unsolicited STATS frames while running (0 = only on request)"),
    PULSE_RATE_HZ(7, "emulator only: mean pulse rate per channel"),
    PULSE_MODE(8, "emulator only: 0 = periodic, 1 = Poisson arrivals");

    private final int code;
    private final String description;

    ConfigKey(int code, String description) {
        this.code = code;
        this.description = description;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public String description() {
        return description;
    }
}
