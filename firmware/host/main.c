/* pulsedl-fw-host: the firmware's protocol core on the host, speaking the host protocol on stdin/stdout (run it
 * behind a pipe, or behind a pty with socat). Stops when stdin closes. */
#include "board.h"
#include "host.h"

int main(void) {
    board_init();
    for (;;) {
        board_poll();
        host_wait_for_input(1); /* the stand-in capture is paced by the clock; no need to spin */
    }
}
