/* The ADC capture (pdl_adc, registers declared in SocRegisters.adc): the gate of the window port, which feeds the
 * accelerator directly, and the waveform snapshot that keeps every n-th event's windows for WAVEFORM frames. This
 * SoC's capture has no trigger, pulser or channel selection of its own (its source, the simulation harness,
 * supplies whole events), so those settings have no effect here; it has no capture FIFO to overrun. */
#include "drivers.h"
#include "mmio.h"
#include "pulsedl_model.h"

/* An event of several channels passes the port window after window; STOP waits for its last window at most this
 * long (a source that sends fewer windows per event than the board has channels makes it wait that long). */
#define CAPTURE_STOP_MAX_CYCLES 200000u

void capture_start(const hal_capture_settings_t *s, uint32_t adc_clock_hz) {
    (void)adc_clock_hz;
    uint32_t prescale = s->waveform_prescale > PDL_ADC_WAVE_PRESCALE_EVENTS_MASK ? PDL_ADC_WAVE_PRESCALE_EVENTS_MASK
                                                                                 : s->waveform_prescale;
    pdl_adc_ctrl_write(0);
    pdl_adc_wave_prescale_write(prescale << PDL_ADC_WAVE_PRESCALE_EVENTS_SHIFT);
    pdl_adc_ctrl_write(PDL_ADC_CTRL_ENABLE_MASK); /* 0 -> 1: time, counters and the snapshot restart */
}

/* Closes the gate and returns once the event the port was passing has gone through (one sample per cycle; its
 * later windows wait for the accelerator's room), so the accelerator's counters then show every window of the run. */
void capture_stop(uint32_t channels) {
    pdl_adc_ctrl_write(0);
    uint64_t start = timer_cycles();
    uint64_t passed = start + 2u * PULSEDL_MODEL_INPUT_LENGTH;
    while (timer_cycles() < passed) {
    }
    while (pdl_adc_windows_read() < pdl_adc_triggers_read() * channels
           && timer_cycles() - start < CAPTURE_STOP_MAX_CYCLES) {
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

/* Records arrive in capture order, so the snapshot's event is compared with each record's: an older record has no
 * waveform; the record of one of its windows gets the slot's samples; a newer record means the snapshot's records
 * have all passed (a masked channel's among them), so it is freed for the next selected event. It is freed at once
 * after its last window's record too. Stamps are compared in their low 32 bits, as the accelerator carries them. */
size_t capture_waveform(uint64_t timestamp, uint8_t channel, int16_t *samples, size_t window) {
    uint32_t status = pdl_adc_wave_status_read();
    if (!pdl_adc_wave_status_held_extract(status)) return 0;
    int32_t age = (int32_t)((uint32_t)timestamp - pdl_adc_wave_time_lo_read());
    if (age < 0) return 0;
    if (age > 0) {
        pdl_adc_wave_release_write(PDL_ADC_WAVE_RELEASE_RELEASE_MASK);
        return 0;
    }
    uint32_t done = pdl_adc_wave_status_windows_extract(status);
    uint32_t tags = pdl_adc_wave_tags_read();
    size_t n = window > (PDL_ADC_WAVE_SEEK_SAMPLE_MASK >> PDL_ADC_WAVE_SEEK_SAMPLE_SHIFT) + 1u
                   ? (PDL_ADC_WAVE_SEEK_SAMPLE_MASK >> PDL_ADC_WAVE_SEEK_SAMPLE_SHIFT) + 1u
                   : window;
    for (uint32_t slot = 0; slot < done; slot++) {
        uint32_t tag = slot == 0 ? pdl_adc_wave_tags_slot0_extract(tags) : pdl_adc_wave_tags_slot1_extract(tags);
        if (tag != channel) continue;
        pdl_adc_wave_seek_write(slot << PDL_ADC_WAVE_SEEK_SLOT_SHIFT);
        for (size_t i = 0; i < n; i++) samples[i] = (int16_t)pdl_adc_wave_data_read();
        if (pdl_adc_wave_status_closed_extract(status) && slot + 1 == done) {
            pdl_adc_wave_release_write(PDL_ADC_WAVE_RELEASE_RELEASE_MASK);
        }
        return n;
    }
    return 0;
}
