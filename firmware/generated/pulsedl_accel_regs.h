/*
 * Generated file - do not edit; regenerate it instead.
 * Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
 * Tool: pulsedl hls-gen 0.1.0
 * Input hash: sha256:36af499d89465e3da6dcc3936a1d231bf5e9fad2cf8ab02af46f2ad985d2c66e
 */
#pragma once

#include <stdint.h>

/* pdl_accel: PulseDL neural-network accelerator (28 PEs x 8 lanes) */
#define PDL_ACCEL_BASE 0x20000000u
#define PDL_ACCEL_SIZE 0x1000u

/* ctrl @ 0x0 (RW/WO, reset 0x00000000): Control */
#define PDL_ACCEL_CTRL_OFFSET      0x0u
#define PDL_ACCEL_CTRL_ADDR        (PDL_ACCEL_BASE + PDL_ACCEL_CTRL_OFFSET)
#define PDL_ACCEL_CTRL_RESET       0x00000000u
#define PDL_ACCEL_CTRL_START_SHIFT 0
#define PDL_ACCEL_CTRL_START_WIDTH 1
#define PDL_ACCEL_CTRL_START_MASK  0x00000001u
#define PDL_ACCEL_CTRL_STOP_SHIFT  1
#define PDL_ACCEL_CTRL_STOP_WIDTH  1
#define PDL_ACCEL_CTRL_STOP_MASK   0x00000002u
#define PDL_ACCEL_CTRL_FLUSH_SHIFT 2
#define PDL_ACCEL_CTRL_FLUSH_WIDTH 1
#define PDL_ACCEL_CTRL_FLUSH_MASK  0x00000004u
#define PDL_ACCEL_CTRL_CLEAR_SHIFT 3
#define PDL_ACCEL_CTRL_CLEAR_WIDTH 1
#define PDL_ACCEL_CTRL_CLEAR_MASK  0x00000008u
static inline uint32_t pdl_accel_ctrl_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_CTRL_ADDR;
}
static inline void pdl_accel_ctrl_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_CTRL_ADDR = value;
}
static inline uint32_t pdl_accel_ctrl_start_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_CTRL_START_MASK) >> PDL_ACCEL_CTRL_START_SHIFT;
}
static inline uint32_t pdl_accel_ctrl_start_read(void) {
    return pdl_accel_ctrl_start_extract(pdl_accel_ctrl_read());
}
static inline uint32_t pdl_accel_ctrl_start_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_ACCEL_CTRL_START_MASK) | ((value << PDL_ACCEL_CTRL_START_SHIFT) & PDL_ACCEL_CTRL_START_MASK);
}
static inline void pdl_accel_ctrl_start_write(uint32_t value) {
    pdl_accel_ctrl_write(pdl_accel_ctrl_start_replace(pdl_accel_ctrl_read(), value));
}
static inline uint32_t pdl_accel_ctrl_stop_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_CTRL_STOP_MASK) >> PDL_ACCEL_CTRL_STOP_SHIFT;
}
static inline uint32_t pdl_accel_ctrl_stop_read(void) {
    return pdl_accel_ctrl_stop_extract(pdl_accel_ctrl_read());
}
static inline uint32_t pdl_accel_ctrl_stop_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_ACCEL_CTRL_STOP_MASK) | ((value << PDL_ACCEL_CTRL_STOP_SHIFT) & PDL_ACCEL_CTRL_STOP_MASK);
}
static inline void pdl_accel_ctrl_stop_write(uint32_t value) {
    pdl_accel_ctrl_write(pdl_accel_ctrl_stop_replace(pdl_accel_ctrl_read(), value));
}
static inline uint32_t pdl_accel_ctrl_flush_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_CTRL_FLUSH_MASK) >> PDL_ACCEL_CTRL_FLUSH_SHIFT;
}
static inline uint32_t pdl_accel_ctrl_flush_read(void) {
    return pdl_accel_ctrl_flush_extract(pdl_accel_ctrl_read());
}
static inline uint32_t pdl_accel_ctrl_flush_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_ACCEL_CTRL_FLUSH_MASK) | ((value << PDL_ACCEL_CTRL_FLUSH_SHIFT) & PDL_ACCEL_CTRL_FLUSH_MASK);
}
static inline void pdl_accel_ctrl_flush_write(uint32_t value) {
    pdl_accel_ctrl_write(pdl_accel_ctrl_flush_replace(pdl_accel_ctrl_read(), value));
}
static inline uint32_t pdl_accel_ctrl_clear_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_ACCEL_CTRL_CLEAR_MASK) | ((value << PDL_ACCEL_CTRL_CLEAR_SHIFT) & PDL_ACCEL_CTRL_CLEAR_MASK);
}
static inline void pdl_accel_ctrl_clear_write(uint32_t value) {
    pdl_accel_ctrl_write(pdl_accel_ctrl_clear_replace(pdl_accel_ctrl_read(), value));
}

