/*
 * Generated file - do not edit; regenerate it instead.
 * Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
 * Tool: pulsedl hls-gen 0.1.0
 * Input hash: sha256:ba7108622e3325b6a2d7732dfdd324e4c0029547c551c1d168eed5ae328ff79b
 */
#pragma once

#include <stdint.h>

/* pdl_framer: Result framer: accelerator results to RESULT frames on the UART, and the UART's transmit arbiter */
#define PDL_FRAMER_BASE 0x10003000u
#define PDL_FRAMER_SIZE 0x1000u

/* ctrl @ 0x0 (RW, reset 0x00000000): Control */
#define PDL_FRAMER_CTRL_OFFSET       0x0u
#define PDL_FRAMER_CTRL_ADDR         (PDL_FRAMER_BASE + PDL_FRAMER_CTRL_OFFSET)
#define PDL_FRAMER_CTRL_RESET        0x00000000u
#define PDL_FRAMER_CTRL_ENABLE_SHIFT 0
#define PDL_FRAMER_CTRL_ENABLE_WIDTH 1
#define PDL_FRAMER_CTRL_ENABLE_MASK  0x00000001u
#define PDL_FRAMER_CTRL_CLAIM_SHIFT  1
#define PDL_FRAMER_CTRL_CLAIM_WIDTH  1
#define PDL_FRAMER_CTRL_CLAIM_MASK   0x00000002u
static inline uint32_t pdl_framer_ctrl_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_FRAMER_CTRL_ADDR;
}
static inline void pdl_framer_ctrl_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)PDL_FRAMER_CTRL_ADDR = value;
}
static inline uint32_t pdl_framer_ctrl_enable_extract(uint32_t reg) {
    return (reg & PDL_FRAMER_CTRL_ENABLE_MASK) >> PDL_FRAMER_CTRL_ENABLE_SHIFT;
}
static inline uint32_t pdl_framer_ctrl_enable_read(void) {
    return pdl_framer_ctrl_enable_extract(pdl_framer_ctrl_read());
}
static inline uint32_t pdl_framer_ctrl_enable_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_FRAMER_CTRL_ENABLE_MASK) | ((value << PDL_FRAMER_CTRL_ENABLE_SHIFT) & PDL_FRAMER_CTRL_ENABLE_MASK);
}
static inline void pdl_framer_ctrl_enable_write(uint32_t value) {
    pdl_framer_ctrl_write(pdl_framer_ctrl_enable_replace(pdl_framer_ctrl_read(), value));
}
static inline uint32_t pdl_framer_ctrl_claim_extract(uint32_t reg) {
    return (reg & PDL_FRAMER_CTRL_CLAIM_MASK) >> PDL_FRAMER_CTRL_CLAIM_SHIFT;
}
static inline uint32_t pdl_framer_ctrl_claim_read(void) {
    return pdl_framer_ctrl_claim_extract(pdl_framer_ctrl_read());
}
static inline uint32_t pdl_framer_ctrl_claim_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_FRAMER_CTRL_CLAIM_MASK) | ((value << PDL_FRAMER_CTRL_CLAIM_SHIFT) & PDL_FRAMER_CTRL_CLAIM_MASK);
}
static inline void pdl_framer_ctrl_claim_write(uint32_t value) {
    pdl_framer_ctrl_write(pdl_framer_ctrl_claim_replace(pdl_framer_ctrl_read(), value));
}

/* status @ 0x4 (RO, reset 0x00000000): State */
#define PDL_FRAMER_STATUS_OFFSET        0x4u
#define PDL_FRAMER_STATUS_ADDR          (PDL_FRAMER_BASE + PDL_FRAMER_STATUS_OFFSET)
#define PDL_FRAMER_STATUS_RESET         0x00000000u
#define PDL_FRAMER_STATUS_GRANTED_SHIFT 0
#define PDL_FRAMER_STATUS_GRANTED_WIDTH 1
#define PDL_FRAMER_STATUS_GRANTED_MASK  0x00000001u
#define PDL_FRAMER_STATUS_IDLE_SHIFT    1
#define PDL_FRAMER_STATUS_IDLE_WIDTH    1
#define PDL_FRAMER_STATUS_IDLE_MASK     0x00000002u
static inline uint32_t pdl_framer_status_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_FRAMER_STATUS_ADDR;
}
static inline uint32_t pdl_framer_status_granted_extract(uint32_t reg) {
    return (reg & PDL_FRAMER_STATUS_GRANTED_MASK) >> PDL_FRAMER_STATUS_GRANTED_SHIFT;
}
static inline uint32_t pdl_framer_status_granted_read(void) {
    return pdl_framer_status_granted_extract(pdl_framer_status_read());
}
static inline uint32_t pdl_framer_status_idle_extract(uint32_t reg) {
    return (reg & PDL_FRAMER_STATUS_IDLE_MASK) >> PDL_FRAMER_STATUS_IDLE_SHIFT;
}
static inline uint32_t pdl_framer_status_idle_read(void) {
    return pdl_framer_status_idle_extract(pdl_framer_status_read());
}

