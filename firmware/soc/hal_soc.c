/* The HAL on the SoC: the drivers, and the board's facts from the generated configuration. */
#include "drivers.h"
#include "hal.h"
#include "pulsedl_model.h"

static const hal_board_t board = {
    .channels = 2,
    .adc_bits = 12,
    .window_samples = PULSEDL_MODEL_INPUT_LENGTH,
    .adc_clock_hz = PULSEDL_CFG_CLOCK_HZ, /* the capture runs on the system clock in this SoC */
    .board_id = 0x534F4331u,              /* 'SOC1' */
};

const hal_board_t *hal_board(void) { return &board; }

size_t hal_link_read(uint8_t *buf, size_t max) { return uart_read(buf, max); }
void hal_link_write(const uint8_t *buf, size_t n) { uart_write(buf, n); }
/* The result framer writes the link too: the CPU's frames go between its frames, numbered by its counter. */
uint32_t hal_link_begin_frame(uint32_t next) {
    (void)next;
    return framer_claim();
}
void hal_link_end_frame(uint32_t next) { framer_release(next); }

uint32_t hal_millis(void) { return (uint32_t)(timer_cycles() / (PULSEDL_CFG_CLOCK_HZ / 1000u)); }

void hal_capture_start(const hal_capture_settings_t *s) { capture_start(s, board.adc_clock_hz); }
void hal_capture_stop(void) { capture_stop(board.channels); }
uint64_t hal_capture_ticks(void) { return capture_ticks(); }
uint64_t hal_capture_triggers(void) { return capture_triggers(); }
uint32_t hal_capture_overruns(void) { return capture_overruns(); }
size_t hal_capture_waveform(uint64_t timestamp, uint8_t channel, int16_t *samples) {
    return capture_waveform(timestamp, channel, samples, board.window_samples);
}

int hal_accel_load(const uint32_t *d, uint32_t nd, const uint32_t *p, uint32_t np, const uint32_t *w, uint32_t nw) {
    return accel_load(d, nd, p, np, w, nw);
}
void hal_accel_start(void) { accel_start(); }
int hal_accel_drained(void) { return accel_drained(); }
void hal_accel_stop(void) { accel_stop(); }
int hal_accel_pop_record(uint8_t *rec, uint32_t outputs, uint16_t *sequence) {
    return accel_pop_record(rec, outputs, sequence);
}
uint32_t hal_accel_windows_in(void) { return accel_windows_in(); }
uint32_t hal_accel_input_drops(void) { return accel_input_drops(); }

int hal_framer_start(uint32_t outputs, uint32_t batch, uint32_t channel_mask, uint32_t max_age_ms) {
    framer_start(outputs, accel_wide(), batch, channel_mask, max_age_ms * (PULSEDL_CFG_CLOCK_HZ / 1000u));
    return 1;
}
void hal_framer_finish(void) { framer_finish(); }
void hal_framer_counters(uint32_t *records, uint32_t *lost, uint32_t *expected) {
    framer_counters(records, lost, expected);
}
