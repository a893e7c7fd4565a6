/*
 * Generated file - do not edit; regenerate it instead.
 * Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
 * Tool: pulsedl hls-gen 0.1.0
 * Input hash: sha256:2b2a014c7eb12e6988af684f76c3113d57dc24f7002fb12ac73921b030a8f681
 */
#pragma once

#include <stdint.h>

/* pdl_adc: ADC capture: window port gate, capture clock and trigger counter */
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

/* triggers @ 0x28 (RO, reset 0x00000000): Windows that passed the port since enable */
#define PDL_ADC_TRIGGERS_OFFSET 0x28u
#define PDL_ADC_TRIGGERS_ADDR   (PDL_ADC_BASE + PDL_ADC_TRIGGERS_OFFSET)
#define PDL_ADC_TRIGGERS_RESET  0x00000000u
static inline uint32_t pdl_adc_triggers_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ADC_TRIGGERS_ADDR;
}
