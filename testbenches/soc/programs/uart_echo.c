/* UART echo: prints "ready\n", then sends back every received byte until it receives 0x04 (EOT), and passes. The
   receiver is checked through the interrupt path: MEIP with the UART's rx enable. */
#include "soc.h"

static volatile uint32_t rx_interrupts;

void trap(uint32_t mcause, uint32_t mtval) {
    (void)mtval;
    if (mcause == 0x8000000bu) {
        rx_interrupts++;
        REG(PDL_UART_IRQ_EN_ADDR) = 0;   /* the loop below polls; one interrupt shows the line works */
    } else {
        REG(PDL_SIM_CTRL_EXIT_ADDR) = (90u << 1) | 1u;
    }
}

int main(void) {
    REG(PDL_UART_DIV_ADDR) = 8;   /* 8 cycles per bit: fast in simulation */
    uart_puts("ready\n");
    REG(PDL_UART_IRQ_EN_ADDR) = PDL_UART_IRQ_EN_RX_MASK;
    __asm__ volatile("csrs mie, %0" ::"r"(1u << 11));
    __asm__ volatile("csrs mstatus, %0" ::"r"(1u << 3));
    for (;;) {
        uint32_t rx = REG(PDL_UART_RX_ADDR);
        if (!(rx & PDL_UART_RX_VALID_MASK)) continue;
        char c = (char)(rx & PDL_UART_RX_DATA_MASK);
        if (c == 0x04) break;
        uart_put(c);
    }
    uart_flush();
    return rx_interrupts == 1 ? 0 : 5;
}