/* batch @ 0x8 (RW, reset 0x00000001): Frame size */
#define PDL_FRAMER_BATCH_OFFSET        0x8u
#define PDL_FRAMER_BATCH_ADDR          (PDL_FRAMER_BASE + PDL_FRAMER_BATCH_OFFSET)
#define PDL_FRAMER_BATCH_RESET         0x00000001u
#define PDL_FRAMER_BATCH_RECORDS_SHIFT 0
#define PDL_FRAMER_BATCH_RECORDS_WIDTH 16
#define PDL_FRAMER_BATCH_RECORDS_MASK  0x0000ffffu
static inline uint32_t pdl_framer_batch_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_FRAMER_BATCH_ADDR;
}
static inline void pdl_framer_batch_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)PDL_FRAMER_BATCH_ADDR = value;
}
static inline uint32_t pdl_framer_batch_records_extract(uint32_t reg) {
    return (reg & PDL_FRAMER_BATCH_RECORDS_MASK) >> PDL_FRAMER_BATCH_RECORDS_SHIFT;
}
static inline uint32_t pdl_framer_batch_records_read(void) {
    return pdl_framer_batch_records_extract(pdl_framer_batch_read());
}
static inline uint32_t pdl_framer_batch_records_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_FRAMER_BATCH_RECORDS_MASK) | ((value << PDL_FRAMER_BATCH_RECORDS_SHIFT) & PDL_FRAMER_BATCH_RECORDS_MASK);
}
static inline void pdl_framer_batch_records_write(uint32_t value) {
    pdl_framer_batch_write(pdl_framer_batch_records_replace(pdl_framer_batch_read(), value));
}

/* format @ 0xc (RW, reset 0x00000001): Result words per record */
#define PDL_FRAMER_FORMAT_OFFSET        0xcu
#define PDL_FRAMER_FORMAT_ADDR          (PDL_FRAMER_BASE + PDL_FRAMER_FORMAT_OFFSET)
#define PDL_FRAMER_FORMAT_RESET         0x00000001u
#define PDL_FRAMER_FORMAT_OUTPUTS_SHIFT 0
#define PDL_FRAMER_FORMAT_OUTPUTS_WIDTH 8
#define PDL_FRAMER_FORMAT_OUTPUTS_MASK  0x000000ffu
#define PDL_FRAMER_FORMAT_WIDE_SHIFT    8
#define PDL_FRAMER_FORMAT_WIDE_WIDTH    1
#define PDL_FRAMER_FORMAT_WIDE_MASK     0x00000100u
static inline uint32_t pdl_framer_format_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_FRAMER_FORMAT_ADDR;
}
static inline void pdl_framer_format_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)PDL_FRAMER_FORMAT_ADDR = value;
}
static inline uint32_t pdl_framer_format_outputs_extract(uint32_t reg) {
    return (reg & PDL_FRAMER_FORMAT_OUTPUTS_MASK) >> PDL_FRAMER_FORMAT_OUTPUTS_SHIFT;
}
static inline uint32_t pdl_framer_format_outputs_read(void) {
    return pdl_framer_format_outputs_extract(pdl_framer_format_read());
}
static inline uint32_t pdl_framer_format_outputs_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_FRAMER_FORMAT_OUTPUTS_MASK) | ((value << PDL_FRAMER_FORMAT_OUTPUTS_SHIFT) & PDL_FRAMER_FORMAT_OUTPUTS_MASK);
}
static inline void pdl_framer_format_outputs_write(uint32_t value) {
    pdl_framer_format_write(pdl_framer_format_outputs_replace(pdl_framer_format_read(), value));
}
static inline uint32_t pdl_framer_format_wide_extract(uint32_t reg) {
    return (reg & PDL_FRAMER_FORMAT_WIDE_MASK) >> PDL_FRAMER_FORMAT_WIDE_SHIFT;
}
static inline uint32_t pdl_framer_format_wide_read(void) {
    return pdl_framer_format_wide_extract(pdl_framer_format_read());
}
static inline uint32_t pdl_framer_format_wide_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_FRAMER_FORMAT_WIDE_MASK) | ((value << PDL_FRAMER_FORMAT_WIDE_SHIFT) & PDL_FRAMER_FORMAT_WIDE_MASK);
}
static inline void pdl_framer_format_wide_write(uint32_t value) {
    pdl_framer_format_write(pdl_framer_format_wide_replace(pdl_framer_format_read(), value));
}

/* channel_mask @ 0x10 (RW, reset 0xffffffff): Bit n: results tagged channel n become records; others are dropped silently (channels above 31 always pass) */
#define PDL_FRAMER_CHANNEL_MASK_OFFSET 0x10u
#define PDL_FRAMER_CHANNEL_MASK_ADDR   (PDL_FRAMER_BASE + PDL_FRAMER_CHANNEL_MASK_OFFSET)
#define PDL_FRAMER_CHANNEL_MASK_RESET  0xffffffffu
static inline uint32_t pdl_framer_channel_mask_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_FRAMER_CHANNEL_MASK_ADDR;
}
static inline void pdl_framer_channel_mask_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)PDL_FRAMER_CHANNEL_MASK_ADDR = value;
}

