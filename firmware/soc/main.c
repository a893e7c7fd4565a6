/* The SoC firmware: the protocol core over the UART. Never returns; the host's STOP ends a run, not the program. */
#include "board.h"
#include "drivers.h"

/* The fastest rate the host's serial transport offers (SerialTransport.MAX_BAUD). A simulation build may set a
 * faster one (make LINK_BAUD=25000000: 4 clock cycles per bit, the UART's least): a pty has no baud rate, and the
 * simulated line then costs 40 cycles per byte instead of 330. */
#ifndef LINK_BAUD
#define LINK_BAUD 3000000u
#endif

int main(void) {
    uart_init(LINK_BAUD);
    board_init();
    for (;;) board_poll();
}