/* status @ 0x4 (RO, reset 0x00000000): Status */
#define PDL_ACCEL_STATUS_OFFSET             0x4u
#define PDL_ACCEL_STATUS_ADDR               (PDL_ACCEL_BASE + PDL_ACCEL_STATUS_OFFSET)
#define PDL_ACCEL_STATUS_RESET              0x00000000u
#define PDL_ACCEL_STATUS_RUNNING_SHIFT      0
#define PDL_ACCEL_STATUS_RUNNING_WIDTH      1
#define PDL_ACCEL_STATUS_RUNNING_MASK       0x00000001u
#define PDL_ACCEL_STATUS_IDLE_SHIFT         1
#define PDL_ACCEL_STATUS_IDLE_WIDTH         1
#define PDL_ACCEL_STATUS_IDLE_MASK          0x00000002u
#define PDL_ACCEL_STATUS_INPUT_EMPTY_SHIFT  2
#define PDL_ACCEL_STATUS_INPUT_EMPTY_WIDTH  1
#define PDL_ACCEL_STATUS_INPUT_EMPTY_MASK   0x00000004u
#define PDL_ACCEL_STATUS_RESULT_EMPTY_SHIFT 3
#define PDL_ACCEL_STATUS_RESULT_EMPTY_WIDTH 1
#define PDL_ACCEL_STATUS_RESULT_EMPTY_MASK  0x00000008u
#define PDL_ACCEL_STATUS_ERROR_SHIFT        8
#define PDL_ACCEL_STATUS_ERROR_WIDTH        8
#define PDL_ACCEL_STATUS_ERROR_MASK         0x0000ff00u
static inline uint32_t pdl_accel_status_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_STATUS_ADDR;
}
static inline uint32_t pdl_accel_status_running_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_STATUS_RUNNING_MASK) >> PDL_ACCEL_STATUS_RUNNING_SHIFT;
}
static inline uint32_t pdl_accel_status_running_read(void) {
    return pdl_accel_status_running_extract(pdl_accel_status_read());
}
static inline uint32_t pdl_accel_status_idle_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_STATUS_IDLE_MASK) >> PDL_ACCEL_STATUS_IDLE_SHIFT;
}
static inline uint32_t pdl_accel_status_idle_read(void) {
    return pdl_accel_status_idle_extract(pdl_accel_status_read());
}
static inline uint32_t pdl_accel_status_input_empty_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_STATUS_INPUT_EMPTY_MASK) >> PDL_ACCEL_STATUS_INPUT_EMPTY_SHIFT;
}
static inline uint32_t pdl_accel_status_input_empty_read(void) {
    return pdl_accel_status_input_empty_extract(pdl_accel_status_read());
}
static inline uint32_t pdl_accel_status_result_empty_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_STATUS_RESULT_EMPTY_MASK) >> PDL_ACCEL_STATUS_RESULT_EMPTY_SHIFT;
}
static inline uint32_t pdl_accel_status_result_empty_read(void) {
    return pdl_accel_status_result_empty_extract(pdl_accel_status_read());
}
static inline uint32_t pdl_accel_status_error_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_STATUS_ERROR_MASK) >> PDL_ACCEL_STATUS_ERROR_SHIFT;
}
static inline uint32_t pdl_accel_status_error_read(void) {
    return pdl_accel_status_error_extract(pdl_accel_status_read());
}

