/*
 * Generated file - do not edit; regenerate it instead.
 * Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
 * Tool: pulsedl hls-gen 0.1.0
 * Input hash: sha256:3d6a119549751aa7c4515f418dac9223c1e390e35399d6b14447ec29395bde0d
 */
#pragma once

#include <stdint.h>

/* pdl_timer: Machine timer: mtime counts clock cycles; the timer interrupt is mtime >= mtimecmp */
#define PDL_TIMER_BASE 0x10001000u
#define PDL_TIMER_SIZE 0x1000u

/* mtime_lo @ 0x0 (RO, reset 0x00000000): mtime bits 31:0 (read hi, lo, hi again when hi changed) */
#define PDL_TIMER_MTIME_LO_OFFSET 0x0u
#define PDL_TIMER_MTIME_LO_ADDR   (PDL_TIMER_BASE + PDL_TIMER_MTIME_LO_OFFSET)
#define PDL_TIMER_MTIME_LO_RESET  0x00000000u
static inline uint32_t pdl_timer_mtime_lo_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_TIMER_MTIME_LO_ADDR;
}

/* mtime_hi @ 0x4 (RO, reset 0x00000000): mtime bits 63:32 */
#define PDL_TIMER_MTIME_HI_OFFSET 0x4u
#define PDL_TIMER_MTIME_HI_ADDR   (PDL_TIMER_BASE + PDL_TIMER_MTIME_HI_OFFSET)
#define PDL_TIMER_MTIME_HI_RESET  0x00000000u
static inline uint32_t pdl_timer_mtime_hi_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_TIMER_MTIME_HI_ADDR;
}

/* mtimecmp_lo @ 0x8 (RW, reset 0xffffffff): mtimecmp bits 31:0 */
#define PDL_TIMER_MTIMECMP_LO_OFFSET 0x8u
#define PDL_TIMER_MTIMECMP_LO_ADDR   (PDL_TIMER_BASE + PDL_TIMER_MTIMECMP_LO_OFFSET)
#define PDL_TIMER_MTIMECMP_LO_RESET  0xffffffffu
static inline uint32_t pdl_timer_mtimecmp_lo_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_TIMER_MTIMECMP_LO_ADDR;
}
static inline void pdl_timer_mtimecmp_lo_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)PDL_TIMER_MTIMECMP_LO_ADDR = value;
}

/* mtimecmp_hi @ 0xc (RW, reset 0xffffffff): mtimecmp bits 63:32 (write 0xffffffff first to avoid a spurious interrupt) */
#define PDL_TIMER_MTIMECMP_HI_OFFSET 0xcu
#define PDL_TIMER_MTIMECMP_HI_ADDR   (PDL_TIMER_BASE + PDL_TIMER_MTIMECMP_HI_OFFSET)
#define PDL_TIMER_MTIMECMP_HI_RESET  0xffffffffu
static inline uint32_t pdl_timer_mtimecmp_hi_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_TIMER_MTIMECMP_HI_ADDR;
}
static inline void pdl_timer_mtimecmp_hi_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)PDL_TIMER_MTIMECMP_HI_ADDR = value;
}
