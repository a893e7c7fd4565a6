/*
 * Generated file - do not edit; regenerate it instead.
 * Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
 * Tool: pulsedl hls-gen 0.1.0
 * Input hash: sha256:002031256696fab59857cdcd15261eb27c37c3d7aefa41487b75735f0024d8da
 */
#pragma once

#include <stdint.h>

/* pdl_accel: PulseDL neural-network accelerator (28 PEs x 8 lanes) */
#define PDL_ACCEL_BASE 0x20000000u
#define PDL_ACCEL_SIZE 0x1000u

/* ctrl @ 0x0 (RW/WO, reset 0x00000000): Control */
#define PDL_ACCEL_CTRL_OFFSET           0x0u
#define PDL_ACCEL_CTRL_ADDR             (PDL_ACCEL_BASE + PDL_ACCEL_CTRL_OFFSET)
#define PDL_ACCEL_CTRL_RESET            0x00000000u
#define PDL_ACCEL_CTRL_START_SHIFT      0
#define PDL_ACCEL_CTRL_START_WIDTH      1
#define PDL_ACCEL_CTRL_START_MASK       0x00000001u
#define PDL_ACCEL_CTRL_STOP_SHIFT       1
#define PDL_ACCEL_CTRL_STOP_WIDTH       1
#define PDL_ACCEL_CTRL_STOP_MASK        0x00000002u
#define PDL_ACCEL_CTRL_FLUSH_SHIFT      2
#define PDL_ACCEL_CTRL_FLUSH_WIDTH      1
#define PDL_ACCEL_CTRL_FLUSH_MASK       0x00000004u
#define PDL_ACCEL_CTRL_CLEAR_SHIFT      3
#define PDL_ACCEL_CTRL_CLEAR_WIDTH      1
#define PDL_ACCEL_CTRL_CLEAR_MASK       0x00000008u
#define PDL_ACCEL_CTRL_SOFT_RESET_SHIFT 4
#define PDL_ACCEL_CTRL_SOFT_RESET_WIDTH 1
#define PDL_ACCEL_CTRL_SOFT_RESET_MASK  0x00000010u
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
static inline uint32_t pdl_accel_ctrl_soft_reset_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_ACCEL_CTRL_SOFT_RESET_MASK) | ((value << PDL_ACCEL_CTRL_SOFT_RESET_SHIFT) & PDL_ACCEL_CTRL_SOFT_RESET_MASK);
}
static inline void pdl_accel_ctrl_soft_reset_write(uint32_t value) {
    pdl_accel_ctrl_write(pdl_accel_ctrl_soft_reset_replace(pdl_accel_ctrl_read(), value));
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
#define PDL_ACCEL_STATUS_RESETTING_SHIFT    4
#define PDL_ACCEL_STATUS_RESETTING_WIDTH    1
#define PDL_ACCEL_STATUS_RESETTING_MASK     0x00000010u
#define PDL_ACCEL_STATUS_INPUT_ROOM_SHIFT   5
#define PDL_ACCEL_STATUS_INPUT_ROOM_WIDTH   1
#define PDL_ACCEL_STATUS_INPUT_ROOM_MASK    0x00000020u
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
static inline uint32_t pdl_accel_status_resetting_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_STATUS_RESETTING_MASK) >> PDL_ACCEL_STATUS_RESETTING_SHIFT;
}
static inline uint32_t pdl_accel_status_resetting_read(void) {
    return pdl_accel_status_resetting_extract(pdl_accel_status_read());
}
static inline uint32_t pdl_accel_status_input_room_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_STATUS_INPUT_ROOM_MASK) >> PDL_ACCEL_STATUS_INPUT_ROOM_SHIFT;
}
static inline uint32_t pdl_accel_status_input_room_read(void) {
    return pdl_accel_status_input_room_extract(pdl_accel_status_read());
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

/* stops @ 0x44 (RO, reset 0x00000000): Clean stops completed */
#define PDL_ACCEL_STOPS_OFFSET 0x44u
#define PDL_ACCEL_STOPS_ADDR   (PDL_ACCEL_BASE + PDL_ACCEL_STOPS_OFFSET)
#define PDL_ACCEL_STOPS_RESET  0x00000000u
static inline uint32_t pdl_accel_stops_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_STOPS_ADDR;
}

/* soft_resets @ 0x48 (RO, reset 0x00000000): Soft resets */
#define PDL_ACCEL_SOFT_RESETS_OFFSET 0x48u
#define PDL_ACCEL_SOFT_RESETS_ADDR   (PDL_ACCEL_BASE + PDL_ACCEL_SOFT_RESETS_OFFSET)
#define PDL_ACCEL_SOFT_RESETS_RESET  0x00000000u
static inline uint32_t pdl_accel_soft_resets_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_SOFT_RESETS_ADDR;
}