/* caps @ 0x8 (RO, reset 0x00000000): Capabilities */
#define PDL_ACCEL_CAPS_OFFSET         0x8u
#define PDL_ACCEL_CAPS_ADDR           (PDL_ACCEL_BASE + PDL_ACCEL_CAPS_OFFSET)
#define PDL_ACCEL_CAPS_RESET          0x00000000u
#define PDL_ACCEL_CAPS_PES_SHIFT      0
#define PDL_ACCEL_CAPS_PES_WIDTH      8
#define PDL_ACCEL_CAPS_PES_MASK       0x000000ffu
#define PDL_ACCEL_CAPS_LANES_SHIFT    8
#define PDL_ACCEL_CAPS_LANES_WIDTH    8
#define PDL_ACCEL_CAPS_LANES_MASK     0x0000ff00u
#define PDL_ACCEL_CAPS_A_BITS_SHIFT   16
#define PDL_ACCEL_CAPS_A_BITS_WIDTH   5
#define PDL_ACCEL_CAPS_A_BITS_MASK    0x001f0000u
#define PDL_ACCEL_CAPS_TWO_MACS_SHIFT 21
#define PDL_ACCEL_CAPS_TWO_MACS_WIDTH 1
#define PDL_ACCEL_CAPS_TWO_MACS_MASK  0x00200000u
#define PDL_ACCEL_CAPS_M_BITS_SHIFT   24
#define PDL_ACCEL_CAPS_M_BITS_WIDTH   5
#define PDL_ACCEL_CAPS_M_BITS_MASK    0x1f000000u
static inline uint32_t pdl_accel_caps_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_CAPS_ADDR;
}
static inline uint32_t pdl_accel_caps_pes_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_CAPS_PES_MASK) >> PDL_ACCEL_CAPS_PES_SHIFT;
}
static inline uint32_t pdl_accel_caps_pes_read(void) {
    return pdl_accel_caps_pes_extract(pdl_accel_caps_read());
}
static inline uint32_t pdl_accel_caps_lanes_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_CAPS_LANES_MASK) >> PDL_ACCEL_CAPS_LANES_SHIFT;
}
static inline uint32_t pdl_accel_caps_lanes_read(void) {
    return pdl_accel_caps_lanes_extract(pdl_accel_caps_read());
}
static inline uint32_t pdl_accel_caps_a_bits_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_CAPS_A_BITS_MASK) >> PDL_ACCEL_CAPS_A_BITS_SHIFT;
}
static inline uint32_t pdl_accel_caps_a_bits_read(void) {
    return pdl_accel_caps_a_bits_extract(pdl_accel_caps_read());
}
static inline uint32_t pdl_accel_caps_two_macs_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_CAPS_TWO_MACS_MASK) >> PDL_ACCEL_CAPS_TWO_MACS_SHIFT;
}
static inline uint32_t pdl_accel_caps_two_macs_read(void) {
    return pdl_accel_caps_two_macs_extract(pdl_accel_caps_read());
}
static inline uint32_t pdl_accel_caps_m_bits_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_CAPS_M_BITS_MASK) >> PDL_ACCEL_CAPS_M_BITS_SHIFT;
}
static inline uint32_t pdl_accel_caps_m_bits_read(void) {
    return pdl_accel_caps_m_bits_extract(pdl_accel_caps_read());
}

