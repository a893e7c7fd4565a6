/* Word access to the SoC's peripherals. Every address and field comes from the generated headers
 * (firmware/generated: the memory map, the UART, timer, ADC capture, result framer and accelerator registers); none is repeated
 * here. */
#pragma once
#include <stdint.h>

#include "pdl_adc_regs.h"
#include "pdl_framer_regs.h"
#include "pdl_timer_regs.h"
#include "pdl_uart_regs.h"
#include "pulsedl_accel_regs.h"
#include "pulsedl_config.h"
#include "pulsedl_soc_map.h"

static inline uint32_t mmio_read(uint32_t base, uint32_t offset) {
    return *(volatile uint32_t *)(uintptr_t)(base + offset);
}

static inline void mmio_write(uint32_t base, uint32_t offset, uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)(base + offset) = value;
}
