/*
 * Generated file - do not edit; regenerate it instead.
 * Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
 * Tool: pulsedl hls-gen 0.1.0
 * Input hash: sha256:2e27e5c8a73123ecbcf94973856fc64086f9e835e9e86244425c7463f24a15d5
 */
#pragma once

#include <stdint.h>

/* pdl_adc: ADC capture: window port gate, capture clock, trigger counters and waveform snapshot */
#define PDL_ADC_BASE 0x30000000u
#define PDL_ADC_SIZE 0x10000u

/* ctrl @ 0x0 (RW, reset 0x00000000): Control */
#define PDL_ADC_CTRL_OFFSET       0x0u
#define PDL_ADC_CTRL_ADDR         (PDL_ADC_BASE + PDL_ADC_CTRL_OFFSET)
#define PDL_ADC_CTRL_RESET        0x00000000u
#define PDL_ADC_CTRL_ENABLE_SHIFT 0
#define PDL_ADC_CTRL_ENABLE_WIDTH 1
#define PDL_ADC_CTRL_ENABLE_MASK  0x00000001u
static inline uint32_t pdl_adc_ctrl_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ADC_CTRL_ADDR;
}
static inline void pdl_adc_ctrl_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)PDL_ADC_CTRL_ADDR = value;
}
static inline uint32_t pdl_adc_ctrl_enable_extract(uint32_t reg) {
    return (reg & PDL_ADC_CTRL_ENABLE_MASK) >> PDL_ADC_CTRL_ENABLE_SHIFT;
}
static inline uint32_t pdl_adc_ctrl_enable_read(void) {
    return pdl_adc_ctrl_enable_extract(pdl_adc_ctrl_read());
}
static inline uint32_t pdl_adc_ctrl_enable_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_ADC_CTRL_ENABLE_MASK) | ((value << PDL_ADC_CTRL_ENABLE_SHIFT) & PDL_ADC_CTRL_ENABLE_MASK);
}
static inline void pdl_adc_ctrl_enable_write(uint32_t value) {
    pdl_adc_ctrl_write(pdl_adc_ctrl_enable_replace(pdl_adc_ctrl_read(), value));
}

/* time_lo @ 0x20 (RO, reset 0x00000000): Clock cycles since enable, bits 31:0 (read lo, then hi) */
#define PDL_ADC_TIME_LO_OFFSET 0x20u
#define PDL_ADC_TIME_LO_ADDR   (PDL_ADC_BASE + PDL_ADC_TIME_LO_OFFSET)
#define PDL_ADC_TIME_LO_RESET  0x00000000u
static inline uint32_t pdl_adc_time_lo_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ADC_TIME_LO_ADDR;
}

/* time_hi @ 0x24 (RO, reset 0x00000000): Bits 63:32 of time */
#define PDL_ADC_TIME_HI_OFFSET 0x24u
#define PDL_ADC_TIME_HI_ADDR   (PDL_ADC_BASE + PDL_ADC_TIME_HI_OFFSET)
#define PDL_ADC_TIME_HI_RESET  0x00000000u
static inline uint32_t pdl_adc_time_hi_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ADC_TIME_HI_ADDR;
}

/* triggers @ 0x28 (RO, reset 0x00000000): Events (triggers) since enable, one per trigger whatever the number of channels */
#define PDL_ADC_TRIGGERS_OFFSET 0x28u
#define PDL_ADC_TRIGGERS_ADDR   (PDL_ADC_BASE + PDL_ADC_TRIGGERS_OFFSET)
#define PDL_ADC_TRIGGERS_RESET  0x00000000u
static inline uint32_t pdl_adc_triggers_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ADC_TRIGGERS_ADDR;
}

/* windows @ 0x2c (RO, reset 0x00000000): Windows that passed the port since enable */
#define PDL_ADC_WINDOWS_OFFSET 0x2cu
#define PDL_ADC_WINDOWS_ADDR   (PDL_ADC_BASE + PDL_ADC_WINDOWS_OFFSET)
#define PDL_ADC_WINDOWS_RESET  0x00000000u
static inline uint32_t pdl_adc_windows_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ADC_WINDOWS_ADDR;
}

