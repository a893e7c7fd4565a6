/*
 * Generated file - do not edit; regenerate it instead.
 * Command: pulsedl test
 * Tool: pulsedl hls-gen test
 * Input hash: sha256:35b946cf82a8e4d79f04aeac37ca4ac7f46506df7765230d888ca3551981adf7
 */
#pragma once

#include <stdint.h>

/* demo: Demo peripheral */
#define DEMO_BASE 0x20000000u
#define DEMO_SIZE 0x10u

/* ctrl @ 0x0 (RW, reset 0x00000009): Control */
#define DEMO_CTRL_OFFSET       0x0u
#define DEMO_CTRL_ADDR         (DEMO_BASE + DEMO_CTRL_OFFSET)
#define DEMO_CTRL_RESET        0x00000009u
#define DEMO_CTRL_ENABLE_SHIFT 0
#define DEMO_CTRL_ENABLE_WIDTH 1
#define DEMO_CTRL_ENABLE_MASK  0x00000001u
#define DEMO_CTRL_MODE_SHIFT   2
#define DEMO_CTRL_MODE_WIDTH   2
#define DEMO_CTRL_MODE_MASK    0x0000000cu
#define DEMO_CTRL_MODE_IDLE    0u
#define DEMO_CTRL_MODE_RUN     1u
static inline uint32_t demo_ctrl_read(void) {
    return *(volatile uint32_t *)(uintptr_t)DEMO_CTRL_ADDR;
}
static inline void demo_ctrl_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)DEMO_CTRL_ADDR = value;
}
static inline uint32_t demo_ctrl_enable_extract(uint32_t reg) {
    return (reg & DEMO_CTRL_ENABLE_MASK) >> DEMO_CTRL_ENABLE_SHIFT;
}
static inline uint32_t demo_ctrl_enable_read(void) {
    return demo_ctrl_enable_extract(demo_ctrl_read());
}
static inline uint32_t demo_ctrl_enable_replace(uint32_t reg, uint32_t value) {
    return (reg & ~DEMO_CTRL_ENABLE_MASK) | ((value << DEMO_CTRL_ENABLE_SHIFT) & DEMO_CTRL_ENABLE_MASK);
}
static inline void demo_ctrl_enable_write(uint32_t value) {
    demo_ctrl_write(demo_ctrl_enable_replace(demo_ctrl_read(), value));
}
static inline uint32_t demo_ctrl_mode_extract(uint32_t reg) {
    return (reg & DEMO_CTRL_MODE_MASK) >> DEMO_CTRL_MODE_SHIFT;
}
static inline uint32_t demo_ctrl_mode_read(void) {
    return demo_ctrl_mode_extract(demo_ctrl_read());
}
static inline uint32_t demo_ctrl_mode_replace(uint32_t reg, uint32_t value) {
    return (reg & ~DEMO_CTRL_MODE_MASK) | ((value << DEMO_CTRL_MODE_SHIFT) & DEMO_CTRL_MODE_MASK);
}
static inline void demo_ctrl_mode_write(uint32_t value) {
    demo_ctrl_write(demo_ctrl_mode_replace(demo_ctrl_read(), value));
}

/* status @ 0x4 (RO/W1C, reset 0x00000000): Status and events */
#define DEMO_STATUS_OFFSET     0x4u
#define DEMO_STATUS_ADDR       (DEMO_BASE + DEMO_STATUS_OFFSET)
#define DEMO_STATUS_RESET      0x00000000u
#define DEMO_STATUS_W1C_MASK   0x00000300u
#define DEMO_STATUS_BUSY_SHIFT 0
#define DEMO_STATUS_BUSY_WIDTH 1
#define DEMO_STATUS_BUSY_MASK  0x00000001u
#define DEMO_STATUS_DONE_SHIFT 8
#define DEMO_STATUS_DONE_WIDTH 2
#define DEMO_STATUS_DONE_MASK  0x00000300u
static inline uint32_t demo_status_read(void) {
    return *(volatile uint32_t *)(uintptr_t)DEMO_STATUS_ADDR;
}
static inline void demo_status_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)DEMO_STATUS_ADDR = value;
}
static inline uint32_t demo_status_busy_extract(uint32_t reg) {
    return (reg & DEMO_STATUS_BUSY_MASK) >> DEMO_STATUS_BUSY_SHIFT;
}
static inline uint32_t demo_status_busy_read(void) {
    return demo_status_busy_extract(demo_status_read());
}
static inline uint32_t demo_status_done_extract(uint32_t reg) {
    return (reg & DEMO_STATUS_DONE_MASK) >> DEMO_STATUS_DONE_SHIFT;
}
static inline uint32_t demo_status_done_read(void) {
    return demo_status_done_extract(demo_status_read());
}
static inline void demo_status_done_clear(uint32_t bits) {
    demo_status_write((bits << DEMO_STATUS_DONE_SHIFT) & DEMO_STATUS_DONE_MASK);
}

/* count @ 0x8 (RO, reset 0x00000000): Result FIFO head */
#define DEMO_COUNT_OFFSET 0x8u
#define DEMO_COUNT_ADDR   (DEMO_BASE + DEMO_COUNT_OFFSET)
#define DEMO_COUNT_RESET  0x00000000u
static inline uint32_t demo_count_read(void) {
    return *(volatile uint32_t *)(uintptr_t)DEMO_COUNT_ADDR;
}

/* cmd @ 0xc (WO, reset 0x00000000): Command word */
#define DEMO_CMD_OFFSET 0xcu
#define DEMO_CMD_ADDR   (DEMO_BASE + DEMO_CMD_OFFSET)
#define DEMO_CMD_RESET  0x00000000u
static inline void demo_cmd_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)DEMO_CMD_ADDR = value;
}
