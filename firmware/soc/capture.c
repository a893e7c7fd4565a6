/* The ADC capture (pdl_adc, registers declared in SocRegisters.adc): the gate of the window port, which feeds the
 * accelerator directly. This SoC's capture has no trigger, pulser or channel selection of its own (its source,
 * the simulation harness, supplies whole windows), so those settings have no effect here; it has no capture FIFO
 * to overrun and keeps no window for WAVEFORM. */
#include "drivers.h"
#include "mmio.h"
#include "pulsedl_model.h"

void capture_start(const hal_capture_settings_t *s, uint32_t adc_clock_hz) {
    (void)s;
    (void)adc_clock_hz;
    pdl_adc_ctrl_write(0);
    pdl_adc_ctrl_write(PDL_ADC_CTRL_ENABLE_MASK); /* 0 -> 1: time and triggers restart at 0 */
}

/* Closes the gate and returns once a window the port was passing has gone through (one sample per cycle), so the
 * accelerator's counters then show every window of the run. */
void capture_stop(void) {
    pdl_adc_ctrl_write(0);
    uint64_t passed = timer_cycles() + 2u * PULSEDL_MODEL_INPUT_LENGTH;
    while (timer_cycles() < passed) {
    }
}

uint64_t capture_ticks(void) {
    uint32_t hi, lo;
    do { /* hi, lo, hi again: a carry between the reads is seen */
        hi = pdl_adc_time_hi_read();
        lo = pdl_adc_time_lo_read();
    } while (hi != pdl_adc_time_hi_read());
    return (uint64_t)hi << 32 | lo;
}

uint64_t capture_triggers(void) { return pdl_adc_triggers_read(); }

uint32_t capture_overruns(void) { return 0; }

size_t capture_waveform(uint64_t timestamp, uint8_t channel, int16_t *samples, size_t window) {
    (void)timestamp;
    (void)channel;
    (void)samples;
    (void)window;
    return 0;
}