/* caps2 @ 0xc (RO, reset 0x00000000): Buffer sizes */
#define PDL_ACCEL_CAPS2_OFFSET              0xcu
#define PDL_ACCEL_CAPS2_ADDR                (PDL_ACCEL_BASE + PDL_ACCEL_CAPS2_OFFSET)
#define PDL_ACCEL_CAPS2_RESET               0x00000000u
#define PDL_ACCEL_CAPS2_ACT_DEPTH_SHIFT     0
#define PDL_ACCEL_CAPS2_ACT_DEPTH_WIDTH     16
#define PDL_ACCEL_CAPS2_ACT_DEPTH_MASK      0x0000ffffu
#define PDL_ACCEL_CAPS2_STAGING_DEPTH_SHIFT 16
#define PDL_ACCEL_CAPS2_STAGING_DEPTH_WIDTH 16
#define PDL_ACCEL_CAPS2_STAGING_DEPTH_MASK  0xffff0000u
static inline uint32_t pdl_accel_caps2_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_CAPS2_ADDR;
}
static inline uint32_t pdl_accel_caps2_act_depth_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_CAPS2_ACT_DEPTH_MASK) >> PDL_ACCEL_CAPS2_ACT_DEPTH_SHIFT;
}
static inline uint32_t pdl_accel_caps2_act_depth_read(void) {
    return pdl_accel_caps2_act_depth_extract(pdl_accel_caps2_read());
}
static inline uint32_t pdl_accel_caps2_staging_depth_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_CAPS2_STAGING_DEPTH_MASK) >> PDL_ACCEL_CAPS2_STAGING_DEPTH_SHIFT;
}
static inline uint32_t pdl_accel_caps2_staging_depth_read(void) {
    return pdl_accel_caps2_staging_depth_extract(pdl_accel_caps2_read());
}

/* caps3 @ 0x10 (RO, reset 0x00000000): Memory sizes */
#define PDL_ACCEL_CAPS3_OFFSET             0x10u
#define PDL_ACCEL_CAPS3_ADDR               (PDL_ACCEL_BASE + PDL_ACCEL_CAPS3_OFFSET)
#define PDL_ACCEL_CAPS3_RESET              0x00000000u
#define PDL_ACCEL_CAPS3_WEIGHT_WORDS_SHIFT 0
#define PDL_ACCEL_CAPS3_WEIGHT_WORDS_WIDTH 24
#define PDL_ACCEL_CAPS3_WEIGHT_WORDS_MASK  0x00ffffffu
#define PDL_ACCEL_CAPS3_MAX_POOL_SHIFT     24
#define PDL_ACCEL_CAPS3_MAX_POOL_WIDTH     5
#define PDL_ACCEL_CAPS3_MAX_POOL_MASK      0x1f000000u
static inline uint32_t pdl_accel_caps3_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_CAPS3_ADDR;
}
static inline uint32_t pdl_accel_caps3_weight_words_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_CAPS3_WEIGHT_WORDS_MASK) >> PDL_ACCEL_CAPS3_WEIGHT_WORDS_SHIFT;
}
static inline uint32_t pdl_accel_caps3_weight_words_read(void) {
    return pdl_accel_caps3_weight_words_extract(pdl_accel_caps3_read());
}
static inline uint32_t pdl_accel_caps3_max_pool_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_CAPS3_MAX_POOL_MASK) >> PDL_ACCEL_CAPS3_MAX_POOL_SHIFT;
}
static inline uint32_t pdl_accel_caps3_max_pool_read(void) {
    return pdl_accel_caps3_max_pool_extract(pdl_accel_caps3_read());
}

/* windows_in @ 0x20 (RO, reset 0x00000000): Windows accepted by the input FIFO */
#define PDL_ACCEL_WINDOWS_IN_OFFSET 0x20u
#define PDL_ACCEL_WINDOWS_IN_ADDR   (PDL_ACCEL_BASE + PDL_ACCEL_WINDOWS_IN_OFFSET)
#define PDL_ACCEL_WINDOWS_IN_RESET  0x00000000u
static inline uint32_t pdl_accel_windows_in_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_WINDOWS_IN_ADDR;
}

/* windows_out @ 0x24 (RO, reset 0x00000000): Windows whose results were pushed */
#define PDL_ACCEL_WINDOWS_OUT_OFFSET 0x24u
#define PDL_ACCEL_WINDOWS_OUT_ADDR   (PDL_ACCEL_BASE + PDL_ACCEL_WINDOWS_OUT_OFFSET)
#define PDL_ACCEL_WINDOWS_OUT_RESET  0x00000000u
static inline uint32_t pdl_accel_windows_out_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_WINDOWS_OUT_ADDR;
}

