#include "drivers.h"
#include "mmio.h"

void uart_init(uint32_t baud) {
    mmio_write(SOC_UART_BASE, PDL_UART_DIV_OFFSET, (PULSEDL_CFG_CLOCK_HZ + baud / 2) / baud);
}

size_t uart_read(uint8_t *buf, size_t max) {
    size_t n = 0;
    while (n < max) {
        uint32_t rx = mmio_read(SOC_UART_BASE, PDL_UART_RX_OFFSET);
        if ((rx & PDL_UART_RX_VALID_MASK) == 0) break;
        buf[n++] = (uint8_t)(rx & PDL_UART_RX_DATA_MASK);
    }
    return n;
}

void uart_write(const uint8_t *buf, size_t n) {
    for (size_t i = 0; i < n; i++) {
        while (mmio_read(SOC_UART_BASE, PDL_UART_STATUS_OFFSET) & PDL_UART_STATUS_TX_FULL_MASK) {
        }
        mmio_write(SOC_UART_BASE, PDL_UART_TX_OFFSET, buf[i]);
    }
}
