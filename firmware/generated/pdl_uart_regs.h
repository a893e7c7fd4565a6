/*
 * Generated file - do not edit; regenerate it instead.
 * Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
 * Tool: pulsedl hls-gen 0.1.0
 * Input hash: sha256:0905a6fa1f03371669bdcd52a9754ba789cbf1236a4f08837e84f9034f2b4bf1
 */
#pragma once

#include <stdint.h>

/* pdl_uart: UART, 8N1 with transmit and receive FIFOs */
#define PDL_UART_BASE 0x10000000u
#define PDL_UART_SIZE 0x1000u

/* tx @ 0x0 (WO, reset 0x00000000): Transmit: a write queues one byte (dropped while tx_full) */
#define PDL_UART_TX_OFFSET     0x0u
#define PDL_UART_TX_ADDR       (PDL_UART_BASE + PDL_UART_TX_OFFSET)
#define PDL_UART_TX_RESET      0x00000000u
#define PDL_UART_TX_DATA_SHIFT 0
#define PDL_UART_TX_DATA_WIDTH 8
#define PDL_UART_TX_DATA_MASK  0x000000ffu
static inline void pdl_uart_tx_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)PDL_UART_TX_ADDR = value;
}
static inline uint32_t pdl_uart_tx_data_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_UART_TX_DATA_MASK) | ((value << PDL_UART_TX_DATA_SHIFT) & PDL_UART_TX_DATA_MASK);
}
static inline void pdl_uart_tx_data_write(uint32_t value) {
    pdl_uart_tx_write(pdl_uart_tx_data_replace(0u, value));
}

/* rx @ 0x4 (RO, reset 0x00000000): Receive: the oldest received byte; reading pops it */
#define PDL_UART_RX_OFFSET      0x4u
#define PDL_UART_RX_ADDR        (PDL_UART_BASE + PDL_UART_RX_OFFSET)
#define PDL_UART_RX_RESET       0x00000000u
#define PDL_UART_RX_DATA_SHIFT  0
#define PDL_UART_RX_DATA_WIDTH  8
#define PDL_UART_RX_DATA_MASK   0x000000ffu
#define PDL_UART_RX_VALID_SHIFT 8
#define PDL_UART_RX_VALID_WIDTH 1
#define PDL_UART_RX_VALID_MASK  0x00000100u
static inline uint32_t pdl_uart_rx_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_UART_RX_ADDR;
}
static inline uint32_t pdl_uart_rx_data_extract(uint32_t reg) {
    return (reg & PDL_UART_RX_DATA_MASK) >> PDL_UART_RX_DATA_SHIFT;
}
static inline uint32_t pdl_uart_rx_data_read(void) {
    return pdl_uart_rx_data_extract(pdl_uart_rx_read());
}
static inline uint32_t pdl_uart_rx_valid_extract(uint32_t reg) {
    return (reg & PDL_UART_RX_VALID_MASK) >> PDL_UART_RX_VALID_SHIFT;
}
static inline uint32_t pdl_uart_rx_valid_read(void) {
    return pdl_uart_rx_valid_extract(pdl_uart_rx_read());
}