/* rounds @ 0x28 (RO, reset 0x00000000): Rounds started */
#define PDL_ACCEL_ROUNDS_OFFSET 0x28u
#define PDL_ACCEL_ROUNDS_ADDR   (PDL_ACCEL_BASE + PDL_ACCEL_ROUNDS_OFFSET)
#define PDL_ACCEL_ROUNDS_RESET  0x00000000u
static inline uint32_t pdl_accel_rounds_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_ROUNDS_ADDR;
}

/* busy_cycles @ 0x2c (RO, reset 0x00000000): Cycles with a round in progress */
#define PDL_ACCEL_BUSY_CYCLES_OFFSET 0x2cu
#define PDL_ACCEL_BUSY_CYCLES_ADDR   (PDL_ACCEL_BASE + PDL_ACCEL_BUSY_CYCLES_OFFSET)
#define PDL_ACCEL_BUSY_CYCLES_RESET  0x00000000u
static inline uint32_t pdl_accel_busy_cycles_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_BUSY_CYCLES_ADDR;
}

/* idle_issue_cycles @ 0x30 (RO, reset 0x00000000): Cycles in a round without an issued tap */
#define PDL_ACCEL_IDLE_ISSUE_CYCLES_OFFSET 0x30u
#define PDL_ACCEL_IDLE_ISSUE_CYCLES_ADDR   (PDL_ACCEL_BASE + PDL_ACCEL_IDLE_ISSUE_CYCLES_OFFSET)
#define PDL_ACCEL_IDLE_ISSUE_CYCLES_RESET  0x00000000u
static inline uint32_t pdl_accel_idle_issue_cycles_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_IDLE_ISSUE_CYCLES_ADDR;
}

/* input_drops @ 0x34 (RO, reset 0x00000000): Windows refused because the input FIFO was full */
#define PDL_ACCEL_INPUT_DROPS_OFFSET 0x34u
#define PDL_ACCEL_INPUT_DROPS_ADDR   (PDL_ACCEL_BASE + PDL_ACCEL_INPUT_DROPS_OFFSET)
#define PDL_ACCEL_INPUT_DROPS_RESET  0x00000000u
static inline uint32_t pdl_accel_input_drops_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_INPUT_DROPS_ADDR;
}

/* result_stalls @ 0x38 (RO, reset 0x00000000): Unloader cycles waiting on a full result FIFO */
#define PDL_ACCEL_RESULT_STALLS_OFFSET 0x38u
#define PDL_ACCEL_RESULT_STALLS_ADDR   (PDL_ACCEL_BASE + PDL_ACCEL_RESULT_STALLS_OFFSET)
#define PDL_ACCEL_RESULT_STALLS_RESET  0x00000000u
static inline uint32_t pdl_accel_result_stalls_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_RESULT_STALLS_ADDR;
}

/* clamp_low @ 0x3c (RO, reset 0x00000000): Write cycles with a value clamped at act_min */
#define PDL_ACCEL_CLAMP_LOW_OFFSET 0x3cu
#define PDL_ACCEL_CLAMP_LOW_ADDR   (PDL_ACCEL_BASE + PDL_ACCEL_CLAMP_LOW_OFFSET)
#define PDL_ACCEL_CLAMP_LOW_RESET  0x00000000u
static inline uint32_t pdl_accel_clamp_low_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_CLAMP_LOW_ADDR;
}

/* clamp_high @ 0x40 (RO, reset 0x00000000): Write cycles with a value clamped at act_max */
#define PDL_ACCEL_CLAMP_HIGH_OFFSET 0x40u
#define PDL_ACCEL_CLAMP_HIGH_ADDR   (PDL_ACCEL_BASE + PDL_ACCEL_CLAMP_HIGH_OFFSET)
#define PDL_ACCEL_CLAMP_HIGH_RESET  0x00000000u
static inline uint32_t pdl_accel_clamp_high_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_CLAMP_HIGH_ADDR;
}

