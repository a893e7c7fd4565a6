/* The SoC's device drivers (UART, timer, accelerator, ADC capture, result framer), written against register names
 * (mmio.h: the generated register headers). hal_soc.c maps the HAL onto them. */
#pragma once
#include <stddef.h>
#include <stdint.h>

#include "hal.h"

void uart_init(uint32_t baud);
size_t uart_read(uint8_t *buf, size_t max);
void uart_write(const uint8_t *buf, size_t n);
void uart_catch(void);

uint64_t timer_cycles(void);

int accel_load(const uint32_t *d, uint32_t nd, const uint32_t *p, uint32_t np, const uint32_t *w, uint32_t nw);
void accel_start(void);
int accel_drained(void);
void accel_stop(void);
int accel_pop_record(uint8_t *rec, uint32_t outputs, uint16_t *sequence);
uint32_t accel_windows_in(void);
uint32_t accel_input_drops(void);
uint32_t accel_wide(void);

uint32_t framer_claim(void);
void framer_release(uint32_t next_sequence);
void framer_start(uint32_t outputs, uint32_t wide, uint32_t batch, uint32_t channel_mask, uint32_t max_age_cycles);
void framer_finish(void);
void framer_counters(uint32_t *records, uint32_t *lost, uint32_t *expected);

void capture_start(const hal_capture_settings_t *s, uint32_t adc_clock_hz);
void capture_stop(uint32_t channels);
uint64_t capture_ticks(void);
uint64_t capture_triggers(void);
uint32_t capture_overruns(void);
size_t capture_waveform(uint64_t timestamp, uint8_t channel, int16_t *samples, size_t window);
