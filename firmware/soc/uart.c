#include "drivers.h"
#include "mmio.h"

/* Bytes taken from the receive FIFO while the transmitter was busy: a RESULT frame takes ~100k cycles to leave
 * and the FIFO holds 16 bytes, so a command arriving meanwhile (STOP) would otherwise overrun it. */
#define RX_RING 512u
static uint8_t ring[RX_RING];
static uint32_t ring_head, ring_tail; /* free-running; head - tail bytes held */

void uart_init(uint32_t baud) {
    mmio_write(SOC_UART_BASE, PDL_UART_DIV_OFFSET, (PULSEDL_CFG_CLOCK_HZ + baud / 2) / baud);
}

/* Moves received bytes into the ring while it has room; also called by waits elsewhere (framer.c). */
void uart_catch(void) {
    while (ring_head - ring_tail < RX_RING) {
        uint32_t rx = mmio_read(SOC_UART_BASE, PDL_UART_RX_OFFSET);
        if ((rx & PDL_UART_RX_VALID_MASK) == 0) return;
        ring[ring_head++ % RX_RING] = (uint8_t)(rx & PDL_UART_RX_DATA_MASK);
    }
}

size_t uart_read(uint8_t *buf, size_t max) {
    uart_catch();
    size_t n = 0;
    while (n < max && ring_tail != ring_head) buf[n++] = ring[ring_tail++ % RX_RING];
    return n;
}

void uart_write(const uint8_t *buf, size_t n) {
    for (size_t i = 0; i < n; i++) {
        while (mmio_read(SOC_UART_BASE, PDL_UART_STATUS_OFFSET) & PDL_UART_STATUS_TX_FULL_MASK) uart_catch();
        mmio_write(SOC_UART_BASE, PDL_UART_TX_OFFSET, buf[i]);
    }
}