/* wave_prescale @ 0x40 (RW, reset 0x00000000): Waveform snapshot selection */
#define PDL_ADC_WAVE_PRESCALE_OFFSET       0x40u
#define PDL_ADC_WAVE_PRESCALE_ADDR         (PDL_ADC_BASE + PDL_ADC_WAVE_PRESCALE_OFFSET)
#define PDL_ADC_WAVE_PRESCALE_RESET        0x00000000u
#define PDL_ADC_WAVE_PRESCALE_EVENTS_SHIFT 0
#define PDL_ADC_WAVE_PRESCALE_EVENTS_WIDTH 16
#define PDL_ADC_WAVE_PRESCALE_EVENTS_MASK  0x0000ffffu
static inline uint32_t pdl_adc_wave_prescale_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ADC_WAVE_PRESCALE_ADDR;
}
static inline void pdl_adc_wave_prescale_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)PDL_ADC_WAVE_PRESCALE_ADDR = value;
}
static inline uint32_t pdl_adc_wave_prescale_events_extract(uint32_t reg) {
    return (reg & PDL_ADC_WAVE_PRESCALE_EVENTS_MASK) >> PDL_ADC_WAVE_PRESCALE_EVENTS_SHIFT;
}
static inline uint32_t pdl_adc_wave_prescale_events_read(void) {
    return pdl_adc_wave_prescale_events_extract(pdl_adc_wave_prescale_read());
}
static inline uint32_t pdl_adc_wave_prescale_events_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_ADC_WAVE_PRESCALE_EVENTS_MASK) | ((value << PDL_ADC_WAVE_PRESCALE_EVENTS_SHIFT) & PDL_ADC_WAVE_PRESCALE_EVENTS_MASK);
}
static inline void pdl_adc_wave_prescale_events_write(uint32_t value) {
    pdl_adc_wave_prescale_write(pdl_adc_wave_prescale_events_replace(pdl_adc_wave_prescale_read(), value));
}

/* wave_status @ 0x44 (RO, reset 0x00000000): Waveform snapshot state */
#define PDL_ADC_WAVE_STATUS_OFFSET        0x44u
#define PDL_ADC_WAVE_STATUS_ADDR          (PDL_ADC_BASE + PDL_ADC_WAVE_STATUS_OFFSET)
#define PDL_ADC_WAVE_STATUS_RESET         0x00000000u
#define PDL_ADC_WAVE_STATUS_HELD_SHIFT    0
#define PDL_ADC_WAVE_STATUS_HELD_WIDTH    1
#define PDL_ADC_WAVE_STATUS_HELD_MASK     0x00000001u
#define PDL_ADC_WAVE_STATUS_CLOSED_SHIFT  1
#define PDL_ADC_WAVE_STATUS_CLOSED_WIDTH  1
#define PDL_ADC_WAVE_STATUS_CLOSED_MASK   0x00000002u
#define PDL_ADC_WAVE_STATUS_WINDOWS_SHIFT 8
#define PDL_ADC_WAVE_STATUS_WINDOWS_WIDTH 4
#define PDL_ADC_WAVE_STATUS_WINDOWS_MASK  0x00000f00u
static inline uint32_t pdl_adc_wave_status_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ADC_WAVE_STATUS_ADDR;
}
static inline uint32_t pdl_adc_wave_status_held_extract(uint32_t reg) {
    return (reg & PDL_ADC_WAVE_STATUS_HELD_MASK) >> PDL_ADC_WAVE_STATUS_HELD_SHIFT;
}
static inline uint32_t pdl_adc_wave_status_held_read(void) {
    return pdl_adc_wave_status_held_extract(pdl_adc_wave_status_read());
}
static inline uint32_t pdl_adc_wave_status_closed_extract(uint32_t reg) {
    return (reg & PDL_ADC_WAVE_STATUS_CLOSED_MASK) >> PDL_ADC_WAVE_STATUS_CLOSED_SHIFT;
}
static inline uint32_t pdl_adc_wave_status_closed_read(void) {
    return pdl_adc_wave_status_closed_extract(pdl_adc_wave_status_read());
}
static inline uint32_t pdl_adc_wave_status_windows_extract(uint32_t reg) {
    return (reg & PDL_ADC_WAVE_STATUS_WINDOWS_MASK) >> PDL_ADC_WAVE_STATUS_WINDOWS_SHIFT;
}
static inline uint32_t pdl_adc_wave_status_windows_read(void) {
    return pdl_adc_wave_status_windows_extract(pdl_adc_wave_status_read());
}

