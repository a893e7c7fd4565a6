/* The SoC firmware: the protocol core over the UART. Never returns; the host's STOP ends a run, not the program. */
#include "board.h"
#include "drivers.h"

#define LINK_BAUD 3000000u /* the fastest rate the host's serial transport offers (SerialTransport.MAX_BAUD) */

int main(void) {
    uart_init(LINK_BAUD);
    board_init();
    for (;;) board_poll();
}