/* max_age @ 0x14 (RW, reset 0x00000000): Clock cycles the oldest held record may wait before a partly filled frame is sent (0: only full frames, and the rest when enable falls) */
#define PDL_FRAMER_MAX_AGE_OFFSET 0x14u
#define PDL_FRAMER_MAX_AGE_ADDR   (PDL_FRAMER_BASE + PDL_FRAMER_MAX_AGE_OFFSET)
#define PDL_FRAMER_MAX_AGE_RESET  0x00000000u
static inline uint32_t pdl_framer_max_age_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_FRAMER_MAX_AGE_ADDR;
}
static inline void pdl_framer_max_age_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)PDL_FRAMER_MAX_AGE_ADDR = value;
}

/* sequence @ 0x18 (RO, reset 0x00000000): Sequence number of the next frame sent on the link (the framer's or the CPU's) */
#define PDL_FRAMER_SEQUENCE_OFFSET 0x18u
#define PDL_FRAMER_SEQUENCE_ADDR   (PDL_FRAMER_BASE + PDL_FRAMER_SEQUENCE_OFFSET)
#define PDL_FRAMER_SEQUENCE_RESET  0x00000000u
static inline uint32_t pdl_framer_sequence_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_FRAMER_SEQUENCE_ADDR;
}

/* sequence_set @ 0x1c (WO, reset 0x00000000): Sequence number to set */
#define PDL_FRAMER_SEQUENCE_SET_OFFSET      0x1cu
#define PDL_FRAMER_SEQUENCE_SET_ADDR        (PDL_FRAMER_BASE + PDL_FRAMER_SEQUENCE_SET_OFFSET)
#define PDL_FRAMER_SEQUENCE_SET_RESET       0x00000000u
#define PDL_FRAMER_SEQUENCE_SET_VALUE_SHIFT 0
#define PDL_FRAMER_SEQUENCE_SET_VALUE_WIDTH 32
#define PDL_FRAMER_SEQUENCE_SET_VALUE_MASK  0xffffffffu
static inline void pdl_framer_sequence_set_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)PDL_FRAMER_SEQUENCE_SET_ADDR = value;
}
static inline uint32_t pdl_framer_sequence_set_value_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_FRAMER_SEQUENCE_SET_VALUE_MASK) | ((value << PDL_FRAMER_SEQUENCE_SET_VALUE_SHIFT) & PDL_FRAMER_SEQUENCE_SET_VALUE_MASK);
}
static inline void pdl_framer_sequence_set_value_write(uint32_t value) {
    pdl_framer_sequence_set_write(pdl_framer_sequence_set_value_replace(0u, value));
}

/* frames @ 0x20 (RO, reset 0x00000000): RESULT frames sent since enable rose */
#define PDL_FRAMER_FRAMES_OFFSET 0x20u
#define PDL_FRAMER_FRAMES_ADDR   (PDL_FRAMER_BASE + PDL_FRAMER_FRAMES_OFFSET)
#define PDL_FRAMER_FRAMES_RESET  0x00000000u
static inline uint32_t pdl_framer_frames_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_FRAMER_FRAMES_ADDR;
}

/* records @ 0x24 (RO, reset 0x00000000): Records sent since enable rose */
#define PDL_FRAMER_RECORDS_OFFSET 0x24u
#define PDL_FRAMER_RECORDS_ADDR   (PDL_FRAMER_BASE + PDL_FRAMER_RECORDS_OFFSET)
#define PDL_FRAMER_RECORDS_RESET  0x00000000u
static inline uint32_t pdl_framer_records_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_FRAMER_RECORDS_ADDR;
}

/* drops @ 0x28 (RO, reset 0x00000000): Windows missing from the result stream's sequence numbers since enable rose */
#define PDL_FRAMER_DROPS_OFFSET 0x28u
#define PDL_FRAMER_DROPS_ADDR   (PDL_FRAMER_BASE + PDL_FRAMER_DROPS_OFFSET)
#define PDL_FRAMER_DROPS_RESET  0x00000000u
static inline uint32_t pdl_framer_drops_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_FRAMER_DROPS_ADDR;
}

/* expected @ 0x2c (RO, reset 0x00000000): Sequence number (16 bits) the next result should carry; the windows the accelerator accepted minus this were lost after the last result */
#define PDL_FRAMER_EXPECTED_OFFSET 0x2cu
#define PDL_FRAMER_EXPECTED_ADDR   (PDL_FRAMER_BASE + PDL_FRAMER_EXPECTED_OFFSET)
#define PDL_FRAMER_EXPECTED_RESET  0x00000000u
static inline uint32_t pdl_framer_expected_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_FRAMER_EXPECTED_ADDR;
}