/* wave_tags @ 0x48 (RO, reset 0x00000000): Tags (channels) of the snapshot's windows */
#define PDL_ADC_WAVE_TAGS_OFFSET      0x48u
#define PDL_ADC_WAVE_TAGS_ADDR        (PDL_ADC_BASE + PDL_ADC_WAVE_TAGS_OFFSET)
#define PDL_ADC_WAVE_TAGS_RESET       0x00000000u
#define PDL_ADC_WAVE_TAGS_SLOT0_SHIFT 0
#define PDL_ADC_WAVE_TAGS_SLOT0_WIDTH 8
#define PDL_ADC_WAVE_TAGS_SLOT0_MASK  0x000000ffu
#define PDL_ADC_WAVE_TAGS_SLOT1_SHIFT 8
#define PDL_ADC_WAVE_TAGS_SLOT1_WIDTH 8
#define PDL_ADC_WAVE_TAGS_SLOT1_MASK  0x0000ff00u
static inline uint32_t pdl_adc_wave_tags_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ADC_WAVE_TAGS_ADDR;
}
static inline uint32_t pdl_adc_wave_tags_slot0_extract(uint32_t reg) {
    return (reg & PDL_ADC_WAVE_TAGS_SLOT0_MASK) >> PDL_ADC_WAVE_TAGS_SLOT0_SHIFT;
}
static inline uint32_t pdl_adc_wave_tags_slot0_read(void) {
    return pdl_adc_wave_tags_slot0_extract(pdl_adc_wave_tags_read());
}
static inline uint32_t pdl_adc_wave_tags_slot1_extract(uint32_t reg) {
    return (reg & PDL_ADC_WAVE_TAGS_SLOT1_MASK) >> PDL_ADC_WAVE_TAGS_SLOT1_SHIFT;
}
static inline uint32_t pdl_adc_wave_tags_slot1_read(void) {
    return pdl_adc_wave_tags_slot1_extract(pdl_adc_wave_tags_read());
}

/* wave_time_lo @ 0x4c (RO, reset 0x00000000): Capture time of the held event (its windows' timestamp), bits 31:0 */
#define PDL_ADC_WAVE_TIME_LO_OFFSET 0x4cu
#define PDL_ADC_WAVE_TIME_LO_ADDR   (PDL_ADC_BASE + PDL_ADC_WAVE_TIME_LO_OFFSET)
#define PDL_ADC_WAVE_TIME_LO_RESET  0x00000000u
static inline uint32_t pdl_adc_wave_time_lo_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ADC_WAVE_TIME_LO_ADDR;
}

/* wave_time_hi @ 0x50 (RO, reset 0x00000000): Bits 63:32 of wave_time */
#define PDL_ADC_WAVE_TIME_HI_OFFSET 0x50u
#define PDL_ADC_WAVE_TIME_HI_ADDR   (PDL_ADC_BASE + PDL_ADC_WAVE_TIME_HI_OFFSET)
#define PDL_ADC_WAVE_TIME_HI_RESET  0x00000000u
static inline uint32_t pdl_adc_wave_time_hi_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ADC_WAVE_TIME_HI_ADDR;
}

