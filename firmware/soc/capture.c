/* The ADC capture and test-pulse generator (register proposal in soc_local.h): triggered windows go straight to
 * the accelerator's input port; the CPU configures it, reads its clock and counters, and snapshots a window for
 * WAVEFORM. */
#include "drivers.h"
#include "soc_local.h"

#define ADC SOC_ADC_BASE

void capture_start(const hal_capture_settings_t *s, uint32_t adc_clock_hz) {
    mmio_write(ADC, ADC_CTRL_OFFSET, 0);
    mmio_write(ADC, ADC_CHANNEL_MASK_OFFSET, s->channel_mask);
    mmio_write(ADC, ADC_THRESHOLD_OFFSET, (uint32_t)s->trigger_threshold);
    mmio_write(ADC, ADC_PRETRIGGER_OFFSET, s->pretrigger_samples);
    mmio_write(ADC, ADC_PULSER_PERIOD_OFFSET, adc_clock_hz / s->pulse_rate_hz);
    mmio_write(ADC, ADC_PULSER_MODE_OFFSET, s->pulse_mode);
    mmio_write(ADC, ADC_CTRL_OFFSET, ADC_CTRL_ENABLE_MASK);
}

void capture_stop(void) { mmio_write(ADC, ADC_CTRL_OFFSET, 0); }

static uint64_t read64(uint32_t lo_offset, uint32_t hi_offset) {
    uint32_t lo = mmio_read(ADC, lo_offset);
    return (uint64_t)mmio_read(ADC, hi_offset) << 32 | lo;
}

uint64_t capture_ticks(void) { return read64(ADC_TIME_LO_OFFSET, ADC_TIME_HI_OFFSET); }

uint64_t capture_triggers(void) { return read64(ADC_TRIGGERS_LO_OFFSET, ADC_TRIGGERS_HI_OFFSET); }

uint32_t capture_overruns(void) { return mmio_read(ADC, ADC_OVERRUNS_OFFSET); }

size_t capture_waveform(uint64_t timestamp, uint8_t channel, int16_t *samples, size_t window) {
    mmio_write(ADC, ADC_SNAP_SELECT_OFFSET, channel);
    if (read64(ADC_SNAP_TIME_LO_OFFSET, ADC_SNAP_TIME_HI_OFFSET) != timestamp) return 0; /* already overwritten */
    for (size_t i = 0; i < window; i++) samples[i] = (int16_t)mmio_read(ADC, ADC_SNAP_SAMPLES_OFFSET + 4u * i);
    return window;
}
