/* The firmware's protocol core: one call to set up, then board_poll() in the main loop. Everything the board
 * does for the host (DESIGN section 5) happens inside board_poll; nothing here waits. */
#pragma once
#include <stdint.h>

#define FIRMWARE_VERSION 0x000100u /* major << 16 | minor << 8 | patch */

void board_init(void);

void board_poll(void);

/* 1 between START and STOP. */
int board_running(void);