/* frame_drops @ 0x4c (RO, reset 0x00000000): Windows dropped because their last sample (i_in_last or INPUT_PUSH.flags bit 0) did not come as sample N */
#define PDL_ACCEL_FRAME_DROPS_OFFSET 0x4cu
#define PDL_ACCEL_FRAME_DROPS_ADDR   (PDL_ACCEL_BASE + PDL_ACCEL_FRAME_DROPS_OFFSET)
#define PDL_ACCEL_FRAME_DROPS_RESET  0x00000000u
static inline uint32_t pdl_accel_frame_drops_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_FRAME_DROPS_ADDR;
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

/* input_time @ 0x8c (RW, reset 0x00000000): Capture timestamp of the windows INPUT_PUSH writes, taken with a window's first sample; it comes back in the window's timestamp result word (i_in_time stamps the input port's windows) */
#define PDL_ACCEL_INPUT_TIME_OFFSET 0x8cu
#define PDL_ACCEL_INPUT_TIME_ADDR   (PDL_ACCEL_BASE + PDL_ACCEL_INPUT_TIME_OFFSET)
#define PDL_ACCEL_INPUT_TIME_RESET  0x00000000u
static inline uint32_t pdl_accel_input_time_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_INPUT_TIME_ADDR;
}
static inline void pdl_accel_input_time_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_INPUT_TIME_ADDR = value;
}

/* irq_status @ 0x90 (W1C, reset 0x00000000): Interrupt causes (sticky; write 1 to clear); o_irq is high while a cause is set and enabled */
#define PDL_ACCEL_IRQ_STATUS_OFFSET          0x90u
#define PDL_ACCEL_IRQ_STATUS_ADDR            (PDL_ACCEL_BASE + PDL_ACCEL_IRQ_STATUS_OFFSET)
#define PDL_ACCEL_IRQ_STATUS_RESET           0x00000000u
#define PDL_ACCEL_IRQ_STATUS_W1C_MASK        0x0000001fu
#define PDL_ACCEL_IRQ_STATUS_RESULTS_SHIFT   0
#define PDL_ACCEL_IRQ_STATUS_RESULTS_WIDTH   1
#define PDL_ACCEL_IRQ_STATUS_RESULTS_MASK    0x00000001u
#define PDL_ACCEL_IRQ_STATUS_ERROR_SHIFT     1
#define PDL_ACCEL_IRQ_STATUS_ERROR_WIDTH     1
#define PDL_ACCEL_IRQ_STATUS_ERROR_MASK      0x00000002u
#define PDL_ACCEL_IRQ_STATUS_DROP_SHIFT      2
#define PDL_ACCEL_IRQ_STATUS_DROP_WIDTH      1
#define PDL_ACCEL_IRQ_STATUS_DROP_MASK       0x00000004u
#define PDL_ACCEL_IRQ_STATUS_IDLE_SHIFT      3
#define PDL_ACCEL_IRQ_STATUS_IDLE_WIDTH      1
#define PDL_ACCEL_IRQ_STATUS_IDLE_MASK       0x00000008u
#define PDL_ACCEL_IRQ_STATUS_BUS_ERROR_SHIFT 4
#define PDL_ACCEL_IRQ_STATUS_BUS_ERROR_WIDTH 1
#define PDL_ACCEL_IRQ_STATUS_BUS_ERROR_MASK  0x00000010u
static inline uint32_t pdl_accel_irq_status_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_IRQ_STATUS_ADDR;
}
static inline void pdl_accel_irq_status_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_IRQ_STATUS_ADDR = value;
}
static inline uint32_t pdl_accel_irq_status_results_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_IRQ_STATUS_RESULTS_MASK) >> PDL_ACCEL_IRQ_STATUS_RESULTS_SHIFT;
}
static inline uint32_t pdl_accel_irq_status_results_read(void) {
    return pdl_accel_irq_status_results_extract(pdl_accel_irq_status_read());
}
static inline void pdl_accel_irq_status_results_clear(uint32_t bits) {
    pdl_accel_irq_status_write((bits << PDL_ACCEL_IRQ_STATUS_RESULTS_SHIFT) & PDL_ACCEL_IRQ_STATUS_RESULTS_MASK);
}
static inline uint32_t pdl_accel_irq_status_error_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_IRQ_STATUS_ERROR_MASK) >> PDL_ACCEL_IRQ_STATUS_ERROR_SHIFT;
}
static inline uint32_t pdl_accel_irq_status_error_read(void) {
    return pdl_accel_irq_status_error_extract(pdl_accel_irq_status_read());
}
static inline void pdl_accel_irq_status_error_clear(uint32_t bits) {
    pdl_accel_irq_status_write((bits << PDL_ACCEL_IRQ_STATUS_ERROR_SHIFT) & PDL_ACCEL_IRQ_STATUS_ERROR_MASK);
}
static inline uint32_t pdl_accel_irq_status_drop_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_IRQ_STATUS_DROP_MASK) >> PDL_ACCEL_IRQ_STATUS_DROP_SHIFT;
}
static inline uint32_t pdl_accel_irq_status_drop_read(void) {
    return pdl_accel_irq_status_drop_extract(pdl_accel_irq_status_read());
}
static inline void pdl_accel_irq_status_drop_clear(uint32_t bits) {
    pdl_accel_irq_status_write((bits << PDL_ACCEL_IRQ_STATUS_DROP_SHIFT) & PDL_ACCEL_IRQ_STATUS_DROP_MASK);
}
static inline uint32_t pdl_accel_irq_status_idle_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_IRQ_STATUS_IDLE_MASK) >> PDL_ACCEL_IRQ_STATUS_IDLE_SHIFT;
}
static inline uint32_t pdl_accel_irq_status_idle_read(void) {
    return pdl_accel_irq_status_idle_extract(pdl_accel_irq_status_read());
}
static inline void pdl_accel_irq_status_idle_clear(uint32_t bits) {
    pdl_accel_irq_status_write((bits << PDL_ACCEL_IRQ_STATUS_IDLE_SHIFT) & PDL_ACCEL_IRQ_STATUS_IDLE_MASK);
}
static inline uint32_t pdl_accel_irq_status_bus_error_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_IRQ_STATUS_BUS_ERROR_MASK) >> PDL_ACCEL_IRQ_STATUS_BUS_ERROR_SHIFT;
}
static inline uint32_t pdl_accel_irq_status_bus_error_read(void) {
    return pdl_accel_irq_status_bus_error_extract(pdl_accel_irq_status_read());
}
static inline void pdl_accel_irq_status_bus_error_clear(uint32_t bits) {
    pdl_accel_irq_status_write((bits << PDL_ACCEL_IRQ_STATUS_BUS_ERROR_SHIFT) & PDL_ACCEL_IRQ_STATUS_BUS_ERROR_MASK);
}