/* status @ 0x8 (RO/W1C, reset 0x00000000): FIFO levels and line errors */
#define PDL_UART_STATUS_OFFSET               0x8u
#define PDL_UART_STATUS_ADDR                 (PDL_UART_BASE + PDL_UART_STATUS_OFFSET)
#define PDL_UART_STATUS_RESET                0x00000000u
#define PDL_UART_STATUS_W1C_MASK             0x00000018u
#define PDL_UART_STATUS_TX_FULL_SHIFT        0
#define PDL_UART_STATUS_TX_FULL_WIDTH        1
#define PDL_UART_STATUS_TX_FULL_MASK         0x00000001u
#define PDL_UART_STATUS_TX_IDLE_SHIFT        1
#define PDL_UART_STATUS_TX_IDLE_WIDTH        1
#define PDL_UART_STATUS_TX_IDLE_MASK         0x00000002u
#define PDL_UART_STATUS_RX_VALID_SHIFT       2
#define PDL_UART_STATUS_RX_VALID_WIDTH       1
#define PDL_UART_STATUS_RX_VALID_MASK        0x00000004u
#define PDL_UART_STATUS_RX_OVERRUN_SHIFT     3
#define PDL_UART_STATUS_RX_OVERRUN_WIDTH     1
#define PDL_UART_STATUS_RX_OVERRUN_MASK      0x00000008u
#define PDL_UART_STATUS_RX_FRAME_ERROR_SHIFT 4
#define PDL_UART_STATUS_RX_FRAME_ERROR_WIDTH 1
#define PDL_UART_STATUS_RX_FRAME_ERROR_MASK  0x00000010u
#define PDL_UART_STATUS_TX_LEVEL_SHIFT       8
#define PDL_UART_STATUS_TX_LEVEL_WIDTH       8
#define PDL_UART_STATUS_TX_LEVEL_MASK        0x0000ff00u
#define PDL_UART_STATUS_RX_LEVEL_SHIFT       16
#define PDL_UART_STATUS_RX_LEVEL_WIDTH       8
#define PDL_UART_STATUS_RX_LEVEL_MASK        0x00ff0000u
static inline uint32_t pdl_uart_status_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_UART_STATUS_ADDR;
}
static inline void pdl_uart_status_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)PDL_UART_STATUS_ADDR = value;
}
static inline uint32_t pdl_uart_status_tx_full_extract(uint32_t reg) {
    return (reg & PDL_UART_STATUS_TX_FULL_MASK) >> PDL_UART_STATUS_TX_FULL_SHIFT;
}
static inline uint32_t pdl_uart_status_tx_full_read(void) {
    return pdl_uart_status_tx_full_extract(pdl_uart_status_read());
}
static inline uint32_t pdl_uart_status_tx_idle_extract(uint32_t reg) {
    return (reg & PDL_UART_STATUS_TX_IDLE_MASK) >> PDL_UART_STATUS_TX_IDLE_SHIFT;
}
static inline uint32_t pdl_uart_status_tx_idle_read(void) {
    return pdl_uart_status_tx_idle_extract(pdl_uart_status_read());
}
static inline uint32_t pdl_uart_status_rx_valid_extract(uint32_t reg) {
    return (reg & PDL_UART_STATUS_RX_VALID_MASK) >> PDL_UART_STATUS_RX_VALID_SHIFT;
}
static inline uint32_t pdl_uart_status_rx_valid_read(void) {
    return pdl_uart_status_rx_valid_extract(pdl_uart_status_read());
}
static inline uint32_t pdl_uart_status_rx_overrun_extract(uint32_t reg) {
    return (reg & PDL_UART_STATUS_RX_OVERRUN_MASK) >> PDL_UART_STATUS_RX_OVERRUN_SHIFT;
}
static inline uint32_t pdl_uart_status_rx_overrun_read(void) {
    return pdl_uart_status_rx_overrun_extract(pdl_uart_status_read());
}
static inline void pdl_uart_status_rx_overrun_clear(uint32_t bits) {
    pdl_uart_status_write((bits << PDL_UART_STATUS_RX_OVERRUN_SHIFT) & PDL_UART_STATUS_RX_OVERRUN_MASK);
}
static inline uint32_t pdl_uart_status_rx_frame_error_extract(uint32_t reg) {
    return (reg & PDL_UART_STATUS_RX_FRAME_ERROR_MASK) >> PDL_UART_STATUS_RX_FRAME_ERROR_SHIFT;
}
static inline uint32_t pdl_uart_status_rx_frame_error_read(void) {
    return pdl_uart_status_rx_frame_error_extract(pdl_uart_status_read());
}
static inline void pdl_uart_status_rx_frame_error_clear(uint32_t bits) {
    pdl_uart_status_write((bits << PDL_UART_STATUS_RX_FRAME_ERROR_SHIFT) & PDL_UART_STATUS_RX_FRAME_ERROR_MASK);
}
static inline uint32_t pdl_uart_status_tx_level_extract(uint32_t reg) {
    return (reg & PDL_UART_STATUS_TX_LEVEL_MASK) >> PDL_UART_STATUS_TX_LEVEL_SHIFT;
}
static inline uint32_t pdl_uart_status_tx_level_read(void) {
    return pdl_uart_status_tx_level_extract(pdl_uart_status_read());
}
static inline uint32_t pdl_uart_status_rx_level_extract(uint32_t reg) {
    return (reg & PDL_UART_STATUS_RX_LEVEL_MASK) >> PDL_UART_STATUS_RX_LEVEL_SHIFT;
}
static inline uint32_t pdl_uart_status_rx_level_read(void) {
    return pdl_uart_status_rx_level_extract(pdl_uart_status_read());
}