/* input_push @ 0x80 (WO, reset 0x00000000): CPU-injected window sample (tests) */
#define PDL_ACCEL_INPUT_PUSH_OFFSET       0x80u
#define PDL_ACCEL_INPUT_PUSH_ADDR         (PDL_ACCEL_BASE + PDL_ACCEL_INPUT_PUSH_OFFSET)
#define PDL_ACCEL_INPUT_PUSH_RESET        0x00000000u
#define PDL_ACCEL_INPUT_PUSH_SAMPLE_SHIFT 0
#define PDL_ACCEL_INPUT_PUSH_SAMPLE_WIDTH 16
#define PDL_ACCEL_INPUT_PUSH_SAMPLE_MASK  0x0000ffffu
#define PDL_ACCEL_INPUT_PUSH_TAG_SHIFT    16
#define PDL_ACCEL_INPUT_PUSH_TAG_WIDTH    8
#define PDL_ACCEL_INPUT_PUSH_TAG_MASK     0x00ff0000u
#define PDL_ACCEL_INPUT_PUSH_FLAGS_SHIFT  24
#define PDL_ACCEL_INPUT_PUSH_FLAGS_WIDTH  8
#define PDL_ACCEL_INPUT_PUSH_FLAGS_MASK   0xff000000u
static inline void pdl_accel_input_push_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_INPUT_PUSH_ADDR = value;
}
static inline uint32_t pdl_accel_input_push_sample_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_ACCEL_INPUT_PUSH_SAMPLE_MASK) | ((value << PDL_ACCEL_INPUT_PUSH_SAMPLE_SHIFT) & PDL_ACCEL_INPUT_PUSH_SAMPLE_MASK);
}
static inline void pdl_accel_input_push_sample_write(uint32_t value) {
    pdl_accel_input_push_write(pdl_accel_input_push_sample_replace(0u, value));
}
static inline uint32_t pdl_accel_input_push_tag_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_ACCEL_INPUT_PUSH_TAG_MASK) | ((value << PDL_ACCEL_INPUT_PUSH_TAG_SHIFT) & PDL_ACCEL_INPUT_PUSH_TAG_MASK);
}
static inline void pdl_accel_input_push_tag_write(uint32_t value) {
    pdl_accel_input_push_write(pdl_accel_input_push_tag_replace(0u, value));
}
static inline uint32_t pdl_accel_input_push_flags_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_ACCEL_INPUT_PUSH_FLAGS_MASK) | ((value << PDL_ACCEL_INPUT_PUSH_FLAGS_SHIFT) & PDL_ACCEL_INPUT_PUSH_FLAGS_MASK);
}
static inline void pdl_accel_input_push_flags_write(uint32_t value) {
    pdl_accel_input_push_write(pdl_accel_input_push_flags_replace(0u, value));
}

/* result_pop @ 0x84 (RO, reset 0x00000000): Result FIFO head; reading pops it */
#define PDL_ACCEL_RESULT_POP_OFFSET 0x84u
#define PDL_ACCEL_RESULT_POP_ADDR   (PDL_ACCEL_BASE + PDL_ACCEL_RESULT_POP_OFFSET)
#define PDL_ACCEL_RESULT_POP_RESET  0x00000000u
static inline uint32_t pdl_accel_result_pop_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_RESULT_POP_ADDR;
}

/* result_level @ 0x88 (RO, reset 0x00000000): Words in the result FIFO */
#define PDL_ACCEL_RESULT_LEVEL_OFFSET 0x88u
#define PDL_ACCEL_RESULT_LEVEL_ADDR   (PDL_ACCEL_BASE + PDL_ACCEL_RESULT_LEVEL_OFFSET)
#define PDL_ACCEL_RESULT_LEVEL_RESET  0x00000000u
static inline uint32_t pdl_accel_result_level_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_RESULT_LEVEL_ADDR;
}