/* irq_enable @ 0x94 (RW, reset 0x00000000): Interrupt enables, one per IRQ_STATUS bit */
#define PDL_ACCEL_IRQ_ENABLE_OFFSET          0x94u
#define PDL_ACCEL_IRQ_ENABLE_ADDR            (PDL_ACCEL_BASE + PDL_ACCEL_IRQ_ENABLE_OFFSET)
#define PDL_ACCEL_IRQ_ENABLE_RESET           0x00000000u
#define PDL_ACCEL_IRQ_ENABLE_RESULTS_SHIFT   0
#define PDL_ACCEL_IRQ_ENABLE_RESULTS_WIDTH   1
#define PDL_ACCEL_IRQ_ENABLE_RESULTS_MASK    0x00000001u
#define PDL_ACCEL_IRQ_ENABLE_ERROR_SHIFT     1
#define PDL_ACCEL_IRQ_ENABLE_ERROR_WIDTH     1
#define PDL_ACCEL_IRQ_ENABLE_ERROR_MASK      0x00000002u
#define PDL_ACCEL_IRQ_ENABLE_DROP_SHIFT      2
#define PDL_ACCEL_IRQ_ENABLE_DROP_WIDTH      1
#define PDL_ACCEL_IRQ_ENABLE_DROP_MASK       0x00000004u
#define PDL_ACCEL_IRQ_ENABLE_IDLE_SHIFT      3
#define PDL_ACCEL_IRQ_ENABLE_IDLE_WIDTH      1
#define PDL_ACCEL_IRQ_ENABLE_IDLE_MASK       0x00000008u
#define PDL_ACCEL_IRQ_ENABLE_BUS_ERROR_SHIFT 4
#define PDL_ACCEL_IRQ_ENABLE_BUS_ERROR_WIDTH 1
#define PDL_ACCEL_IRQ_ENABLE_BUS_ERROR_MASK  0x00000010u
static inline uint32_t pdl_accel_irq_enable_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_IRQ_ENABLE_ADDR;
}
static inline void pdl_accel_irq_enable_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_IRQ_ENABLE_ADDR = value;
}
static inline uint32_t pdl_accel_irq_enable_results_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_IRQ_ENABLE_RESULTS_MASK) >> PDL_ACCEL_IRQ_ENABLE_RESULTS_SHIFT;
}
static inline uint32_t pdl_accel_irq_enable_results_read(void) {
    return pdl_accel_irq_enable_results_extract(pdl_accel_irq_enable_read());
}
static inline uint32_t pdl_accel_irq_enable_results_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_ACCEL_IRQ_ENABLE_RESULTS_MASK) | ((value << PDL_ACCEL_IRQ_ENABLE_RESULTS_SHIFT) & PDL_ACCEL_IRQ_ENABLE_RESULTS_MASK);
}
static inline void pdl_accel_irq_enable_results_write(uint32_t value) {
    pdl_accel_irq_enable_write(pdl_accel_irq_enable_results_replace(pdl_accel_irq_enable_read(), value));
}
static inline uint32_t pdl_accel_irq_enable_error_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_IRQ_ENABLE_ERROR_MASK) >> PDL_ACCEL_IRQ_ENABLE_ERROR_SHIFT;
}
static inline uint32_t pdl_accel_irq_enable_error_read(void) {
    return pdl_accel_irq_enable_error_extract(pdl_accel_irq_enable_read());
}
static inline uint32_t pdl_accel_irq_enable_error_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_ACCEL_IRQ_ENABLE_ERROR_MASK) | ((value << PDL_ACCEL_IRQ_ENABLE_ERROR_SHIFT) & PDL_ACCEL_IRQ_ENABLE_ERROR_MASK);
}
static inline void pdl_accel_irq_enable_error_write(uint32_t value) {
    pdl_accel_irq_enable_write(pdl_accel_irq_enable_error_replace(pdl_accel_irq_enable_read(), value));
}
static inline uint32_t pdl_accel_irq_enable_drop_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_IRQ_ENABLE_DROP_MASK) >> PDL_ACCEL_IRQ_ENABLE_DROP_SHIFT;
}
static inline uint32_t pdl_accel_irq_enable_drop_read(void) {
    return pdl_accel_irq_enable_drop_extract(pdl_accel_irq_enable_read());
}
static inline uint32_t pdl_accel_irq_enable_drop_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_ACCEL_IRQ_ENABLE_DROP_MASK) | ((value << PDL_ACCEL_IRQ_ENABLE_DROP_SHIFT) & PDL_ACCEL_IRQ_ENABLE_DROP_MASK);
}
static inline void pdl_accel_irq_enable_drop_write(uint32_t value) {
    pdl_accel_irq_enable_write(pdl_accel_irq_enable_drop_replace(pdl_accel_irq_enable_read(), value));
}
static inline uint32_t pdl_accel_irq_enable_idle_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_IRQ_ENABLE_IDLE_MASK) >> PDL_ACCEL_IRQ_ENABLE_IDLE_SHIFT;
}
static inline uint32_t pdl_accel_irq_enable_idle_read(void) {
    return pdl_accel_irq_enable_idle_extract(pdl_accel_irq_enable_read());
}
static inline uint32_t pdl_accel_irq_enable_idle_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_ACCEL_IRQ_ENABLE_IDLE_MASK) | ((value << PDL_ACCEL_IRQ_ENABLE_IDLE_SHIFT) & PDL_ACCEL_IRQ_ENABLE_IDLE_MASK);
}
static inline void pdl_accel_irq_enable_idle_write(uint32_t value) {
    pdl_accel_irq_enable_write(pdl_accel_irq_enable_idle_replace(pdl_accel_irq_enable_read(), value));
}
static inline uint32_t pdl_accel_irq_enable_bus_error_extract(uint32_t reg) {
    return (reg & PDL_ACCEL_IRQ_ENABLE_BUS_ERROR_MASK) >> PDL_ACCEL_IRQ_ENABLE_BUS_ERROR_SHIFT;
}
static inline uint32_t pdl_accel_irq_enable_bus_error_read(void) {
    return pdl_accel_irq_enable_bus_error_extract(pdl_accel_irq_enable_read());
}
static inline uint32_t pdl_accel_irq_enable_bus_error_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_ACCEL_IRQ_ENABLE_BUS_ERROR_MASK) | ((value << PDL_ACCEL_IRQ_ENABLE_BUS_ERROR_SHIFT) & PDL_ACCEL_IRQ_ENABLE_BUS_ERROR_MASK);
}
static inline void pdl_accel_irq_enable_bus_error_write(uint32_t value) {
    pdl_accel_irq_enable_write(pdl_accel_irq_enable_bus_error_replace(pdl_accel_irq_enable_read(), value));
}

/* bus_error_addr @ 0x98 (RO, reset 0x00000000): Byte offset of the last access that ended with a bus error (no register or memory there) */
#define PDL_ACCEL_BUS_ERROR_ADDR_OFFSET 0x98u
#define PDL_ACCEL_BUS_ERROR_ADDR_ADDR   (PDL_ACCEL_BASE + PDL_ACCEL_BUS_ERROR_ADDR_OFFSET)
#define PDL_ACCEL_BUS_ERROR_ADDR_RESET  0x00000000u
static inline uint32_t pdl_accel_bus_error_addr_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_ACCEL_BUS_ERROR_ADDR_ADDR;
}