/* div @ 0xc (RW, reset 0x00000010): Bit time */
#define PDL_UART_DIV_OFFSET       0xcu
#define PDL_UART_DIV_ADDR         (PDL_UART_BASE + PDL_UART_DIV_OFFSET)
#define PDL_UART_DIV_RESET        0x00000010u
#define PDL_UART_DIV_CYCLES_SHIFT 0
#define PDL_UART_DIV_CYCLES_WIDTH 16
#define PDL_UART_DIV_CYCLES_MASK  0x0000ffffu
static inline uint32_t pdl_uart_div_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_UART_DIV_ADDR;
}
static inline void pdl_uart_div_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)PDL_UART_DIV_ADDR = value;
}
static inline uint32_t pdl_uart_div_cycles_extract(uint32_t reg) {
    return (reg & PDL_UART_DIV_CYCLES_MASK) >> PDL_UART_DIV_CYCLES_SHIFT;
}
static inline uint32_t pdl_uart_div_cycles_read(void) {
    return pdl_uart_div_cycles_extract(pdl_uart_div_read());
}
static inline uint32_t pdl_uart_div_cycles_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_UART_DIV_CYCLES_MASK) | ((value << PDL_UART_DIV_CYCLES_SHIFT) & PDL_UART_DIV_CYCLES_MASK);
}
static inline void pdl_uart_div_cycles_write(uint32_t value) {
    pdl_uart_div_write(pdl_uart_div_cycles_replace(pdl_uart_div_read(), value));
}

/* irq_en @ 0x10 (RW, reset 0x00000000): Interrupt enables (the UART's line is level) */
#define PDL_UART_IRQ_EN_OFFSET        0x10u
#define PDL_UART_IRQ_EN_ADDR          (PDL_UART_BASE + PDL_UART_IRQ_EN_OFFSET)
#define PDL_UART_IRQ_EN_RESET         0x00000000u
#define PDL_UART_IRQ_EN_RX_SHIFT      0
#define PDL_UART_IRQ_EN_RX_WIDTH      1
#define PDL_UART_IRQ_EN_RX_MASK       0x00000001u
#define PDL_UART_IRQ_EN_TX_IDLE_SHIFT 1
#define PDL_UART_IRQ_EN_TX_IDLE_WIDTH 1
#define PDL_UART_IRQ_EN_TX_IDLE_MASK  0x00000002u
static inline uint32_t pdl_uart_irq_en_read(void) {
    return *(volatile uint32_t *)(uintptr_t)PDL_UART_IRQ_EN_ADDR;
}
static inline void pdl_uart_irq_en_write(uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)PDL_UART_IRQ_EN_ADDR = value;
}
static inline uint32_t pdl_uart_irq_en_rx_extract(uint32_t reg) {
    return (reg & PDL_UART_IRQ_EN_RX_MASK) >> PDL_UART_IRQ_EN_RX_SHIFT;
}
static inline uint32_t pdl_uart_irq_en_rx_read(void) {
    return pdl_uart_irq_en_rx_extract(pdl_uart_irq_en_read());
}
static inline uint32_t pdl_uart_irq_en_rx_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_UART_IRQ_EN_RX_MASK) | ((value << PDL_UART_IRQ_EN_RX_SHIFT) & PDL_UART_IRQ_EN_RX_MASK);
}
static inline void pdl_uart_irq_en_rx_write(uint32_t value) {
    pdl_uart_irq_en_write(pdl_uart_irq_en_rx_replace(pdl_uart_irq_en_read(), value));
}
static inline uint32_t pdl_uart_irq_en_tx_idle_extract(uint32_t reg) {
    return (reg & PDL_UART_IRQ_EN_TX_IDLE_MASK) >> PDL_UART_IRQ_EN_TX_IDLE_SHIFT;
}
static inline uint32_t pdl_uart_irq_en_tx_idle_read(void) {
    return pdl_uart_irq_en_tx_idle_extract(pdl_uart_irq_en_read());
}
static inline uint32_t pdl_uart_irq_en_tx_idle_replace(uint32_t reg, uint32_t value) {
    return (reg & ~PDL_UART_IRQ_EN_TX_IDLE_MASK) | ((value << PDL_UART_IRQ_EN_TX_IDLE_SHIFT) & PDL_UART_IRQ_EN_TX_IDLE_MASK);
}
static inline void pdl_uart_irq_en_tx_idle_write(uint32_t value) {
    pdl_uart_irq_en_write(pdl_uart_irq_en_tx_idle_replace(pdl_uart_irq_en_read(), value));
}
