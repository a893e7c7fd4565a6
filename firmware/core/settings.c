#include "settings.h"

static int32_t values[SETTINGS_KEYS + 1];
static uint32_t board_channels;
static uint32_t board_window;
static uint32_t batch_limit;

uint32_t settings_max_batch(uint32_t outputs) {
    uint32_t n = (PDL_MAX_PAYLOAD - PDL_RESULT_SIZE) / (PDL_RESULT_RECORD_SIZE + 4u * outputs);
    return n > 0xFFFFu ? 0xFFFFu : n;
}

void settings_init(uint32_t channels, uint32_t window_samples, uint32_t max_batch) {
    board_channels = channels;
    board_window = window_samples;
    batch_limit = max_batch;
    values[PDL_CONFIG_KEY_CHANNEL_MASK] = (int32_t)((1u << channels) - 1u);
    values[PDL_CONFIG_KEY_TRIGGER_THRESHOLD] = 0;
    values[PDL_CONFIG_KEY_PRETRIGGER_SAMPLES] = (int32_t)(window_samples / 4u);
    values[PDL_CONFIG_KEY_WAVEFORM_PRESCALE] = 0;
    values[PDL_CONFIG_KEY_RESULT_BATCH] = (int32_t)max_batch;
    values[PDL_CONFIG_KEY_STATS_INTERVAL_MS] = 1000;
    values[PDL_CONFIG_KEY_PULSE_RATE_HZ] = 10000;
    values[PDL_CONFIG_KEY_PULSE_MODE] = 0;
}

void settings_fit_model(uint32_t outputs) {
    batch_limit = settings_max_batch(outputs);
    if ((uint32_t)values[PDL_CONFIG_KEY_RESULT_BATCH] > batch_limit) {
        values[PDL_CONFIG_KEY_RESULT_BATCH] = (int32_t)batch_limit;
    }
}

int settings_known(uint32_t key) { return key >= 1 && key <= SETTINGS_KEYS; }

int32_t settings_get(uint32_t key) { return values[key]; }

int settings_valid(uint32_t key, int32_t v) {
    switch (key) {
    case PDL_CONFIG_KEY_CHANNEL_MASK: return v > 0 && (uint32_t)v < (1u << board_channels);
    case PDL_CONFIG_KEY_TRIGGER_THRESHOLD:
    case PDL_CONFIG_KEY_WAVEFORM_PRESCALE:
    case PDL_CONFIG_KEY_STATS_INTERVAL_MS: return v >= 0;
    case PDL_CONFIG_KEY_PRETRIGGER_SAMPLES: return v >= 0 && (uint32_t)v < board_window;
    case PDL_CONFIG_KEY_RESULT_BATCH: return v >= 1 && (uint32_t)v <= batch_limit;
    case PDL_CONFIG_KEY_PULSE_RATE_HZ: return v > 0;
    case PDL_CONFIG_KEY_PULSE_MODE: return v == 0 || v == 1;
    default: return 0;
    }
}

void settings_set(uint32_t key, int32_t value) { values[key] = value; }
