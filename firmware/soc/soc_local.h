/*
 * LOCAL STAND-IN, TO RECONCILE AT MERGE (docs/firmware.md, "What the lead reconciles").
 *
 * This branch has neither the SoC helper's generated headers (pulsedl_soc_map.h, pdl_uart_regs.h,
 * pdl_timer_regs.h, pulsedl_soc_memory.ld) nor the peripheral helper's new accelerator registers (CTRL.soft_reset,
 * STATUS.resetting, the result header's timestamp tag). The drivers use exactly those names; this file defines the
 * ones they need, each only where the generated headers do not, so once those headers are in firmware/generated the
 * generated definitions win and this file shrinks to the ADC capture block, which nobody has declared yet.
 */
#pragma once
#include <stdint.h>

#include "pulsedl_accel_regs.h"
#include "pulsedl_config.h"

/* ---- memory map: the values of pulsedl_config.h's PULSEDL_SOC_* (same declaration, MemoryMap.pulsedlSoc) ---- */
#ifndef SOC_UART_BASE
#define SOC_UART_BASE PULSEDL_SOC_UART_BASE
#define SOC_TIMER_BASE PULSEDL_SOC_TIMER_BASE
#define SOC_ADC_BASE PULSEDL_SOC_ADC_BASE
#endif

/* ---- UART (the SoC helper's pdl_uart_regs.h) ---- */
#ifndef PDL_UART_TX_OFFSET
#define PDL_UART_TX_OFFSET 0x0u                /* write: queue one byte (dropped while tx_full) */
#define PDL_UART_RX_OFFSET 0x4u                /* read: oldest byte, bit 8 valid; reading pops */
#define PDL_UART_RX_DATA_MASK 0x000000ffu
#define PDL_UART_RX_VALID_MASK 0x00000100u
#define PDL_UART_STATUS_OFFSET 0x8u
#define PDL_UART_STATUS_TX_FULL_MASK 0x00000001u
#define PDL_UART_STATUS_TX_IDLE_MASK 0x00000002u
#define PDL_UART_DIV_OFFSET 0xcu               /* bit time in clock cycles */
#endif

/* ---- machine timer (the SoC helper's pdl_timer_regs.h): mtime counts clock cycles ---- */
#ifndef PDL_TIMER_MTIME_LO_OFFSET
#define PDL_TIMER_MTIME_LO_OFFSET 0x0u
#define PDL_TIMER_MTIME_HI_OFFSET 0x4u
#endif

/* ---- accelerator additions (the peripheral helper's regenerated pulsedl_accel_regs.h) ---- */
#ifndef PDL_ACCEL_CTRL_SOFT_RESET_MASK
#define PDL_ACCEL_CTRL_SOFT_RESET_MASK 0x00000010u  /* write 1: abort, clear FIFOs (not programs) */
#endif
#ifndef PDL_ACCEL_STATUS_RESETTING_MASK
#define PDL_ACCEL_STATUS_RESETTING_MASK 0x00000010u
#endif
/* A result in the result FIFO: header 0xA5 << 24 | tag << 16 | sequence, then (ASSUMED here, issue 12 section 1)
 * the window's timestamp tag as two words, low first, then the outputs (two words each when wide). */
#define ACCEL_RESULT_MAGIC 0xA5u
#define ACCEL_RESULT_TIMESTAMP_WORDS 2u

/* ---- ADC capture and test-pulse generator at SOC_ADC_BASE: NOT DECLARED ANYWHERE YET (issue 12 section 3 names
 * the block; these offsets are this firmware's proposal) ---- */
#define ADC_CTRL_OFFSET 0x00u          /* bit 0 enable (timestamps restart at 0, counters clear on 0 -> 1) */
#define ADC_CTRL_ENABLE_MASK 0x1u
#define ADC_CHANNEL_MASK_OFFSET 0x04u
#define ADC_THRESHOLD_OFFSET 0x08u
#define ADC_PRETRIGGER_OFFSET 0x0cu
#define ADC_PULSER_PERIOD_OFFSET 0x10u /* test-pulse generator: ADC ticks between pulses (0 off) */
#define ADC_PULSER_MODE_OFFSET 0x14u   /* 0 periodic, 1 Poisson */
#define ADC_TIME_LO_OFFSET 0x20u       /* ADC ticks since enable (read lo, then hi) */
#define ADC_TIME_HI_OFFSET 0x24u
#define ADC_TRIGGERS_LO_OFFSET 0x28u
#define ADC_TRIGGERS_HI_OFFSET 0x2cu
#define ADC_OVERRUNS_OFFSET 0x30u
#define ADC_SNAP_SELECT_OFFSET 0x40u   /* write channel: freeze that channel's last window */
#define ADC_SNAP_TIME_LO_OFFSET 0x44u  /* its timestamp */
#define ADC_SNAP_TIME_HI_OFFSET 0x48u
#define ADC_SNAP_SAMPLES_OFFSET 0x100u /* its samples, one per word (sign-extended) */

static inline uint32_t mmio_read(uint32_t base, uint32_t offset) {
    return *(volatile uint32_t *)(uintptr_t)(base + offset);
}

static inline void mmio_write(uint32_t base, uint32_t offset, uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)(base + offset) = value;
}