/* wave_release @ 0x54 (WO, reset 0x00000000): Frees the snapshot */
#define PDL_ADC_WAVE_RELEASE_OFFSET        0x54u
#define PDL_ADC_WAVE_RELEASE_ADDR          (PDL_ADC_BASE + PDL_ADC_WAVE_RELEASE_OFFSET)
#define PDL_ADC_WAVE_RELEASE_RESET         0x00000000u
#define PDL_ADC_WAVE_RELEASE_RELEASE_SHIFT 0
#define PDL_ADC_WAVE_RELEASE_RELEASE_WIDTH 1
#define PDL_ADC_WAVE_RELEASE_RELEASE_MASK  0x00000001u
static inline void pdl_adc_wave_release_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)PDL_ADC_WAVE_RELEASE_ADDR = value;
}
static inline uint32_t pdl_adc_wave_release_release_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_ADC_WAVE_RELEASE_RELEASE_MASK) | ((value << PDL_ADC_WAVE_RELEASE_RELEASE_SHIFT) & PDL_ADC_WAVE_RELEASE_RELEASE_MASK);
}
static inline void pdl_adc_wave_release_release_write(uint32_t value) {
    pdl_adc_wave_release_write(pdl_adc_wave_release_release_replace(0u, value));
}

/* wave_seek @ 0x58 (WO, reset 0x00000000): Read position */
#define PDL_ADC_WAVE_SEEK_OFFSET       0x58u
#define PDL_ADC_WAVE_SEEK_ADDR         (PDL_ADC_BASE + PDL_ADC_WAVE_SEEK_OFFSET)
#define PDL_ADC_WAVE_SEEK_RESET        0x00000000u
#define PDL_ADC_WAVE_SEEK_SAMPLE_SHIFT 0
#define PDL_ADC_WAVE_SEEK_SAMPLE_WIDTH 8
#define PDL_ADC_WAVE_SEEK_SAMPLE_MASK  0x000000ffu
#define PDL_ADC_WAVE_SEEK_SLOT_SHIFT   8
#define PDL_ADC_WAVE_SEEK_SLOT_WIDTH   1
#define PDL_ADC_WAVE_SEEK_SLOT_MASK    0x00000100u
static inline void pdl_adc_wave_seek_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)PDL_ADC_WAVE_SEEK_ADDR = value;
}
static inline uint32_t pdl_adc_wave_seek_sample_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_ADC_WAVE_SEEK_SAMPLE_MASK) | ((value << PDL_ADC_WAVE_SEEK_SAMPLE_SHIFT) & PDL_ADC_WAVE_SEEK_SAMPLE_MASK);
}
static inline void pdl_adc_wave_seek_sample_write(uint32_t value) {
    pdl_adc_wave_seek_write(pdl_adc_wave_seek_sample_replace(0u, value));
}
static inline uint32_t pdl_adc_wave_seek_slot_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_ADC_WAVE_SEEK_SLOT_MASK) | ((value << PDL_ADC_WAVE_SEEK_SLOT_SHIFT) & PDL_ADC_WAVE_SEEK_SLOT_MASK);
}
static inline void pdl_adc_wave_seek_slot_write(uint32_t value) {
    pdl_adc_wave_seek_write(pdl_adc_wave_seek_slot_replace(0u, value));
}

/* wave_data @ 0x5c (RO, reset 0x00000000): Snapshot samples */
#define PDL_ADC_WAVE_DATA_OFFSET       0x5cu
#define PDL_ADC_WAVE_DATA_ADDR         (PDL_ADC_BASE + PDL_ADC_WAVE_DATA_OFFSET)
#define PDL_ADC_WAVE_DATA_RESET        0x00000000u
#define PDL_ADC_WAVE_DATA_SAMPLE_SHIFT 0
#define PDL_ADC_WAVE_DATA_SAMPLE_WIDTH 16
#define PDL_ADC_WAVE_DATA_SAMPLE_MASK  0x0000ffffu
static inline uint32_t pdl_adc_wave_data_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ADC_WAVE_DATA_ADDR;
}
static inline uint32_t pdl_adc_wave_data_sample_extract(uint32_t reg) {
    return (reg & PDL_ADC_WAVE_DATA_SAMPLE_MASK) >> PDL_ADC_WAVE_DATA_SAMPLE_SHIFT;
}
static inline uint32_t pdl_adc_wave_data_sample_read(void) {
    return pdl_adc_wave_data_sample_extract(pdl_adc_wave_data_read());
}
