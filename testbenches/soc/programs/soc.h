/* Register access for the SoC test programs, through the generated headers (firmware/generated). */
#pragma once
#include <stdint.h>

#include "pdl_framer_regs.h"
#include "pdl_sim_ctrl_regs.h"
#include "pdl_timer_regs.h"
#include "pdl_uart_regs.h"

#define REG(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

static inline uint32_t csr_mcause_interrupt(uint32_t mcause) { return mcause >> 31; }

static inline void uart_put(char c) {
    while (REG(PDL_UART_STATUS_ADDR) & PDL_UART_STATUS_TX_FULL_MASK) {
    }
    REG(PDL_UART_TX_ADDR) = (uint8_t)c;
}

static inline void uart_puts(const char *s) {
    while (*s) uart_put(*s++);
}

static inline void uart_flush(void) {
    while (!(REG(PDL_UART_STATUS_ADDR) & PDL_UART_STATUS_TX_IDLE_MASK)) {
    }
}

/* Called from trap_entry (start.S). */
void trap(uint32_t mcause, uint32_t mtval);
