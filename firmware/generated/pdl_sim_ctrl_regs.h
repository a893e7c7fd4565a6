/*
 * Generated file - do not edit; regenerate it instead.
 * Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
 * Tool: pulsedl hls-gen 0.1.0
 * Input hash: sha256:d254ef7dffab8417256cf932534b1fa507025f2b434190ce8eeaa6943d7ef9a1
 */
#pragma once

#include <stdint.h>

/* pdl_sim_ctrl: Simulation control: console, end of run, test interrupt lines */
#define PDL_SIM_CTRL_BASE 0x10002000u
#define PDL_SIM_CTRL_SIZE 0x1000u

/* putchar @ 0x0 (WO, reset 0x00000000): Console: the byte goes to the harness's stdout */
#define PDL_SIM_CTRL_PUTCHAR_OFFSET     0x0u
#define PDL_SIM_CTRL_PUTCHAR_ADDR       (PDL_SIM_CTRL_BASE + PDL_SIM_CTRL_PUTCHAR_OFFSET)
#define PDL_SIM_CTRL_PUTCHAR_RESET      0x00000000u
#define PDL_SIM_CTRL_PUTCHAR_CHAR_SHIFT 0
#define PDL_SIM_CTRL_PUTCHAR_CHAR_WIDTH 8
#define PDL_SIM_CTRL_PUTCHAR_CHAR_MASK  0x000000ffu
static inline void pdl_sim_ctrl_putchar_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)PDL_SIM_CTRL_PUTCHAR_ADDR = value;
}
static inline uint32_t pdl_sim_ctrl_putchar_char_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_SIM_CTRL_PUTCHAR_CHAR_MASK) | ((value << PDL_SIM_CTRL_PUTCHAR_CHAR_SHIFT) & PDL_SIM_CTRL_PUTCHAR_CHAR_MASK);
}
static inline void pdl_sim_ctrl_putchar_char_write(uint32_t value) {
    pdl_sim_ctrl_putchar_write(pdl_sim_ctrl_putchar_char_replace(0u, value));
}

/* exit @ 0x4 (WO, reset 0x00000000): An odd value ends the run as a tohost store: 1 pass, else fail with test number value >> 1 */
#define PDL_SIM_CTRL_EXIT_OFFSET 0x4u
#define PDL_SIM_CTRL_EXIT_ADDR   (PDL_SIM_CTRL_BASE + PDL_SIM_CTRL_EXIT_OFFSET)
#define PDL_SIM_CTRL_EXIT_RESET  0x00000000u
static inline void pdl_sim_ctrl_exit_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)PDL_SIM_CTRL_EXIT_ADDR = value;
}

/* timer_irq @ 0x8 (WO, reset 0x00000000): N > 0: raise the timer interrupt N cycles from now; 0: lower it */
#define PDL_SIM_CTRL_TIMER_IRQ_OFFSET 0x8u
#define PDL_SIM_CTRL_TIMER_IRQ_ADDR   (PDL_SIM_CTRL_BASE + PDL_SIM_CTRL_TIMER_IRQ_OFFSET)
#define PDL_SIM_CTRL_TIMER_IRQ_RESET  0x00000000u
static inline void pdl_sim_ctrl_timer_irq_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)PDL_SIM_CTRL_TIMER_IRQ_ADDR = value;
}

/* ext_irq @ 0xc (RW, reset 0x00000000): Test external interrupt */
#define PDL_SIM_CTRL_EXT_IRQ_OFFSET      0xcu
#define PDL_SIM_CTRL_EXT_IRQ_ADDR        (PDL_SIM_CTRL_BASE + PDL_SIM_CTRL_EXT_IRQ_OFFSET)
#define PDL_SIM_CTRL_EXT_IRQ_RESET       0x00000000u
#define PDL_SIM_CTRL_EXT_IRQ_LEVEL_SHIFT 0
#define PDL_SIM_CTRL_EXT_IRQ_LEVEL_WIDTH 1
#define PDL_SIM_CTRL_EXT_IRQ_LEVEL_MASK  0x00000001u
static inline uint32_t pdl_sim_ctrl_ext_irq_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_SIM_CTRL_EXT_IRQ_ADDR;
}
static inline void pdl_sim_ctrl_ext_irq_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)PDL_SIM_CTRL_EXT_IRQ_ADDR = value;
}
static inline uint32_t pdl_sim_ctrl_ext_irq_level_extract(uint32_t reg) {
    return (reg & PDL_SIM_CTRL_EXT_IRQ_LEVEL_MASK) >> PDL_SIM_CTRL_EXT_IRQ_LEVEL_SHIFT;
}
static inline uint32_t pdl_sim_ctrl_ext_irq_level_read(void) {
    return pdl_sim_ctrl_ext_irq_level_extract(pdl_sim_ctrl_ext_irq_read());
}
static inline uint32_t pdl_sim_ctrl_ext_irq_level_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_SIM_CTRL_EXT_IRQ_LEVEL_MASK) | ((value << PDL_SIM_CTRL_EXT_IRQ_LEVEL_SHIFT) & PDL_SIM_CTRL_EXT_IRQ_LEVEL_MASK);
}
static inline void pdl_sim_ctrl_ext_irq_level_write(uint32_t value) {
    pdl_sim_ctrl_ext_irq_write(pdl_sim_ctrl_ext_irq_level_replace(pdl_sim_ctrl_ext_irq_read(), value));
}
